"""The tests run on a database they created, never on the one DATABASE_URL names."""

{%- set on_sqlite = cookiecutter.database == "sqlite" %}

import os
{% if on_sqlite %}
from flask import Flask
from sqlalchemy import text
{%- endif %}
from sqlalchemy.engine import make_url
{%- if on_sqlite %}

from {{ cookiecutter.project_slug }}.extensions import SQLITE_MMAP_BYTES, db
{%- endif %}


def test_the_tests_use_a_database_of_their_own(database_url: str) -> None:
    # Everything that reads the environment during the run sees the test database too.
    assert os.environ["DATABASE_URL"] == database_url
{%- if cookiecutter.database == "postgresql" %}
    url = make_url(database_url)
    assert url.get_backend_name() == "postgresql"  # never silently SQLite
    assert (url.database or "").startswith("test_")
{%- else %}
    assert make_url(database_url).database.endswith("/test.sqlite3")
{%- endif %}

{%- if on_sqlite %}


def test_sqlite_reads_pages_through_a_memory_map(app: Flask) -> None:
    with app.app_context():
        assert db.session.scalar(text("PRAGMA mmap_size")) == SQLITE_MMAP_BYTES
{%- endif %}
