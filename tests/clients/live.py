"""Live updates (FastAPI ``realtime=yes``) judged by a real WebSocket client against the production start.

Two workers started the Procfile way with only the declared variables (so with ``REDIS_URL``): a plain
``ws://`` handshake is refused as plain HTTP would be redirected; over "HTTPS" (``X-Forwarded-Proto`` from
the trusted proxy address), a socket without a token is closed with 1008 (policy violation); with one, an
item created through the API arrives on the socket, whichever worker each connection landed on.
"""

from __future__ import annotations

import json
import time
import uuid

from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from tests.clients.production import dotenv_aside
from tests.clients.server import Server, fetch, production_env, serve
from tests.harness import CheckFailed, Project

SOCKET = "/api/v1/ws/items"
SECURE = {"X-Forwarded-Proto": "https", "Host": "localhost"}


def _socket(server: Server, headers: dict[str, str]) -> ClientConnection:
    return connect(f"ws://127.0.0.1:{server.port}{SOCKET}", additional_headers=headers, open_timeout=10)


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


def check(project: Project) -> None:
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
        name = f"live {uuid.uuid4().hex}"
        for attempt in range(3):  # three sockets, so that both workers are likely to serve one
            with _socket(server, {**SECURE, **auth}) as ws:
                _expect(json.loads(ws.recv(timeout=15)) == {"type": "subscribed"}, "no subscribed message", server)
                body = json.dumps({"name": f"{name} {attempt}"}).encode()
                created = fetch(
                    server.url,
                    "/api/v1/items",
                    method="POST",
                    body=body,
                    https=True,
                    headers={"Content-Type": "application/json", **auth},
                )
                _expect(created.status == 201, f"creating an item answered {created.status}", server)
                event = json.loads(ws.recv(timeout=15))
                _expect(
                    event == {"type": "item.created", "item": created.json()},
                    f"the socket got {event}, not the item created through the API",
                    server,
                )
    project.timings["live"] = time.monotonic() - started
