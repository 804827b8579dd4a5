import pytest
from flask import Flask, session
from flask.testing import FlaskClient

from {{ cookiecutter.project_slug }} import create_app
{%- if cookiecutter.database != "none" %}
from {{ cookiecutter.project_slug }}.config import normalize_database_url
{%- endif %}


def test_production_refuses_to_start_without_secret_key(
    production_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRET_KEY")

    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")


def test_production_uses_the_secret_key_from_the_environment(production_app: Flask) -> None:
    assert production_app.config["SECRET_KEY"] == "a-production-secret-used-only-by-the-tests"
    assert not production_app.debug
{%- if cookiecutter.database != "none" %}


def test_production_refuses_to_start_without_database_url(
    production_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL")

    with pytest.raises(RuntimeError, match="DATABASE_URL"):
        create_app("production")


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_database_urls_from_hosts_use_psycopg(scheme: str) -> None:
    url = normalize_database_url(f"{scheme}://user:secret@db.example.com:5432/app")

    assert url == "postgresql+psycopg://user:secret@db.example.com:5432/app"
{%- endif %}


def test_development_generates_a_throwaway_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)

    first, second = create_app("development"), create_app("development")

    assert len(first.config["SECRET_KEY"]) >= 50
    assert first.config["SECRET_KEY"] != second.config["SECRET_KEY"]


def test_responses_carry_security_headers(client: FlaskClient) -> None:
    response = client.get("/health")

    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in response.headers


def test_production_sends_hsts(production_app: Flask) -> None:
    response = production_app.test_client().get("/health", base_url="https://localhost")

    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_production_session_cookie_is_secure_httponly_lax(production_app: Flask) -> None:
    @production_app.get("/test-session")
    def set_session() -> str:
        session["seen"] = True
        return "ok"

    response = production_app.test_client().get("/test-session", base_url="https://localhost")

    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
