"""Live updates (``realtime=yes``) judged by a real WebSocket client against the production start.

Two workers started the Procfile way with only the declared variables (so with ``REDIS_URL``): a plain
``ws://`` handshake is refused (FastAPI 403, Flask its HTTPS redirect); over "HTTPS" (``X-Forwarded-Proto``
from the trusted proxy address), a socket without credentials (a bearer token in FastAPI, the session
cookie in Flask) is closed with 1008 (policy violation); Flask also refuses a handshake from another site's
page (403). With credentials, a resource created through the API arrives on the socket, whichever worker
each connection landed on.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable

from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from tests.clients.production import dotenv_aside
from tests.clients.server import Reply, Server, fetch, production_env, serve
from tests.harness import CheckFailed, Project

SOCKET = "/api/v1/ws/items"
FLASK_SOCKET = "/api/v1/ws/notes"
# Gunicorn refuses a second Host header, and the client's own (127.0.0.1) is a trusted host there.
FLASK_SECURE = {"X-Forwarded-Proto": "https"}
HANDSHAKE = {
    "Connection": "Upgrade",
    "Upgrade": "websocket",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
}
SECURE = {"X-Forwarded-Proto": "https", "Host": "localhost"}


def _socket(server: Server, headers: dict[str, str], path: str = SOCKET) -> ClientConnection:
    return connect(f"ws://127.0.0.1:{server.port}{path}", additional_headers=headers, open_timeout=10)


def _close_code(ws: ClientConnection) -> int | None:
    try:
        ws.recv(timeout=15)
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else None
    return None


def _expect(condition: bool, problem: str, server: Server) -> None:
    if not condition:
        raise CheckFailed(f"[live] {problem}\n{server.log_tail()}")


def _bearer(server: Server) -> dict[str, str]:
    from tests.clients.fastapi import bearer_token  # the API's own sign-up and sign-in

    token = bearer_token(server, https=True)
    return {"Authorization": f"Bearer {token}"} if token else {}


def _each_socket_gets_what_is_made(
    server: Server, open_socket: Callable[[], ClientConnection], create: Callable[[str], Reply], kind: str
) -> None:
    """Three sockets (so both workers likely serve one): each gets what the API makes while it listens."""
    name = f"live {uuid.uuid4().hex}"
    for attempt in range(3):
        with open_socket() as ws:
            _expect(json.loads(ws.recv(timeout=15)) == {"type": "subscribed"}, "no subscribed message", server)
            created = create(f"{name} {attempt}")
            _expect(created.status == 201, f"creating a {kind} answered {created.status}", server)
            event = json.loads(ws.recv(timeout=15))
            expected = {"type": f"{kind}.created", kind: created.json()}
            _expect(event == expected, f"the socket got {event}, not the {kind} made through the API", server)


def check(project: Project) -> None:
    if project.context.get("_framework") == "flask":
        check_flask(project)
        return
    started = time.monotonic()
    with dotenv_aside(project.path), serve(project, production_env(project), workers=2) as server:
        try:
            _socket(server, {"Host": "localhost"}).close()
            _expect(False, "a plain ws:// handshake was accepted in production", server)
        except InvalidStatus as refused:
            _expect(refused.response.status_code == 403, f"plain ws:// got {refused.response.status_code}", server)
        auth = _bearer(server)
        if auth:
            with _socket(server, SECURE) as ws:
                ws.send(json.dumps({"token": "not-a-token"}))
                code = _close_code(ws)
            _expect(code == 1008, f"a socket with a bad token must close with 1008, not {code}", server)

        def create_item(name: str) -> Reply:
            body = json.dumps({"name": name}).encode()
            headers = {"Content-Type": "application/json", **auth}
            return fetch(server.url, "/api/v1/items", method="POST", body=body, https=True, headers=headers)

        _each_socket_gets_what_is_made(server, lambda: _socket(server, {**SECURE, **auth}), create_item, "item")
    project.timings["live"] = time.monotonic() - started


def check_flask(project: Project) -> None:
    from tests.clients.flask import Visitor  # the site's own sign-up, login and CSRF token

    started = time.monotonic()
    with dotenv_aside(project.path), serve(project, production_env(project), workers=2) as server:
        # As sent, not followed: the websockets client would follow the redirect to an https:// URL.
        plain = fetch(server.url, FLASK_SOCKET, headers=HANDSHAKE)
        location = plain.headers.get("Location") or ""
        _expect(
            plain.status == 308 and location.startswith("https://"),
            f"plain ws:// must get the HTTPS redirect (308), not {plain.status} {location}",
            server,
        )
        visitor = Visitor(server, https=True)
        cookie: dict[str, str] = {}
        if project.context.get("auth") == "yes":
            with _socket(server, FLASK_SECURE, FLASK_SOCKET) as ws:
                code = _close_code(ws)
            _expect(code == 1008, f"a socket without a login must close with 1008, not {code}", server)
            visitor.sign_up_and_log_in()
            cookie = {"Cookie": visitor.cookie_header()}
        try:
            _socket(server, {**FLASK_SECURE, **cookie, "Origin": "https://evil.example"}, FLASK_SOCKET).close()
            _expect(False, "a handshake from another site's page was accepted", server)
        except InvalidStatus as refused:
            status = refused.response.status_code
            _expect(status == 403, f"a cross-site handshake must get 403, not {status}", server)

        def create_note(title: str) -> Reply:
            headers = {"X-CSRFToken": visitor.api_csrf_token()} if cookie else {}
            body = json.dumps({"title": title})
            return visitor.request("POST", "/api/v1/notes/", json_body=body, headers=headers)

        def open_socket() -> ClientConnection:
            return _socket(server, {**FLASK_SECURE, **cookie}, FLASK_SOCKET)

        _each_socket_gets_what_is_made(server, open_socket, create_note, "note")
    project.timings["live"] = time.monotonic() - started
