{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
"""Live notes: a real WebSocket client against the production server (gunicorn, one process), the
event hub, and two server processes that share nothing but Redis."""

import http.client
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import redis
from flask import Flask
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect
from websockets.sync.connection import Connection

from {{ cookiecutter.project_slug }} import create_app
{% if has_auth -%}
from {{ cookiecutter.project_slug }}.auth.views import create_user
{% endif -%}
from {{ cookiecutter.project_slug }}.config import Config, ConfigError
from {{ cookiecutter.project_slug }}.events import QUEUE_SIZE, Events, Hub

SOCKET = "/api/v1/ws/notes"
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
PASSWORD = "correct horse battery"
CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')
FORM = "application/x-www-form-urlencoded"

Headers = dict[str, str]


class Visitor:
    """A client with a cookie jar over real HTTP: logs in through the form, writes with a token."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: bytes | None = None, headers: Headers | None = None) -> Any:
        request = urllib.request.Request(f"http://{self.address}{path}", data, headers or {})
        with self.opener.open(request, timeout=10) as response:  # noqa: S310 (a local test server)
            body = response.read().decode()
        return json.loads(body) if body.startswith(("{", "[")) else body
{%- if has_auth %}

    def log_in(self, email: str) -> None:
        page = self.request("/auth/login")
        match = CSRF_INPUT.search(page)
        assert match, "no CSRF token on the login page"
        form = urllib.parse.urlencode(
            {"email": email, "password": PASSWORD, "csrf_token": match.group(1)}
        )
        self.request("/auth/login", form.encode(), {"Content-Type": FORM})
{%- endif %}

    def post_note(self, title: str) -> dict[str, Any]:
        headers = {"Content-Type": "application/json"}
{%- if has_auth %}
        headers["X-CSRFToken"] = self.request("/api/v1/csrf-token")["csrf_token"]
{%- endif %}
        body = json.dumps({"title": title}).encode()
        created: dict[str, Any] = self.request("/api/v1/notes/", body, headers)
        return created

    def cookies(self) -> Headers:
        """The session cookie for a WebSocket handshake (none before logging in)."""
        if not len(self.jar):
            return {}
        return {"Cookie": "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.jar)}


def receive(ws: Connection) -> dict[str, Any]:
    event: dict[str, Any] = json.loads(ws.recv(timeout=10))
    return event


def closed_with(ws: Connection) -> int | None:
    with pytest.raises(ConnectionClosed) as closed:
        ws.recv(timeout=10)
    return closed.value.rcvd.code if closed.value.rcvd else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_healthy(address: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{address}/health", timeout=2):  # noqa: S310
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise AssertionError(f"the server at {address} did not become healthy")


@contextmanager
def servers(config: Config, count: int, redis_url: str | None = None) -> Iterator[list[str]]:
    """`count` gunicorn processes (the Procfile's server, threads and all) on the tests' database,
    its tables made by the `app` fixture; with `redis_url` they share events through Redis."""
    env = {
        **os.environ,
        "APP_ENV": "development",
        # The same key for all: a session from one is valid on the others.
        "SECRET_KEY": "test-only-" + uuid.uuid4().hex,
        "DATABASE_URL": config.SQLALCHEMY_DATABASE_URI,
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    started = []
    for _ in range(count):
        address = f"127.0.0.1:{free_port()}"
        command = [sys.executable, "-m", "gunicorn", "--threads", "8", "--bind", address]
        command.append("{{ cookiecutter.project_slug }}.wsgi:app")
        started.append((subprocess.Popen(command, env=env), address))  # noqa: S603 (fixed program)
    try:
        for _, address in started:
            wait_until_healthy(address)
        yield [address for _, address in started]
    finally:
        for server, _ in started:
            server.terminate()
            server.wait(timeout=20)


@pytest.fixture
def live(app: Flask, config: Config) -> Iterator[str]:
    """One server process: events stay in it (no Redis)."""
    with servers(config, 1) as addresses:
        yield addresses[0]


@pytest.fixture
def visitor(app: Flask, live: str) -> Visitor:
    visitor = Visitor(live)
{%- if has_auth %}
    with app.app_context():
        create_user("ada@example.com", PASSWORD)
    visitor.log_in("ada@example.com")
{%- endif %}
    return visitor


def test_a_new_note_reaches_a_subscriber(live: str, visitor: Visitor) -> None:
    with connect(f"ws://{live}{SOCKET}", additional_headers=visitor.cookies()) as ws:
        assert receive(ws) == {"type": "subscribed"}
        created = visitor.post_note("kettle")

        event = receive(ws)

    assert event == {"type": "note.created", "note": created}
{%- if has_auth %}


def test_a_socket_without_a_login_is_closed_as_a_policy_violation(live: str) -> None:
    with connect(f"ws://{live}{SOCKET}") as ws:
        assert closed_with(ws) == 1008
{%- endif %}


def test_a_socket_opened_by_another_site_is_refused(live: str, visitor: Visitor) -> None:
    handshake = {
        **visitor.cookies(),
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Origin": "https://evil.example",
    }

    # http.client sends the handshake as given (urllib would replace its Connection header).
    connection = http.client.HTTPConnection(live, timeout=10)
    try:
        connection.request("GET", SOCKET, headers=handshake)
        assert connection.getresponse().status == 403
    finally:
        connection.close()
    same_site = {**visitor.cookies(), "Origin": f"http://{live}"}
    with connect(f"ws://{live}{SOCKET}", additional_headers=same_site) as ws:
        assert receive(ws) == {"type": "subscribed"}  # this site's own pages may
{%- if has_tenancy %}


def test_another_organizations_notes_are_not_sent(app: Flask, live: str, visitor: Visitor) -> None:
    with app.app_context():
        create_user("grace@example.com", PASSWORD)
    grace = Visitor(live)
    grace.log_in("grace@example.com")
    with connect(f"ws://{live}{SOCKET}", additional_headers=visitor.cookies()) as ws:
        assert receive(ws) == {"type": "subscribed"}
        grace.post_note("theirs")
        visitor.post_note("mine")

        event = receive(ws)

    assert event["note"]["title"] == "mine"
{%- endif %}


def test_a_subscriber_that_falls_behind_is_told_to_leave() -> None:
    hub = Hub()
    with hub.subscribe() as subscription:
        for number in range(QUEUE_SIZE + 5):
            hub.deliver({"type": "note.created", "note": {"id": number}})

        received = [subscription.next(timeout=1) for _ in range(QUEUE_SIZE)]

    # The oldest event made room for the end marker; nothing after the overflow was queued.
    assert received[0] == {"type": "note.created", "note": {"id": 1}}
    assert received[-2] == {"type": "note.created", "note": {"id": QUEUE_SIZE - 1}}
    assert received[-1] is None


def test_without_redis_a_publish_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    events = Events("redis://127.0.0.1:1/0", channel="nowhere")  # nothing listens on port 1

    try:
        with events.subscribe():  # the socket still opens; the listener keeps trying
            events.publish({"type": "note.created", "note": {"id": 1}})
    finally:
        events.close()

    assert "Could not publish an event (note.created) to Redis" in caplog.text


def test_closing_stops_the_listener_thread() -> None:
    """A listener left running would log at interpreter shutdown, which aborts the process."""
    events = Events("redis://127.0.0.1:1/0", channel="nowhere")
    with events.subscribe():
        pass
    listeners = [thread for thread in threading.enumerate() if thread.name == "events-listener"]
    assert listeners

    events.close()

    for thread in listeners:
        thread.join(timeout=5)
    assert not any(thread.is_alive() for thread in listeners)


def test_production_needs_redis(production_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL")

    with pytest.raises(ConfigError, match="REDIS_URL must be set in production"):
        create_app("production")


# ---- two server processes behind one Redis, and a real WebSocket client ----


@pytest.fixture(scope="module")
def reachable_redis() -> str:
    """The Redis at REDIS_URL; skipped when unreachable, except under CI=true, where it must be."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as err:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Redis at {REDIS_URL} is unreachable: {err}")
        pytest.skip(f"Redis at {REDIS_URL} is unreachable: {err}")
    return REDIS_URL


def test_events_reach_the_hub_of_another_process(reachable_redis: str) -> None:
    channel = f"test-events-{uuid.uuid4().hex}"
    first, second = Events(reachable_redis, channel), Events(reachable_redis, channel)

    try:
        with second.subscribe() as subscription:
            first.publish({"type": "note.created", "note": {"id": 7}})
            received = subscription.next(timeout=10)
    finally:
        first.close()
        second.close()

    assert received == {"type": "note.created", "note": {"id": 7}}
    assert first.through_redis and second.through_redis


@pytest.fixture
def two_servers(app: Flask, config: Config, reachable_redis: str) -> Iterator[list[str]]:
    with servers(config, 2, reachable_redis) as addresses:
        yield addresses


def test_a_note_made_through_one_server_reaches_a_subscriber_of_another(
    app: Flask, two_servers: list[str]
) -> None:
    first, second = two_servers
    visitor = Visitor(first)
{%- if has_auth %}
    with app.app_context():
        create_user("ada@example.com", PASSWORD)
    visitor.log_in("ada@example.com")
{%- endif %}
    title = f"made on {first} {uuid.uuid4().hex}"

    with connect(f"ws://{second}{SOCKET}", additional_headers=visitor.cookies()) as ws:
        assert receive(ws) == {"type": "subscribed"}
        created = visitor.post_note(title)
        # Another project's run on the same Redis may publish too: look for this note.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            event = receive(ws)
            if event["note"]["title"] == title:
                break

    assert event == {"type": "note.created", "note": created}
