{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_db = cookiecutter.database != "none" -%}
{% set on_postgresql = cookiecutter.database == "postgresql" -%}
{% set on_sqlite = cookiecutter.database == "sqlite" -%}
"""Fixtures: settings from arguments only, {% if has_db %}a database this run creates for itself, {% endif %}and a client."""

import logging
import os
from collections.abc import Iterator
{%- if has_auth %}
from datetime import timedelta
{%- endif %}
{%- if has_db %}
from pathlib import Path
{%- endif %}
from typing import Any

import pytest
{%- if has_db %}
from alembic import command
from alembic.config import Config
{%- endif %}
from fastapi.testclient import TestClient
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource
{%- if on_postgresql %}
from sqlalchemy import Engine, create_engine, delete, make_url, text
from sqlalchemy.exc import OperationalError
{%- elif on_sqlite %}
from sqlalchemy import Engine, create_engine, delete
{%- endif %}
{%- if has_auth %}
from sqlalchemy.orm import Session
{%- endif %}

from {{ cookiecutter.project_slug }}.core.config import Settings
{%- if has_auth %}
from {{ cookiecutter.project_slug }}.core.security import create_access_token, hash_password
{%- endif %}
{%- if has_db %}
from {{ cookiecutter.project_slug }}.db.base import Base
{%- endif %}
from {{ cookiecutter.project_slug }}.main import create_app
{%- if has_auth %}
from {{ cookiecutter.project_slug }}.models import User
{%- endif %}
{%- if cookiecutter.tenancy == "yes" %}
from {{ cookiecutter.project_slug }}.services.organizations import personal_organization
{%- endif %}

# Whatever the shell says, code that reads its own settings (load_settings) runs in test mode, which
# never reads `.env`.
os.environ["ENVIRONMENT"] = "test"
{%- if has_db %}
PROJECT_ROOT = Path(__file__).resolve().parent.parent
{%- endif %}
TEST_SECRET = "test-secret-key-that-is-long-enough-for-hs256"


class IsolatedSettings(Settings):
    """Settings from their arguments only: variables a developer exports cannot change a test."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        *sources: Any,
        **named_sources: Any,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)
{%- if on_postgresql %}


def own_database_url() -> Any:
    """test_<name> on the server DATABASE_URL names (or the local default one), never <name> itself."""
    default = Settings.model_fields["database_url"].default
    named = make_url(os.environ.get("DATABASE_URL") or default)
    if not named.drivername.startswith("postgres"):
        pytest.exit(f"DATABASE_URL names no PostgreSQL server: {named.drivername}", returncode=1)
    named = named.set(drivername="postgresql+psycopg")
    return named.set(database=f"test_{named.database or '{{ cookiecutter.project_slug }}'}")


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    # pytest-django's model: the run creates its own database, and drops it at the end.
    url = own_database_url()
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    name = admin.dialect.identifier_preparer.quote(url.database)
    try:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            connection.execute(text(f"CREATE DATABASE {name}"))
    except OperationalError as err:
        pytest.exit(
            f"The tests create their own database on {url.render_as_string(hide_password=True)}, "
            f"which failed: {err.orig}",
            returncode=1,
        )
    yield url.render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()
{%- elif on_sqlite %}


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    # A file this run creates; DATABASE_URL is never read, so no developer database is touched.
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
{%- endif %}


@pytest.fixture(scope="session")
def settings({% if has_db %}database_url: str{% endif %}) -> Settings:
    return IsolatedSettings(
        environment="test",
        secret_key=TEST_SECRET,
        allowed_hosts=["testserver"],
{%- if has_db %}
        database_url=database_url,
{%- endif %}
    )
{%- if has_db %}


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Iterator[Engine]:
    engine = create_engine(settings.database_url)
    config = Config(PROJECT_ROOT / "alembic.ini")
    config.attributes["configure_logger"] = False
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    yield engine
    # Downgrading proves the migrations can be undone.
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    engine.dispose()


@pytest.fixture(autouse=True)
def clean_tables(engine: Engine) -> Iterator[None]:
    yield
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(delete(table))
{%- endif %}


{% include "keep_root_logger.py.j2" %}


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client
{%- if has_auth %}


def register(
    client: TestClient, username: str = "ada", password: str = "correct horse"
) -> dict[str, Any]:
    response = client.post("/api/v1/users", json={"username": username, "password": password})
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture(scope="session")
def password_hash() -> str:
    # Hashing is slow on purpose; one hash serves every test that only needs a user.
    return hash_password("correct horse")


def add_user(engine: Engine, password_hash: str, username: str) -> int:
    with Session(engine) as session:
        user = User(username=username, password_hash=password_hash)
        session.add(user)
{%- if cookiecutter.tenancy == "yes" %}
        session.add_all(personal_organization(user))  # as registration does
{%- endif %}
        session.commit()
        return user.id


def bearer_for(user_id: int) -> dict[str, str]:
    token = create_access_token(
        str(user_id), secret_key=TEST_SECRET, expires_in=timedelta(minutes=5)
    )
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def user_id(engine: Engine, password_hash: str) -> int:
    return add_user(engine, password_hash, "ada")


@pytest.fixture
def auth_headers(user_id: int) -> dict[str, str]:
    return bearer_for(user_id)


@pytest.fixture
def other_auth_headers(engine: Engine, password_hash: str) -> dict[str, str]:
    return bearer_for(add_user(engine, password_hash, "grace"))
{%- endif %}
