"""Slow work stays off the event loop: while a password is hashed, other requests are answered.

An async test, as FastAPI's docs write them: httpx2's AsyncClient (the client Starlette's own test
client is built on) calls the app in this test's event loop, so a route that blocked the loop would
block the test too.
"""

import threading

import anyio
import pytest
from httpx2 import ASGITransport, AsyncClient

from {{ cookiecutter.project_slug }}.core import security
from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.main import create_app


@pytest.mark.anyio
async def test_requests_are_answered_while_a_password_is_hashed(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    finished: list[bool] = []
    hash_password = security.hash_password

    def held_hash(password: str) -> str:
        started.set()
        release.wait(timeout=5)  # far longer than answering /health takes
        finished.append(True)
        return hash_password(password)

    monkeypatch.setattr(security, "hash_password", held_hash)
    app = create_app(settings)

    async def register(client: AsyncClient) -> None:
        response = await client.post(
            "/api/v1/users", json={"username": "ada", "password": "a long password"}
        )
        assert response.status_code == 201

    transport = ASGITransport(app=app)
    async with (
        AsyncClient(transport=transport, base_url="http://testserver") as client,
        anyio.create_task_group() as tasks,
    ):
        tasks.start_soon(register, client)
        while not started.is_set():
            await anyio.sleep(0.01)
        health = await client.get("/health")
        answered_while_hashing = not finished
        release.set()
    await app.state.database.dispose()

    assert health.status_code == 200
    assert answered_while_hashing, "/health waited for the hash: it ran on the event loop"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
