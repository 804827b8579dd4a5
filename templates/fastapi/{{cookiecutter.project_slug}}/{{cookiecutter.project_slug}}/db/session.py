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

    def __init__(self, url: str) -> None:
        # A server's connections can go stale (restarts, idle timeouts): test each one as it leaves
        # the pool. A SQLite file has no connection to lose, so it skips that query per request.
        self.engine: AsyncEngine = create_async_engine(
            async_url(url),
            pool_pre_ping=not url.startswith("sqlite"),
            connect_args=_connect_args(url),
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


def _connect_args(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        return {}
    # A health check must answer quickly even when the database host is gone.
    return {"connect_timeout": 5}


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    database: Database = request.app.state.database
    async with database.session_factory() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]
