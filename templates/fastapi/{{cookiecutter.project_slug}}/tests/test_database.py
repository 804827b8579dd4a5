{% set on_postgresql = cookiecutter.database == "postgresql" -%}
"""The tests only ever touch a database they created themselves."""

import os

import anyio
import pytest
from sqlalchemy import Engine, event{% if on_postgresql %}, make_url{% endif %}, text

from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.db.session import {% if not on_postgresql %}SQLITE_MMAP_BYTES, {% endif %}Database
from {{ cookiecutter.project_slug }}.main import create_app


def test_the_tests_use_their_own_database(engine: Engine) -> None:
{%- if on_postgresql %}
    exported = os.environ.get("DATABASE_URL")

    assert engine.url.get_backend_name() == "postgresql"
    assert engine.url.database is not None
    assert engine.url.database.startswith("test_")
    if exported:
        assert engine.url.database != make_url(exported).database
{%- else %}
    exported = os.environ.get("DATABASE_URL", "")

    assert engine.url.get_backend_name() == "sqlite"
    assert engine.url.database is not None
    assert engine.url.database.endswith("/test.db")
    assert engine.url.database not in exported
{%- endif %}
{%- if not on_postgresql %}


@pytest.mark.anyio
async def test_sqlite_reads_pages_through_a_memory_map(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.connect() as connection:
            mapped = await connection.scalar(text("PRAGMA mmap_size"))
    finally:
        await database.dispose()
    assert mapped == SQLITE_MMAP_BYTES
{%- endif %}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # SQLAlchemy's asyncio extension runs on asyncio only


@pytest.mark.anyio
async def test_the_pool_opens_its_size_and_never_more(database_url: str) -> None:
    # Eight requests at once share two connections: none is opened beyond the pool (no overflow).
    database = Database(database_url, pool_size=2)
    opened: list[object] = []
    event.listen(database.engine.sync_engine, "connect", lambda connection, _record: opened.append(connection))

    async def query() -> None:
        async with database.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
            await anyio.sleep(0.02)

    try:
        async with anyio.create_task_group() as tasks:
            for _ in range(8):
                tasks.start_soon(query)
    finally:
        await database.dispose()
    assert len(opened) == 2


def test_the_pool_size_is_a_setting(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"database_pool_size": 3}))
    assert app.state.database.engine.pool.size() == 3
