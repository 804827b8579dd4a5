{% set has_db = cookiecutter.database != "none" -%}
{% set has_celery = cookiecutter.task_queue == "celery" -%}
{% set on_postgresql = cookiecutter.database == "postgresql" -%}
{% set on_sqlite = cookiecutter.database == "sqlite" -%}
import logging
import os
{% if on_postgresql -%}
import re
{% endif -%}
import subprocess
import sys
{% if on_postgresql -%}
import uuid
{% endif -%}
from collections.abc import Callable, Iterator
{%- if has_db %}
from contextlib import contextmanager
{%- endif %}
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
{%- if on_postgresql %}
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
{%- endif %}

from {{ cookiecutter.project_slug }} import create_app
{%- if on_postgresql %}
from {{ cookiecutter.project_slug }}.config import (
    DEFAULT_DATABASE_URL,
    Config,
    TestingConfig,
    normalize_database_url,
)
from {{ cookiecutter.project_slug }}.extensions import db
{%- elif on_sqlite %}
from {{ cookiecutter.project_slug }}.config import Config, TestingConfig, normalize_database_url
from {{ cookiecutter.project_slug }}.extensions import db
{%- else %}
from {{ cookiecutter.project_slug }}.config import Config, TestingConfig
{%- endif %}

{%- if on_postgresql %}


@contextmanager
def database_of_this_run() -> Iterator[str]:
    """A `test_` database created on the server DATABASE_URL names (or the local default) for this
    run only, and dropped afterwards. The database DATABASE_URL names is never connected to."""
    given = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    server = make_url(normalize_database_url(given))
    stem = re.sub(r"[^a-z0-9_]", "_", (server.database or "app").lower())[:40]
    name = f"test_{stem}_{uuid.uuid4().hex[:8]}"
    # CREATE/DROP DATABASE run from the server's maintenance database, outside a transaction.
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as err:
        admin.dispose()
        pytest.fail(
            f"Cannot create a test database on {server.render_as_string()}: {err.orig}. "
            "The tests need a PostgreSQL server where this user may create databases.",
            pytrace=False,
        )
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
{%- endif %}
{%- if has_db %}


@pytest.fixture(scope="session", autouse=True)
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The only database the tests touch: one they create, whatever DATABASE_URL says.

    DATABASE_URL is pointed at it for the whole run, so code that reads the environment (the
    production configuration, the CLI) cannot reach a developer's database either.
    """
{%- if on_postgresql %}
    with database_of_this_run() as url, pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        yield url
{%- else %}
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        yield url
{%- endif %}


@contextmanager
def database_for(app: Flask, create_tables: bool = True) -> Iterator[Flask]:
    """Give one test its own tables (no shared rows), then drop them and close every connection."""
    if create_tables:
        with app.app_context():
            db.create_all()
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            if create_tables:
                db.drop_all()
            db.engine.dispose()
{%- endif %}


{% include "keep_root_logger.py.j2" %}


@pytest.fixture
def config({% if has_db %}database_url: str{% endif %}) -> Config:
    config = TestingConfig()
{%- if has_db %}
    config.SQLALCHEMY_DATABASE_URI = normalize_database_url(database_url)
{%- endif %}
    return config


@pytest.fixture
def app(config: Config) -> Iterator[Flask]:
{%- if has_db %}
    with database_for(create_app(config)) as app:
        yield app
{%- else %}
    yield create_app(config)
{%- endif %}


@pytest.fixture
def production_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a production platform provides; the test client's host is `localhost`."""
    monkeypatch.setenv("SECRET_KEY", "a-production-secret-used-only-by-the-tests")
    monkeypatch.setenv("TRUSTED_HOSTS", "localhost")
{%- if has_celery or cookiecutter.realtime == "yes" %}
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
{%- endif %}


@pytest.fixture
def production_app(production_env: None) -> Iterator[Flask]:
{%- if has_db %}
    with database_for(create_app("production")) as app:
        yield app
{%- else %}
    yield create_app("production")
{%- endif %}


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


EntryPoint = Callable[..., "subprocess.CompletedProcess[str]"]
#: The project's package, as the entry points import it.
PACKAGE = "{{ cookiecutter.project_slug }}"


@pytest.fixture
def entry_point(tmp_path: Path) -> EntryPoint:
    """Import `<PACKAGE>.<module>` in a fresh interpreter, in an empty folder, with only what a
    platform sets (no APP_ENV, no .env) plus the given variables; it prints `show`, by default
    FORCE_HTTPS, which only the production configuration turns on."""

    def run(module: str, show: str = "", **variables: str) -> "subprocess.CompletedProcess[str]":
        app = "flask_app" if module == "worker" else "app"
        shown = show or f"{app}.config['FORCE_HTTPS']"
        code = f"import sys; from {PACKAGE}.{module} import {app}; print({shown})"
        keep = ("PATH", "HOME", "LANG", "SYSTEMROOT", "VIRTUAL_ENV")
        env = {name: os.environ[name] for name in keep if name in os.environ} | variables
        return subprocess.run(  # noqa: S603 (this interpreter, a fixed program)
            [sys.executable, "-c", code],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )

    return run
