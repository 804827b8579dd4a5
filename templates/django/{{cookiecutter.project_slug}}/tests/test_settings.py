{% set on_postgresql = cookiecutter.database == "postgresql" -%}
from pathlib import Path

import environ
import pytest
from django.conf import settings


def test_development_settings_read_dotenv_but_the_environment_wins(
    load_settings, monkeypatch, tmp_path
):
    dotenv = tmp_path / ".env"
    dotenv.write_text("DJANGO_SECRET_KEY=from-dotenv\nDJANGO_ADMIN_URL=from-dotenv\n")
    # A private environment: nothing read from the file leaks into other tests.
    monkeypatch.setattr(environ.Env, "ENVIRON", {"DJANGO_SECRET_KEY": "from-environment"})
    real_read_env = environ.Env.read_env
    files_read: list[Path] = []

    def read_env(env_file, **kwargs):
        files_read.append(Path(env_file))
        real_read_env(dotenv, **kwargs)

    monkeypatch.setattr(environ.Env, "read_env", read_env)

    local = load_settings("config.settings.local")

    assert files_read == [settings.BASE_DIR / ".env"]
    assert local.SECRET_KEY == "from-environment"
    assert local.ADMIN_URL == "from-dotenv/"
    assert local.DEBUG is True
    assert "localhost" in local.ALLOWED_HOSTS


def test_tests_run_on_the_test_settings():
    assert settings.SETTINGS_MODULE == "config.settings.test"
    assert settings.DEBUG is False


@pytest.mark.django_db
def test_tests_run_on_a_database_of_their_own():
    """The test run creates its own database and drops it after: whatever DATABASE_URL names
    (a development database with real rows) is never written to."""
    from django.db import connection
{%- if on_postgresql %}

    assert connection.vendor == "postgresql"
    assert connection.settings_dict["NAME"].startswith("test_")
{%- else %}

    assert connection.vendor == "sqlite"
    from django.db import connections
    from django.db.backends.sqlite3.base import DatabaseWrapper

    wrapper = connections["default"]  # the backend itself, where `connection` is a proxy to it
    assert isinstance(wrapper, DatabaseWrapper)
    assert wrapper.is_in_memory_db()
{%- endif %}
{%- if on_postgresql %}


def test_postgres_urls_select_the_postgresql_backend(load_settings):
    for scheme in ("postgres", "postgresql"):
        base = load_settings(
            "config.settings.base", DATABASE_URL=f"{scheme}://user:pw@db.example.com:5432/app"
        )

        assert base.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
        assert base.DATABASES["default"]["HOST"] == "db.example.com"
        assert base.DATABASES["default"]["NAME"] == "app"


def test_the_database_driver_is_psycopg_3():
    from django.db import connection

    # The backend module's driver attribute is not in the stubs.
    assert getattr(connection, "Database").__name__ == "psycopg"  # noqa: B009
{%- else %}


def test_relative_sqlite_paths_live_in_the_project(load_settings):
    base = load_settings("config.settings.base", DATABASE_URL="sqlite:///data.sqlite3")

    assert base.DATABASES["default"]["NAME"] == str(settings.BASE_DIR / "data.sqlite3")


@pytest.mark.django_db  # lets the test open a connection of its own, to a file it creates
def test_sqlite_reads_pages_through_a_memory_map(load_settings, tmp_path):
    from django.db.utils import ConnectionHandler

    base = load_settings("config.settings.base", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    connection = ConnectionHandler({"default": base.DATABASES["default"]})["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA mmap_size")
            assert cursor.fetchone() == (base.SQLITE_MMAP_BYTES,)
    finally:
        connection.close()


def test_an_exported_postgres_url_is_used_as_it_is(load_settings):
    """A developer whose shell exports a PostgreSQL DATABASE_URL gets that server, with no SQLite
    path or pragma mixed in."""
    url = "postgresql://user:pw@db.example.com:5432/app"
    database = load_settings("config.settings.base", DATABASE_URL=url).DATABASES["default"]

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "app"
    assert "init_command" not in database.get("OPTIONS", {})
{%- endif %}
