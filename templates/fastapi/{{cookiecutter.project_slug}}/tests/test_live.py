{% set has_auth = cookiecutter.auth == "yes" -%}
"""Live item changes: the WebSocket in this process, the event hub, and two workers behind one Redis."""

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from typing import Any

import anyio
import httpx2
import pytest
import redis
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect
from websockets.sync.client import connect

{% if has_auth -%}
from {{ cookiecutter.project_slug }}.api.routes import live
{% endif -%}
from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.core.events import QUEUE_SIZE, Events, Hub
from {{ cookiecutter.project_slug }}.main import create_app

from tests.conftest import TEST_SECRET

SOCKET = "/api/v1/ws/items"
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


def subscribed(ws: Any) -> None:
    assert ws.receive_json() == {"type": "subscribed"}
{%- if has_auth %}


def test_a_socket_without_a_token_is_closed_as_a_policy_violation(client: TestClient) -> None:
    with client.websocket_connect(SOCKET) as ws:
        ws.send_json({"token": "not-a-token"})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()

    assert closed.value.code == 1008


def test_a_socket_that_stays_silent_is_closed(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live, "AUTH_TIMEOUT", 0.1)

    with client.websocket_connect(SOCKET) as ws, pytest.raises(WebSocketDisconnect) as closed:
        ws.receive_json()

    assert closed.value.code == 1008


def test_changes_to_your_items_arrive_in_order(
    client: TestClient, auth_headers: dict[str, str]
) -> None:
    with client.websocket_connect(SOCKET, headers=auth_headers) as ws:
        subscribed(ws)
        item = client.post("/api/v1/items", json={"name": "kettle"}, headers=auth_headers).json()
        client.patch(f"/api/v1/items/{item['id']}", json={"quantity": 2}, headers=auth_headers)
        client.delete(f"/api/v1/items/{item['id']}", headers=auth_headers)

        events = [ws.receive_json() for _ in range(3)]

    assert [event["type"] for event in events] == ["item.created", "item.updated", "item.deleted"]
    assert events[0]["item"] == item
    assert events[1]["item"]["quantity"] == 2
    assert set(events[0]) == {"type", "item"}  # the owner's id stays on the server


def test_a_browser_sends_its_token_as_the_first_message(
    client: TestClient, auth_headers: dict[str, str]
) -> None:
    token = auth_headers["Authorization"].removeprefix("Bearer ")
    with client.websocket_connect(SOCKET) as ws:
        ws.send_json({"token": token})
        subscribed(ws)
        client.post("/api/v1/items", json={"name": "kettle"}, headers=auth_headers)

        assert ws.receive_json()["item"]["name"] == "kettle"


def test_other_users_changes_are_not_sent(
    client: TestClient, auth_headers: dict[str, str], other_auth_headers: dict[str, str]
) -> None:
    with client.websocket_connect(SOCKET, headers=auth_headers) as ws:
        subscribed(ws)
        client.post("/api/v1/items", json={"name": "theirs"}, headers=other_auth_headers)
        client.post("/api/v1/items", json={"name": "mine"}, headers=auth_headers)

        assert ws.receive_json()["item"]["name"] == "mine"
{%- else %}


def test_changes_arrive_in_order(client: TestClient) -> None:
    with client.websocket_connect(SOCKET) as ws:
        subscribed(ws)
        item = client.post("/api/v1/items", json={"name": "kettle"}).json()
        client.patch(f"/api/v1/items/{item['id']}", json={"quantity": 2})
        client.delete(f"/api/v1/items/{item['id']}")

        events = [ws.receive_json() for _ in range(3)]

    assert [event["type"] for event in events] == ["item.created", "item.updated", "item.deleted"]
    assert events[0]["item"] == item
    assert events[1]["item"]["quantity"] == 2
{%- endif %}


@pytest.mark.anyio
async def test_a_subscriber_that_falls_behind_is_told_to_leave() -> None:
    hub = Hub()
    async with hub.subscribe() as subscription:
        for number in range(QUEUE_SIZE + 5):
            hub.deliver({"type": "item.created", "item": {"id": number}})

        received = [await subscription.next() for _ in range(QUEUE_SIZE)]

    # The oldest event made room for the end marker; nothing after the overflow was queued.
    assert received[0] == {"type": "item.created", "item": {"id": 1}}
    assert received[-2] == {"type": "item.created", "item": {"id": QUEUE_SIZE - 1}}
    assert received[-1] is None


@pytest.mark.anyio
async def test_without_redis_the_app_starts_and_a_publish_is_logged_not_raised(
    caplog: pytest.LogCaptureFixture,
) -> None:
    events = Events("redis://127.0.0.1:1/0", channel="nowhere")  # nothing listens on port 1

    await events.start()  # the app still starts; the listener keeps trying
    await events.publish({"type": "item.created", "item": {"id": 1}})
    await events.stop()

    assert "Redis is unreachable; live item events wait for it" in caplog.text
    assert "Could not publish an event (item.created) to Redis" in caplog.text


@pytest.mark.anyio
async def test_events_reach_the_hub_of_another_process(reachable_redis: str) -> None:
    channel = f"test-events-{uuid.uuid4().hex}"
    first, second = Events(reachable_redis, channel), Events(reachable_redis, channel)
    await first.start()
    await second.start()
    try:
        async with second.hub.subscribe() as subscription:
            await first.publish({"type": "item.created", "item": {"id": 7}})
            with anyio.fail_after(10):
                received = await subscription.next()
    finally:
        await first.stop()
        await second.stop()

    assert received == {"type": "item.created", "item": {"id": 7}}
    assert first.through_redis and second.through_redis


{% if cookiecutter.task_queue != "celery" -%}
def test_several_workers_need_redis(settings: Settings) -> None:
    with pytest.raises(ValueError, match="WEB_CONCURRENCY=2 starts several workers"):
        type(settings)(**{**settings.model_dump(), "web_concurrency": 2, "redis_url": None})


{% endif -%}
def test_production_refuses_a_plain_websocket(settings: Settings) -> None:
    production = settings.model_copy(
        update={"environment": "production", "redis_url": "redis://127.0.0.1:6379/0"}
    )
    plain = TestClient(create_app(production))
    secure = TestClient(create_app(production))

    with pytest.raises(WebSocketDisconnect) as refused, plain.websocket_connect(SOCKET):
        pass
    # The test client's own URLs are always ws://; a wss:// one says HTTPS, as a TLS proxy would.
    with secure.websocket_connect(f"wss://testserver{SOCKET}") as ws:
{%- if has_auth %}
        ws.send_json({"token": "not-a-token"})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
{%- else %}
        subscribed(ws)
{%- endif %}

    assert refused.value.code == 1008
{%- if has_auth %}
    assert closed.value.code == 1008  # accepted over HTTPS, then refused for its token
{%- endif %}


# ---- two real workers behind one Redis, and a real WebSocket client ----


@pytest.fixture(scope="module")
def reachable_redis() -> str:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as err:
        pytest.skip(f"Redis at {REDIS_URL} is unreachable: {err}")
    return REDIS_URL


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_worker(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "{{ cookiecutter.project_slug }}.main:create_app"]
    command += ["--factory", "--host", "127.0.0.1", "--port", str(port)]
    worker = subprocess.Popen(command, env=env)  # noqa: S603 (this interpreter, a fixed program)
    return worker, f"127.0.0.1:{port}"


def wait_until_healthy(address: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx2.get(f"http://{address}/health", timeout=2).status_code == 200:
                return
        except httpx2.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"the worker at {address} did not become healthy")


@pytest.fixture
def two_workers(settings: Settings, reachable_redis: str) -> Iterator[tuple[str, str]]:
    """Two uvicorn processes on the tests' database, sharing nothing but Redis."""
    env = {
        **os.environ,
        "ENVIRONMENT": "test",
        "SECRET_KEY": TEST_SECRET,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": reachable_redis,
    }
    started = [start_worker(env) for _ in range(2)]
    try:
        for _, address in started:
            wait_until_healthy(address)
        yield started[0][1], started[1][1]
    finally:
        for worker, _ in started:
            worker.terminate()
            worker.wait(timeout=20)


def test_an_item_created_through_one_worker_reaches_a_subscriber_of_another(
    two_workers: tuple[str, str],
{%- if has_auth %}
    auth_headers: dict[str, str],
{%- endif %}
) -> None:
    first, second = two_workers
    name = f"made on {first} {uuid.uuid4().hex}"
{%- if has_auth %}
    headers = auth_headers
{%- else %}
    headers: dict[str, str] = {}
{%- endif %}

    with connect(f"ws://{second}{SOCKET}", additional_headers=headers) as ws:
        assert json.loads(ws.recv(timeout=10)) == {"type": "subscribed"}
        created = httpx2.post(f"http://{first}/api/v1/items", json={"name": name}, headers=headers)
        assert created.status_code == 201, created.text
        # Another project's run on the same Redis may publish too: look for this item.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            event = json.loads(ws.recv(timeout=10))
            if event["item"]["name"] == name:
                break

    assert event == {"type": "item.created", "item": created.json()}
