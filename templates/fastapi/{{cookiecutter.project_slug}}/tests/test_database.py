{% set on_postgresql = cookiecutter.database == "postgresql" -%}
"""The tests only ever touch a database they created themselves."""

import os
{% if not on_postgresql %}
import pytest
{%- endif %}
from sqlalchemy import Engine{% if on_postgresql %}, make_url{% else %}, text{% endif %}
{%- if not on_postgresql %}

from {{ cookiecutter.project_slug }}.db.session import SQLITE_MMAP_BYTES, Database
{%- endif %}


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
