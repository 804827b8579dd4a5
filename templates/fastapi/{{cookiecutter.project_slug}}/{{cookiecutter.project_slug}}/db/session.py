"""One async engine per application, and a session per request handed out as a dependency.

Requests wait on the database without holding a thread: SQLAlchemy's asyncio extension over psycopg's
async mode (PostgreSQL) or aiosqlite (SQLite). The URL is the same one Alembic and the tests use;
`async_url` names the async driver.
"""

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import event, make_url, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


def async_url(url: str) -> str:
    """The same database through an async driver (psycopg serves both, SQLite needs aiosqlite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    return parsed.render_as_string(hide_password=False)


class Database:
    """Owns the engine and the session factory for one database URL."""

    def __init__(self, url: str, pool_size: int | None = None) -> None:
        self.engine: AsyncEngine = create_async_engine(
            async_url(url), **_engine_options(url, pool_size)
        )
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine.sync_engine, "connect", _map_sqlite_pages)
        self.session_factory = async_sessionmaker(self.engine, expire_on_commit=False)

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError):
            return False
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()


# SQLite reads pages through a memory map of up to this size, shared with the operating system's
# page cache, instead of copying them into each connection's private 2 MB cache: a scan of a table
# larger than that cache (a count of every item, say) reads memory instead of the file.
# 128 MiB is Rails' default; https://sqlite.org/mmap.html gives the trade-offs.
SQLITE_MMAP_BYTES = 128 * 1024 * 1024


def _map_sqlite_pages(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
    cursor.close()


#: Connections each worker keeps open to a database server, and to a SQLite file. The pool never opens
#: more than this ("no overflow"): SQLAlchemy closes an overflow connection as soon as it comes back, so
#: with more requests in flight than the pool holds, every few of them would open a new server
#: connection (a new PostgreSQL backend process) and close it again. A request that finds every
#: connection in use waits for one instead (up to `pool_timeout`, 30 s). Measured under 16 concurrent
#: list requests on PostgreSQL, SQLAlchemy's default (5, plus up to 10 overflow) opened a new connection
#: for about one request in twelve; 10 and no overflow opened none and served about an eighth more.
#: Each aiosqlite connection is a thread of its own, and SQLite writes one at a time anyway: 2 served
#: more than 10 did.
DEFAULT_POOL_SIZE = 10
SQLITE_POOL_SIZE = 2


def _engine_options(url: str, pool_size: int | None) -> dict[str, Any]:
    """What differs between a database server and a SQLite file."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return {
            # A server's connections can go stale (restarts, idle timeouts): test each one as it
            # leaves the pool.
            "pool_pre_ping": True,
            # A health check must answer quickly even when the database host is gone.
            "connect_args": {"connect_timeout": 5},
            "pool_size": pool_size or DEFAULT_POOL_SIZE,
            "max_overflow": 0,
        }
    # A SQLite file has no connection to lose, so no query per request tests one.
    if parsed.database in (None, "", ":memory:"):
        return {}  # one connection, shared (SQLAlchemy's StaticPool), which takes no size
    return {"pool_size": pool_size or SQLITE_POOL_SIZE, "max_overflow": 0}


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    database: Database = request.app.state.database
    async with database.session_factory() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]
