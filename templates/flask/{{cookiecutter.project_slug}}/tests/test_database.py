"""The tests run on a database they created, never on the one DATABASE_URL names."""

import os

from sqlalchemy.engine import make_url


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
