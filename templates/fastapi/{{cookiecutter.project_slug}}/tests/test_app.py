import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.main import create_app

PRODUCTION_SECRET = "a-production-secret-that-is-long-enough"


def production_settings(settings: Settings, **changes: object) -> Settings:
    return settings.model_copy(update={"environment": "production", **changes})


def test_refuses_to_start_in_production_without_a_secret_key() -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY must be set"):
        Settings(_env_file=None, environment="production", secret_key=None)


def test_rejects_a_short_secret_key() -> None:
    with pytest.raises(ValidationError, match="at least 32 characters"):
        Settings(_env_file=None, environment="development", secret_key="short")


def test_secret_key_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("SECRET_KEY", PRODUCTION_SECRET)

    settings = Settings(_env_file=None)

    assert settings.secret_key is not None
    assert settings.secret_key.get_secret_value() == PRODUCTION_SECRET
{%- if cookiecutter.database != "none" %}


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_postgres_urls_use_psycopg(scheme: str) -> None:
    settings = Settings(_env_file=None, database_url=f"{scheme}://user@db.example:5432/app")

    assert settings.database_url == "postgresql+psycopg://user@db.example:5432/app"
{%- endif %}


def test_docs_are_served_by_default(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    assert client.get("/openapi.json").status_code == 200


def test_docs_can_be_switched_off(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"docs_enabled": False}))
    with TestClient(app) as client:
        assert client.get("/docs").status_code == 404
        assert client.get("/redoc").status_code == 404
        assert client.get("/openapi.json").status_code == 404


def test_production_redirects_to_https_except_health(settings: Settings) -> None:
    app = create_app(production_settings(settings, secret_key=PRODUCTION_SECRET))
    with TestClient(app, follow_redirects=False) as client:
        assert client.get("/health").status_code == 200
        response = client.get("/docs?x=1")
        assert response.status_code == 308
        assert response.headers["location"] == "https://testserver/docs?x=1"


def test_production_sends_hsts_over_https(settings: Settings) -> None:
    app = create_app(production_settings(settings, secret_key=PRODUCTION_SECRET))
    with TestClient(app, base_url="https://testserver") as client:
        response = client.get("/openapi.json")

    assert response.status_code == 200
    assert response.headers["strict-transport-security"].startswith("max-age=")
