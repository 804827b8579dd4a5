"""Fixtures: settings that ignore `.env`, {% if cookiecutter.database != "none" %}a migrated database wiped after each test, {% endif %}and a client."""

{% if cookiecutter.database != "none" -%}
import os
from collections.abc import Iterator
{%- if cookiecutter.auth == "yes" %}
from datetime import timedelta
{%- endif %}
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, delete
{%- if cookiecutter.auth == "yes" %}
from sqlalchemy.orm import Session
{%- endif %}

from {{ cookiecutter.project_slug }}.core.config import Settings
{%- if cookiecutter.auth == "yes" %}
from {{ cookiecutter.project_slug }}.core.security import create_access_token, hash_password
{%- endif %}
from {{ cookiecutter.project_slug }}.db.base import Base
from {{ cookiecutter.project_slug }}.main import create_app
{%- if cookiecutter.auth == "yes" %}
from {{ cookiecutter.project_slug }}.models import User
{%- endif %}

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEST_SECRET = "test-secret-key-that-is-long-enough-for-hs256"


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    # CI points DATABASE_URL at a real server; locally a throwaway SQLite file will do.
    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    )
    return Settings(
        _env_file=None,
        environment="test",
        secret_key=TEST_SECRET,
        database_url=database_url,
    )


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Iterator[Engine]:
    engine = create_engine(settings.database_url)
    config = Config(PROJECT_ROOT / "alembic.ini")
    config.attributes["configure_logger"] = False
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    yield engine
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


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client
{%- else -%}
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.main import create_app

TEST_SECRET = "test-secret-key-that-is-long-enough-for-hs256"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(_env_file=None, environment="test", secret_key=TEST_SECRET)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client
{%- endif %}
{%- if cookiecutter.auth == "yes" %}


def register(client: TestClient, username: str = "ada", password: str = "correct horse") -> dict:
    response = client.post("/api/v1/users", json={"username": username, "password": password})
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture(scope="session")
def password_hash() -> str:
    # Hashing is slow on purpose; one hash serves every test that only needs a user.
    return hash_password("correct horse")


@pytest.fixture
def user_id(engine: Engine, password_hash: str) -> int:
    with Session(engine) as session:
        user = User(username="ada", password_hash=password_hash)
        session.add(user)
        session.commit()
        return user.id


@pytest.fixture
def auth_headers(user_id: int) -> dict[str, str]:
    token = create_access_token(
        str(user_id), secret_key=TEST_SECRET, expires_in=timedelta(minutes=5)
    )
    return {"Authorization": f"Bearer {token}"}
{%- endif %}
