{% if cookiecutter.database != "none" -%}
import os
{% endif -%}
from collections.abc import Iterator
{%- if cookiecutter.database != "none" %}
from contextlib import contextmanager
{%- endif %}

import pytest
from flask import Flask
from flask.testing import FlaskClient

from {{ cookiecutter.project_slug }} import create_app
{%- if cookiecutter.database != "none" %}
from {{ cookiecutter.project_slug }}.config import Config, TestingConfig, normalize_database_url
from {{ cookiecutter.project_slug }}.extensions import db
{%- else %}
from {{ cookiecutter.project_slug }}.config import Config, TestingConfig
{%- endif %}

{%- if cookiecutter.database != "none" %}


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The database the tests own: `DATABASE_URL` when set (CI), else a local default."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
{%- if cookiecutter.database == "sqlite" %}
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
{%- else %}
    return "postgresql://postgres@127.0.0.1:5432/test"
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


@pytest.fixture
def config({% if cookiecutter.database != "none" %}database_url: str{% endif %}) -> Config:
    config = TestingConfig()
{%- if cookiecutter.database != "none" %}
    config.SQLALCHEMY_DATABASE_URI = normalize_database_url(database_url)
{%- endif %}
    return config


@pytest.fixture
def app(config: Config) -> Iterator[Flask]:
{%- if cookiecutter.database != "none" %}
    with database_for(create_app(config)) as app:
        yield app
{%- else %}
    yield create_app(config)
{%- endif %}


@pytest.fixture
def production_env(monkeypatch: pytest.MonkeyPatch{% if cookiecutter.database != "none" %}, database_url: str{% endif %}) -> None:
    monkeypatch.setenv("SECRET_KEY", "a-production-secret-used-only-by-the-tests")
{%- if cookiecutter.database != "none" %}
    monkeypatch.setenv("DATABASE_URL", database_url)
{%- endif %}


@pytest.fixture
def production_app(production_env: None) -> Iterator[Flask]:
{%- if cookiecutter.database != "none" %}
    with database_for(create_app("production")) as app:
        yield app
{%- else %}
    yield create_app("production")
{%- endif %}


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
