{% set on_postgresql = cookiecutter.database == "postgresql" -%}
"""The tests only ever touch a database they created themselves."""

import os

from sqlalchemy import Engine{% if on_postgresql %}, make_url{% endif %}


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
