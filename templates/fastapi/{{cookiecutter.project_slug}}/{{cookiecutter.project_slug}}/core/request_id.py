"""Each request gets an id (the client's X-Request-ID when it is a plain token): on every log line
written while it is handled, uvicorn's access line included, and in the response's X-Request-ID."""

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

{% if cookiecutter.error_tracking == "sentry" -%}
from {{ cookiecutter.project_slug }}.core.error_tracking import tag_request
{% endif -%}
from {{ cookiecutter.project_slug }}.core.logs import REQUEST_ID_HEADER, request_id, request_id_for


class RequestIdMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        current = request_id_for(Headers(scope=scope).get(REQUEST_ID_HEADER))

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = current
            await send(message)

        token = request_id.set(current)
{%- if cookiecutter.error_tracking == "sentry" %}
        tag_request(current)
{%- endif %}
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
