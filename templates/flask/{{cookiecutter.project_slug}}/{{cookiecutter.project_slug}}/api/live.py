{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
"""Live notes over a WebSocket, `/api/v1/ws/notes`: each note as it is made{% if has_tenancy %}, for the notes of the
signed-in user's organisations only{% endif %}.

Events travel through `events.py`: within this process, or through Redis between processes. Each
socket holds one of the server's threads (the Procfile gives gunicorn 32 per worker).
"""

import atexit
import json
import queue
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, current_app, request
{%- if has_auth %}
from flask_login import current_user
{%- endif %}
from flask_sock import Sock

from ..events import Event, Events
from ..extensions import db
{%- if has_tenancy %}
from ..organizations.tenant import memberships_of
{%- endif %}

PATH = "/api/v1/ws/notes"
#: How often a quiet socket checks that its client is still there, in seconds.
POLL_SECONDS = 1.0
#: WebSocket close codes (RFC 6455): the socket is not allowed; the client should come back later.
POLICY_VIOLATION = 1008
TRY_AGAIN_LATER = 1013

bp = Blueprint("live", __name__)
sock = Sock()


def init_live(app: Flask) -> None:
    channel = f"{app.import_name}:notes"
    events = Events(app.config["EVENTS_REDIS_URL"], channel=channel)
    # A listener thread still logging while the interpreter shuts down would abort it.
    atexit.register(events.close)
    app.extensions["events"] = events
    app.register_blueprint(bp)


def events() -> Events:
    found: Events = current_app.extensions["events"]
    return found


def note_event(note: dict[str, Any], audience: int | None) -> Event:
    """A `note.created` event for the subscribers that may see the note: `audience` is its
    {% if has_tenancy %}organisation's id{% else %}audience (None: everyone){% endif %}."""
    return {"type": "note.created", "note": note, "audience": audience}


@bp.before_request
def same_origin_only() -> None:
    """A browser names the page that opens a socket: only this site's pages may open one.
{%- if has_auth %}
    The session cookie would otherwise let any site read the user's notes.
{%- endif %}

    Refused before the handshake, with 403. Host names are compared, not ports: cookies do not tell
    ports apart.
    """
    origin = request.headers.get("Origin")
    if origin is not None and urlsplit(origin).hostname != urlsplit(f"//{request.host}").hostname:
        abort(403)


@sock.route(PATH, bp=bp)
def note_events(ws: Any) -> None:
{%- if has_auth %}
    if not current_user.is_authenticated:
        ws.close(reason=POLICY_VIOLATION, message="Not authenticated")
        return
{%- endif %}
{%- if has_tenancy %}
    # Memberships are read once: one added or removed later takes effect on reconnecting.
    audience = {membership.organization_id for membership in memberships_of(current_user.id)}
{%- endif %}
    # The socket may stay open for hours: it must not hold a database connection (or a transaction)
    # while it waits.
    db.session.close()
    with events().subscribe() as subscription:
        # Said once the subscription is in place: every note made after this message is sent.
        ws.send(json.dumps({"type": "subscribed"}))
        while ws.connected:
            try:
                event = subscription.next(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            if event is None:
                # Too far behind: the client reconnects and re-reads the notes.
                ws.close(reason=TRY_AGAIN_LATER, message="Too far behind")
                return
{%- if has_tenancy %}
            if event["audience"] not in audience:
                continue
{%- endif %}
            ws.send(json.dumps({"type": event["type"], "note": event["note"]}))
