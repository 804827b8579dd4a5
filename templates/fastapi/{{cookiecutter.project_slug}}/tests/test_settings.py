{% set has_db = cookiecutter.database != "none" -%}
{% set needs_redis = cookiecutter.task_queue == "celery" or cookiecutter.realtime == "yes" -%}
{% set on_postgresql = cookiecutter.database == "postgresql" -%}
{% set on_sqlite = cookiecutter.database == "sqlite" -%}
"""A process that is not told otherwise runs in production, and refuses to start without its secrets."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from {{ cookiecutter.project_slug }}.core.config import Settings, load_settings

from tests.conftest import IsolatedSettings

PRODUCTION_SECRET = "a-production-secret-that-is-long-enough"
# What the README calls required in production.
PRODUCTION_ENV = {
    "SECRET_KEY": PRODUCTION_SECRET,
    "ALLOWED_HOSTS": "api.example.com, www.example.com",
{%- if on_sqlite %}
    "DATABASE_URL": "sqlite:////data/app.db",
{%- elif on_postgresql %}
    "DATABASE_URL": "postgres://app@db.example:5432/app",
{%- endif %}
{%- if needs_redis %}
    "REDIS_URL": "redis://cache.example:6379/0",
{%- endif %}
}


@pytest.fixture
def bare(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No setting in the environment, and an empty working directory (no .env)."""
    monkeypatch.chdir(tmp_path)
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    return monkeypatch


@pytest.fixture
def platform(bare: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """A server's environment: no ENVIRONMENT, no .env, only the required variables."""
    for name, value in PRODUCTION_ENV.items():
        bare.setenv(name, value)
    return bare


def test_production_is_the_default(platform: pytest.MonkeyPatch) -> None:
    settings = load_settings()

    assert settings.environment == "production"
    assert settings.secret == PRODUCTION_SECRET
    assert settings.allowed_hosts == ["api.example.com", "www.example.com"]
    assert settings.docs_enabled is False
    assert settings.cors_allowed_origins == []
{%- if on_postgresql %}
    assert settings.database_url == "postgresql+psycopg://app@db.example:5432/app"
{%- endif %}


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_a_required_variable(
    platform: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], missing: str
) -> None:
    platform.delenv(missing)

    with pytest.raises(SystemExit) as exit_info:
        load_settings()

    assert exit_info.value.code != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1, "one line"
    assert missing in error
    assert PRODUCTION_SECRET not in error


def test_production_never_invents_a_secret_key() -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        IsolatedSettings(environment="production", allowed_hosts="example.com")


def test_production_refuses_any_host(platform: pytest.MonkeyPatch) -> None:
    platform.setenv("ALLOWED_HOSTS", "*")

    with pytest.raises(SystemExit):
        load_settings()


def test_production_ignores_dotenv(platform: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("ENVIRONMENT=development\nDOCS_ENABLED=true\n", encoding="utf-8")
    platform.setenv("ENVIRONMENT", "production")

    settings = load_settings()

    assert settings.environment == "production"
    assert settings.docs_enabled is False


def test_dotenv_selects_development(bare: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"ENVIRONMENT=development\nSECRET_KEY={PRODUCTION_SECRET}\n")

    settings = load_settings()

    assert settings.environment == "development"
    assert settings.secret == PRODUCTION_SECRET
    assert settings.docs_enabled is True
    assert "localhost" in settings.allowed_hosts


def test_docs_can_be_switched_on_in_production(platform: pytest.MonkeyPatch) -> None:
    platform.setenv("DOCS_ENABLED", "true")

    assert load_settings().docs_enabled is True


def test_cors_origins_are_a_comma_separated_list(platform: pytest.MonkeyPatch) -> None:
    platform.setenv("CORS_ALLOWED_ORIGINS", "https://app.example.com,https://admin.example.com")

    assert load_settings().cors_allowed_origins == [
        "https://app.example.com",
        "https://admin.example.com",
    ]


def test_rejects_a_short_secret_key() -> None:
    with pytest.raises(ValidationError, match="at least 32 characters"):
        IsolatedSettings(environment="development", secret_key="short")
{%- if has_db %}


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_postgres_urls_use_psycopg(scheme: str) -> None:
    settings = IsolatedSettings(
        environment="development", database_url=f"{scheme}://user@db.example:5432/app"
    )

    assert settings.database_url == "postgresql+psycopg://user@db.example:5432/app"
{%- endif %}
