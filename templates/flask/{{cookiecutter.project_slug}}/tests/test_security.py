{% set has_db = cookiecutter.database != "none" -%}
import os

import pytest
from flask import Flask, session
from flask.testing import FlaskClient

from {{ cookiecutter.project_slug }} import create_app
{%- if has_db %}
from {{ cookiecutter.project_slug }}.config import ConfigError, normalize_database_url
{%- else %}
from {{ cookiecutter.project_slug }}.config import ConfigError
{%- endif %}

from tests.conftest import PACKAGE, EntryPoint

# The production test client defaults to https (PREFERRED_URL_SCHEME); these say plain HTTP.
HTTP = "http://localhost"


def test_production_refuses_to_start_without_secret_key(
    production_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRET_KEY")

    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app("production")


def test_production_refuses_to_start_without_trusted_hosts(
    production_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRUSTED_HOSTS")

    with pytest.raises(ConfigError, match="TRUSTED_HOSTS"):
        create_app("production")


def test_wsgi_means_production_and_says_what_is_missing_in_one_line(
    entry_point: EntryPoint,
) -> None:
    result = entry_point("wsgi")

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"{PACKAGE}.wsgi: SECRET_KEY must be set in production (a long random string)."
    ]


def test_wsgi_starts_in_production_with_the_documented_variables(
    production_env: None, entry_point: EntryPoint
) -> None:
    names = ("SECRET_KEY", "TRUSTED_HOSTS", "DATABASE_URL", "REDIS_URL")

    result = entry_point("wsgi", **{name: os.environ[name] for name in names if name in os.environ})

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"  # FORCE_HTTPS: the production configuration
{%- if has_db %}


def test_the_production_worker_leaves_the_migration_tools_unloaded(
    production_env: None, entry_point: EntryPoint
) -> None:
    names = ("SECRET_KEY", "TRUSTED_HOSTS", "DATABASE_URL", "REDIS_URL")
    variables = {name: os.environ[name] for name in names if name in os.environ}
    loaded = "sorted(name for name in ('alembic', 'flask_migrate', 'mako') if name in sys.modules)"

    result = entry_point("wsgi", loaded, **variables)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
{%- endif %}


def test_production_uses_the_secret_key_from_the_environment(production_app: Flask) -> None:
    assert production_app.config["SECRET_KEY"] == "a-production-secret-used-only-by-the-tests"
    assert not production_app.debug
{%- if has_db %}


def test_production_refuses_to_start_without_database_url(
    production_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL")

    with pytest.raises(ConfigError, match="DATABASE_URL"):
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
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "default-src 'self'" in policy
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


def test_production_refuses_a_foreign_host(production_app: Flask) -> None:
    response = production_app.test_client().get("/", base_url="https://evil.example")

    assert response.status_code == 400
    assert "Location" not in response.headers


def test_production_https_redirect_ignores_x_forwarded_host(production_app: Flask) -> None:
    client = production_app.test_client()

    response = client.get("/", base_url=HTTP, headers={"X-Forwarded-Host": "evil.example"})

    assert response.status_code == 308
    assert response.headers["Location"] == "https://localhost/"


def test_one_proxy_tells_the_scheme(production_app: Flask) -> None:
    client = production_app.test_client()

    response = client.get("/", base_url=HTTP, headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_proxy_hops_must_be_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROXY_X_PROTO", "one")

    with pytest.raises(ConfigError, match="PROXY_X_PROTO"):
        create_app("development")
