{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
{% set has_realtime = cookiecutter.realtime == "yes" -%}
{%- if has_tenancy -%}
"""Notes of the organisation the request works in: list (paginated), create and fetch one; a login
is needed for all of it, and another organisation's note is a 404."""
{%- else -%}
"""Notes: list (paginated), create and fetch one.{% if has_auth %} Reads are public; writing needs a login.{% endif %}"""
{%- endif %}

from datetime import UTC, datetime
from typing import Any
{% if has_auth %}
from flask import request
from flask.views import MethodView
from flask_login import current_user
{%- else %}
from flask.views import MethodView
{%- endif %}
from marshmallow import Schema, ValidationError, fields, validate
from sqlalchemy import Select, func, select

{% if has_auth -%}
from ..extensions import csrf, db, login_manager
{%- else -%}
from ..extensions import db
{%- endif %}
{%- if has_tenancy %}
from ..organizations.tenant import HEADER, api_tenant
{%- endif %}
from . import blueprint
from .blueprint import Blueprint, counted
{%- if has_realtime %}
from .live import events, note_event
{%- endif %}
from .models import Note, unstorable

# The largest id the `notes.id` column holds (a 32-bit integer); larger ids cannot exist: 404.
MAX_NOTE_ID = 2**31 - 1

blp = Blueprint("notes", __name__, url_prefix="/api/v1/notes", description="Short text notes.")
{%- if has_auth %}
# An API client gets a JSON 401, not the redirect to the login page that browsers get.
login_manager.blueprint_login_views[blp.name] = None
# Writes authenticate with the session cookie, so they also need the CSRF token (see csrf.py).
WRITE_SECURITY: list[dict[str, list[str]]] = [{"session": [], "csrf": []}]
# The CSRF check runs in `login_then_csrf` below, after the login check, instead of before it.
csrf.exempt(blp)


{%- if has_tenancy %}
# Every operation works in an organisation: the header names one, else the user's own is used.
TENANT_DOC: dict[str, Any] = {
    "parameters": [
        {
            "in": "header",
            "name": HEADER,
            "required": False,
            "schema": {"type": "integer", "minimum": 1},
            "description": "The organisation to work in (/api/v1/organizations/), else yours.",
        }
    ]
}
READ_SECURITY: list[dict[str, list[str]]] = [{"session": []}]


@blp.before_request
def login_then_csrf() -> None:
    """Without a login, 401 (notes belong to organisations); a write without the token, 400."""
    if request.method == "OPTIONS":
        return
    if not current_user.is_authenticated:
        login_manager.unauthorized()  # aborts with 401
    if request.method not in {"GET", "HEAD"}:
        csrf.protect()
{%- else %}


@blp.before_request
def login_then_csrf() -> None:
    """A write without a login gets 401 (log in first); a logged-in write without the token, 400."""
    if request.method in {"GET", "HEAD", "OPTIONS"}:
        return
    if not current_user.is_authenticated:
        login_manager.unauthorized()  # aborts with 401
    csrf.protect()
{%- endif %}
{%- endif %}


def count_up_to_limit(query: Select[Any]) -> int:
    """How many rows ``query`` selects, reading at most COUNT_LIMIT + 1 (see blueprint.py)."""
    rows = query.limit(blueprint.COUNT_LIMIT + 1).subquery()
    return db.session.scalar(select(func.count()).select_from(rows)) or 0


def storable_text(value: str) -> None:
    problem = unstorable(value)
    if problem:
        raise ValidationError(problem)


class UtcDateTime(fields.DateTime):
    """An RFC 3339 timestamp with its offset: SQLite returns naive datetimes, which hold UTC."""

    def _serialize(self, value: datetime | None, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class NoteSchema(Schema):
    id = fields.Integer(dump_only=True)
    title = fields.String(required=True, validate=[validate.Length(min=1, max=200), storable_text])
    body = fields.String(load_default="", validate=[validate.Length(max=10_000), storable_text])
{%- if has_auth %}
    author_id = fields.Integer(dump_only=True)
{%- endif %}
{%- if has_tenancy %}
    # Set from the request's organisation; a body that names one is refused (422).
    organization_id = fields.Integer(dump_only=True)
{%- endif %}
    created_at = UtcDateTime(dump_only=True)


{%- if has_realtime %}


def announce(note: Note) -> None:
    """Tell the live-notes sockets (live.py) about a note just stored."""
    audience = {% if has_tenancy %}note.organization_id{% else %}None{% endif %}
    events().publish(note_event(NoteSchema().dump(note), audience))
{%- endif %}


@blp.route("/")
class Notes(MethodView):
{%- if has_tenancy %}
    @blp.doc(security=READ_SECURITY, **TENANT_DOC)
    @blp.alt_response(401, response="UNAUTHORIZED", description="Not logged in.")
    @blp.alt_response(404, response="NOT_FOUND", description="Not one of your organisations.")
{%- endif %}
    @blp.response(200, NoteSchema(many=True))
    @blp.paginate()
    def get(self, pagination_parameters: Any) -> list[Note]:
{%- if has_tenancy %}
        """List the organisation's notes, oldest first."""
        tenant = api_tenant()
        count = count_up_to_limit(select(Note.id).where(tenant.owns(Note)))
{%- else %}
        """List notes, oldest first."""
        count = count_up_to_limit(select(Note.id))
{%- endif %}
        pagination_parameters.item_count = count
        first, size = pagination_parameters.first_item, pagination_parameters.page_size
        # Past the last page no query runs, so a huge page number never becomes a huge OFFSET. When
        # the notes were not all counted, the bound is the most rows that 32-bit ids can number.
        if first >= (count if counted(count) else MAX_NOTE_ID):
            return []
        query = (
{%- if has_tenancy %}
            tenant.select(Note)
{%- else %}
            select(Note)
{%- endif %}
            .order_by(Note.id)
            .offset(first)
            .limit(size + 1)  # one more than the page: whether a next one exists
        )
        notes = list(db.session.scalars(query))
        pagination_parameters.has_next = len(notes) > size
        return notes[:size]
{%- if has_auth %}

    @blp.doc(security=WRITE_SECURITY{% if has_tenancy %}, **TENANT_DOC{% endif %})
    @blp.alt_response(400, response="BAD_REQUEST", description="No valid CSRF token.")
    @blp.alt_response(401, response="UNAUTHORIZED", description="Not logged in.")
{%- if has_tenancy %}
    @blp.alt_response(404, response="NOT_FOUND", description="Not one of your organisations.")
{%- endif %}
    @blp.arguments(NoteSchema)
    @blp.response(201, NoteSchema)
    def post(self, data: dict[str, Any]) -> Note:
{%- if has_tenancy %}
        """Create a note in the organisation, written by the logged-in user."""
        note = Note(**data, author_id=current_user.id, organization_id=api_tenant().organization_id)
{%- else %}
        """Create a note written by the logged-in user."""
        note = Note(**data, author_id=current_user.id)
{%- endif %}
        db.session.add(note)
        db.session.commit()
{%- if has_realtime %}
        announce(note)
{%- endif %}
        return note
{%- else %}

    @blp.arguments(NoteSchema)
    @blp.response(201, NoteSchema)
    def post(self, data: dict[str, Any]) -> Note:
        """Create a note. Without user accounts the API is open: anyone can write."""
        note = Note(**data)
        db.session.add(note)
        db.session.commit()
{%- if has_realtime %}
        announce(note)
{%- endif %}
        return note
{%- endif %}


@blp.route(f"/<int(max={MAX_NOTE_ID}):note_id>")
class NoteById(MethodView):
{%- if has_tenancy %}
    @blp.doc(security=READ_SECURITY, **TENANT_DOC)
    @blp.alt_response(401, response="UNAUTHORIZED", description="Not logged in.")
    @blp.alt_response(404, response="NOT_FOUND", description="No note with this id here.")
    @blp.response(200, NoteSchema)
    def get(self, note_id: int) -> Note:
        """Fetch one of the organisation's notes."""
        query = api_tenant().select(Note).where(Note.id == note_id)
        note: Note = db.first_or_404(query, description="No note with this id.")
        return note
{%- else %}
    @blp.alt_response(404, response="NOT_FOUND", description="No note with this id.")
    @blp.response(200, NoteSchema)
    def get(self, note_id: int) -> Note:
        """Fetch one note."""
        return db.get_or_404(Note, note_id, description="No note with this id.")
{%- endif %}
