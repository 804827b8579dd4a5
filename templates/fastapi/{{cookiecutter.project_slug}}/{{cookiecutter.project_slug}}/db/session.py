"""One engine per application, and a session per request handed out as a dependency."""

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker


class Database:
    """Owns the engine and the session factory for one database URL."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = create_engine(
            url, pool_pre_ping=True, connect_args=_connect_args(url)
        )
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)

    def ping(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    def dispose(self) -> None:
        self.engine.dispose()


def _connect_args(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        # FastAPI runs sync dependencies and routes in a thread pool.
        return {"check_same_thread": False}
    # A health check must answer quickly even when the database host is gone.
    return {"connect_timeout": 5}


def get_session(request: Request) -> Iterator[Session]:
    database: Database = request.app.state.database
    with database.session_factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
