{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
"""Live item changes over a WebSocket, `/api/v1/ws/items`: what was created, changed or deleted{% if has_tenancy %},
for the items of the signed-in user's organisations only{% elif has_auth %},
for the signed-in user's items only{% endif %}.

Events travel through `core/events.py`: within this process, or through Redis between processes.
"""

import contextlib
{%- if has_auth %}
import json
{%- endif %}
from typing import Annotated{% if has_auth %}, Any{% endif %}, Literal

import anyio
from fastapi import APIRouter, Depends, Request, WebSocket, WebSocketDisconnect, status

{% if has_auth -%}
from {{ cookiecutter.project_slug }}.api.deps import user_for_token
{% endif -%}
from {{ cookiecutter.project_slug }}.core.events import Event, Events
from {{ cookiecutter.project_slug }}.schemas.item import ItemRead
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.services.organizations import memberships_of
{%- endif %}

router = APIRouter(tags=["items"])
{%- if has_auth %}
#: Seconds a client that sent no Authorization header has to send its token as the first message.
AUTH_TIMEOUT = 10
{%- endif %}


def get_events(request: Request) -> Events:
    events: Events = request.app.state.events
    return events


EventsDep = Annotated[Events, Depends(get_events)]


def item_event(
    kind: Literal["created", "updated", "deleted"], item: ItemRead, audience: int | None = None
) -> Event:
    """An event for the subscribers that may see the item: `audience` is its {% if has_tenancy %}organisation's{% else %}owner's{% endif %} id{% if not has_auth %}
    (None: everyone){% endif %}."""
    return {"type": f"item.{kind}", "item": item.model_dump(mode="json"), "audience": audience}
{%- if has_auth %}


async def authenticate(websocket: WebSocket) -> set[int] | None:
    """Whose items the socket may see{% if has_tenancy %} (the ids of the user's organisations){% else %} (the user's id){% endif %}, from its bearer token: in
    the Authorization header, or (browsers cannot set headers on a WebSocket) a first message
    `{"token": "..."}`."""
    scheme, _, token = websocket.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        try:
            with anyio.fail_after(AUTH_TIMEOUT):
                message: Any = await websocket.receive_json()
        except (TimeoutError, WebSocketDisconnect, KeyError, json.JSONDecodeError):
            return None  # KeyError: a binary frame
        sent = message.get("token") if isinstance(message, dict) else None
        if not isinstance(sent, str) or not sent:
            return None
        token = sent
    state = websocket.app.state
    async with state.database.session_factory() as session:
        user = await user_for_token(token, session, state.settings)
{%- if has_tenancy %}
        if user is None:
            return None
        # Memberships are read once: one added or removed later takes effect on reconnecting.
        return {organization.id for organization, _ in await memberships_of(session, user.id)}
{%- else %}
    return None if user is None else {user.id}
{%- endif %}
{%- endif %}


@router.websocket("/ws/items")
async def item_events(websocket: WebSocket) -> None:
    await websocket.accept()
{%- if has_auth %}
    audience = await authenticate(websocket)
    if audience is None:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION, reason="Not authenticated")
        return
{%- endif %}
    events: Events = websocket.app.state.events
    async with events.hub.subscribe() as subscription, anyio.create_task_group() as tasks:
        # Said once the subscription is in place: every change after this message is delivered.
        await websocket.send_json({"type": "subscribed"})

        async def forward() -> None:
            with contextlib.suppress(WebSocketDisconnect, OSError):  # the client left mid-send
                while (event := await subscription.next()) is not None:
{%- if has_auth %}
                    if event.get("audience") not in audience:
                        continue
{%- endif %}
                    await websocket.send_json({"type": event["type"], "item": event["item"]})
                # Too far behind: the client reconnects and re-reads the items.
                await websocket.close(code=status.WS_1013_TRY_AGAIN_LATER, reason="Too far behind")
            tasks.cancel_scope.cancel()

        async def until_disconnected() -> None:
            # Clients have nothing to say after subscribing; this only notices that they left.
            while (await websocket.receive())["type"] != "websocket.disconnect":
                pass
            tasks.cancel_scope.cancel()

        tasks.start_soon(forward)
        tasks.start_soon(until_disconnected)
