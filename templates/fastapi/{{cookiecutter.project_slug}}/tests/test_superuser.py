"""The first superuser, made from settings by initial_data, and what only superusers may do."""

import asyncio

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr, ValidationError
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.initial_data import run
from {{ cookiecutter.project_slug }}.models import User

from tests.conftest import IsolatedSettings, bearer_for


def with_superuser(settings: Settings, password: str = "root password") -> Settings:
    values = settings.model_dump()
    values |= {
        "first_superuser": "root",
        "first_superuser_password": SecretStr(password),
        "first_superuser_email": "root@example.com",
    }
    return IsolatedSettings(**values)


def test_the_first_superuser_is_made_once_and_never_changed(
    engine: Engine, settings: Settings
) -> None:
    assert "not both set" in asyncio.run(run(settings))
    assert asyncio.run(run(with_superuser(settings))) == "Created superuser root"
    again = asyncio.run(run(with_superuser(settings, "another password")))
    with Session(engine) as session:
        root = session.scalars(select(User)).one()

    assert again == "User root already exists: left as it is"
    assert root.is_superuser and root.email == "root@example.com"


def test_an_invalid_first_superuser_is_refused(engine: Engine, settings: Settings) -> None:
    with pytest.raises(ValidationError, match="password"):
        asyncio.run(run(with_superuser(settings, "short")))


def test_only_superusers_list_accounts(
    client: TestClient, engine: Engine, settings: Settings, auth_headers: dict[str, str]
) -> None:
    asyncio.run(run(with_superuser(settings)))
    with Session(engine) as session:
        root_id = session.scalars(select(User.id).where(User.username == "root")).one()

    assert client.get("/api/v1/users").status_code == 401
    assert client.get("/api/v1/users", headers=auth_headers).status_code == 403
    listed = client.get("/api/v1/users", params={"limit": 1}, headers=bearer_for(root_id))
    assert listed.status_code == 200
    assert [user["username"] for user in listed.json()] == ["ada"]
