"""HTTPS for every path but /health, which load balancers probe over plain HTTP."""

from starlette.datastructures import URL, MutableHeaders
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HSTS = "max-age=31536000; includeSubDomains"


class HTTPSOnlyMiddleware:
    """Redirect plain-HTTP requests to HTTPS and send HSTS on secure responses.

    The redirect is built from the Host header, so this must run behind the allowed-hosts check.
    uvicorn sets the scheme from X-Forwarded-Proto only for the proxies in FORWARDED_ALLOW_IPS.
    """

    def __init__(self, app: ASGIApp, exempt_paths: frozenset[str] = frozenset({"/health"})) -> None:
        self.app = app
        self.exempt_paths = exempt_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
{%- if cookiecutter.realtime == "yes" %}
        if scope["type"] == "websocket" and scope["scheme"] == "ws":
            # A WebSocket has no redirect: a plain one is refused (the handshake gets 403).
            await send({"type": "websocket.close", "code": 1008})
            return
{%- endif %}
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["scheme"] == "http":
            if scope["path"] in self.exempt_paths:
                await self.app(scope, receive, send)
                return
            url = URL(scope=scope)
            netloc = url.hostname if url.port in (None, 80) else f"{url.hostname}:{url.port}"
            redirect = RedirectResponse(url.replace(scheme="https", netloc=netloc), 308)
            await redirect(scope, receive, send)
            return

        async def send_with_hsts(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_hsts)
