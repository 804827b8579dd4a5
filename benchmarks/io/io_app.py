"""The generated FastAPI app plus one route that waits on an upstream service (UPSTREAM_URL).

IO_MODE chooses how the route is written:

- `async`: as the generated project's README tells you to write one (an `async def` awaiting aiohttp's
  `ClientSession`, the client it recommends for outbound HTTP: the event loop serves other requests while
  this one waits).
- `async-httpx2`: the same route through httpx2's `AsyncClient`, which spends several times the CPU per
  request under this many concurrent requests (pydantic/httpx2#827, encode/httpx#3215): the row shows why
  the README recommends the other client.
- `sync`: as the previous template wrote routes (a plain `def` with a blocking client, run in FastAPI's
  thread pool of 40 threads): the baseline.
- `async-sleep`: awaits 50 ms without any client, the same wait at no CPU cost: what the route's shape
  allows once the client costs nothing.

Everything else (middleware, settings, server) is the generated project's own, so the ratios measure the
route's shape and its client alone. The benchmark copies this file into the project.
"""

import asyncio
import os

import aiohttp
import httpx2
from fastapi_app.main import create_app

UPSTREAM = os.environ["UPSTREAM_URL"]
# Enough pooled connections for every request in flight; the upstream answers all at once.
POOL = 512

app = create_app()

MODE = os.environ.get("IO_MODE", "async")

if MODE == "async":
    sessions: list[aiohttp.ClientSession] = []

    def session() -> aiohttp.ClientSession:
        # A ClientSession belongs to the running event loop, so it is made on the first request, not at import.
        if not sessions:
            sessions.append(aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=POOL)))
        return sessions[0]

    @app.get("/io")
    async def io_async() -> dict[str, int]:
        async with session().get(UPSTREAM) as response:
            await response.read()
            return {"upstream": response.status}

elif MODE == "async-httpx2":
    async_client = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=POOL, max_keepalive_connections=POOL))

    @app.get("/io")
    async def io_httpx2() -> dict[str, int]:
        response = await async_client.get(UPSTREAM)
        return {"upstream": response.status_code}

elif MODE == "async-sleep":

    @app.get("/io")
    async def io_sleep() -> dict[str, int]:
        await asyncio.sleep(0.05)
        return {"upstream": 200}

else:
    sync_client = httpx2.Client(limits=httpx2.Limits(max_connections=POOL, max_keepalive_connections=POOL))

    @app.get("/io")
    def io_sync() -> dict[str, int]:
        response = sync_client.get(UPSTREAM)
        return {"upstream": response.status_code}
