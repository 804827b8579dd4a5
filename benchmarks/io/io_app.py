"""The generated FastAPI app plus one route that waits on an upstream service (UPSTREAM_URL).

IO_MODE chooses how the route is written: `async` as the generated project writes routes now (an
`async def` awaiting an async HTTP client: the event loop serves other requests meanwhile), or `sync`
as the previous template wrote them (a plain `def` with a blocking client, run in FastAPI's thread pool of
40 threads). `async-sleep` awaits 50 ms without any client: the same wait at no CPU cost, which shows
how much of the async route's time the HTTP client itself takes. Everything else (middleware, settings,
server) is the generated project's own, so the ratios measure the route's shape alone. The benchmark
copies this file into the project.
"""

import asyncio
import os

import httpx2
from fastapi_app.main import create_app

UPSTREAM = os.environ["UPSTREAM_URL"]
# Enough pooled connections for every request in flight; the upstream answers all at once.
LIMITS = httpx2.Limits(max_connections=512, max_keepalive_connections=512)

app = create_app()

MODE = os.environ.get("IO_MODE", "async")

if MODE == "async":
    async_client = httpx2.AsyncClient(limits=LIMITS)

    @app.get("/io")
    async def io_async() -> dict[str, int]:
        response = await async_client.get(UPSTREAM)
        return {"upstream": response.status_code}

elif MODE == "async-sleep":

    @app.get("/io")
    async def io_sleep() -> dict[str, int]:
        await asyncio.sleep(0.05)
        return {"upstream": 200}

else:
    sync_client = httpx2.Client(limits=LIMITS)

    @app.get("/io")
    def io_sync() -> dict[str, int]:
        response = sync_client.get(UPSTREAM)
        return {"upstream": response.status_code}
