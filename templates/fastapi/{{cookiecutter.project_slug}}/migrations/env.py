"""Run migrations against the database the app's settings name, through the app's async driver."""

import asyncio
from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import create_async_engine

# Importing the models registers every table on Base.metadata.
import {{ cookiecutter.project_slug }}.models  # noqa: F401
from {{ cookiecutter.project_slug }}.core.config import load_settings
from {{ cookiecutter.project_slug }}.db.base import Base
from {{ cookiecutter.project_slug }}.db.session import async_url

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name)


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_async() -> None:
    engine = create_async_engine(async_url(load_settings().database_url))
    try:
        async with engine.connect() as connection:
            # Alembic's operations are synchronous: run_sync hands them the connection's sync face.
            await connection.run_sync(run)
    finally:
        await engine.dispose()


def run_online() -> None:
    # Tests pass their own (synchronous) connection; everything else connects with DATABASE_URL.
    connection = config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    asyncio.run(run_async())


def run_offline() -> None:
    context.configure(
        url=load_settings().database_url,
        target_metadata=Base.metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
