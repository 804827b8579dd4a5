{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_db = cookiecutter.database != "none" -%}
{% set has_celery = cookiecutter.task_queue == "celery" -%}
{% set on_postgresql = cookiecutter.database == "postgresql" -%}
{% set on_sqlite = cookiecutter.database == "sqlite" -%}
{% set has_model = cookiecutter.inference == "yes" -%}
{% set has_live = cookiecutter.realtime == "yes" -%}
{%- set imports = ["SecretStr", "ValidationError", "field_validator", "model_validator"] -%}
{%- if has_auth or has_live or has_db %}{% set imports = ["Field"] + imports %}{% endif -%}
"""Settings from the process environment, with a developer's `.env` as a fallback.

A process that is not told otherwise runs in production: a deployed server must never fall back to
development rules because a variable was forgotten. The generated `.env` selects development and the
tests select `test`.
"""

import os
import secrets
import sys
{%- if has_model %}
from pathlib import Path
{%- endif %}
from typing import Annotated, Literal, Self

from pydantic import {{ imports|sort(case_sensitive=True)|join(", ") }}
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
{%- if has_auth %}

from {{ cookiecutter.project_slug }}.core.mail import Mailer
{%- endif %}
{%- if has_model %}
{% if not has_auth %}
{% endif -%}
from {{ cookiecutter.project_slug }}.ml.model import DEFAULT_ARTIFACT
{%- endif %}

MIN_SECRET_LENGTH = 32
# Outside production the app answers only on the loopback names (and TestClient's "testserver").
LOCAL_HOSTS = ["localhost", "127.0.0.1", "testserver"]
# Names a production environment must set: their development defaults are wrong for a server.
REQUIRED_IN_PRODUCTION = (
    "secret_key",
    "allowed_hosts",
{%- if has_db %}
    "database_url",
{%- endif %}
{%- if has_celery or has_live %}
    "redis_url",
{%- endif %}
)
# A comma-separated variable, e.g. ALLOWED_HOSTS=example.com,www.example.com.
CommaList = Annotated[list[str], NoDecode]


class Settings(BaseSettings):
    """Every setting is read from an upper-case environment variable of the same name."""

    model_config = SettingsConfigDict(env_file_encoding="utf-8", extra="ignore")

    environment: Literal["development", "test", "production"] = "production"
    # Lines on stdout: plain text, or JSON in production.
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    secret_key: SecretStr | None = None
    allowed_hosts: CommaList = LOCAL_HOSTS
    cors_allowed_origins: CommaList = []
    # None: on outside production, off in production.
    docs_enabled: bool | None = None
    force_https: bool = True
{%- if cookiecutter.error_tracking == "sentry" %}
    # Unhandled errors go to Sentry when set (core/error_tracking.py); never in the test environment.
    sentry_dsn: str | None = None
{%- endif %}
{%- if on_sqlite %}
    database_url: str = "sqlite:///./{{ cookiecutter.project_slug }}.db"
{%- elif on_postgresql %}
    database_url: str = "postgresql://postgres@127.0.0.1:5432/{{ cookiecutter.project_slug }}"
{%- endif %}
{%- if has_db %}
    # Connections each worker keeps open (db/session.py); unset: 10 to a server, 2 to a SQLite file.
    database_pool_size: int | None = Field(default=None, ge=1, le=100)
{%- endif %}
{%- if has_auth %}
    access_token_expire_minutes: int = Field(default=30, ge=1, le=60 * 24)
    password_reset_expire_minutes: int = Field(default=60, ge=5, le=60 * 24)
    # Outgoing mail (password reset), a URL as core/mail.py describes; unset: consolemail://
    # (printed) outside production, smtp://localhost:25 in production, kept in memory by the tests.
    email_url: str | None = None
    default_from_email: str = "webmaster@localhost"
    # The first superuser, made by `python -m {{ cookiecutter.project_slug }}.initial_data` (the release step).
    first_superuser: str | None = None
    first_superuser_password: SecretStr | None = None
    first_superuser_email: str | None = None
{%- endif %}
{%- if has_celery %}
    redis_url: str = "redis://127.0.0.1:6379/0"
{%- elif has_live %}
    # Live item events between worker processes (core/events.py); unset: within one process only.
    redis_url: str | None = None
{%- endif %}
{%- if has_live %}
    # uvicorn's worker count, read here to refuse several workers whose events could not meet.
    web_concurrency: int = Field(default=1, ge=1)
{%- endif %}
{%- if has_model %}
    # The model artifact the app loads at start-up (ml/model.py); `python -m {{ cookiecutter.project_slug }}.ml.train` writes
    # the default one.
    model_path: Path = DEFAULT_ARTIFACT
{%- endif %}

    @field_validator("allowed_hosts", "cors_allowed_origins", mode="before")
    @classmethod
    def split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value
{%- if has_db %}

    @field_validator("database_url")
    @classmethod
    def use_psycopg(cls, url: str) -> str:
        # Hosts hand out postgres:// or postgresql://; SQLAlchemy needs the driver named.
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url.removeprefix(prefix)
        return url
{%- endif %}

    @model_validator(mode="after")
    def check_production(self) -> Self:
        if self.is_production:
            missing = [name for name in REQUIRED_IN_PRODUCTION if name not in self.model_fields_set]
            if missing or self.secret_key is None or not self.allowed_hosts:
                names = [name.upper() for name in missing] or ["SECRET_KEY", "ALLOWED_HOSTS"]
                raise ValueError(f"ENVIRONMENT=production needs {', '.join(names)} set")
            if "*" in self.allowed_hosts:
                raise ValueError("ALLOWED_HOSTS must name the hosts in production, not '*'")
        elif self.secret_key is None:
            # Development and tests only: a throwaway key, so anything signed with it
            # stops being valid when the process restarts.
            self.secret_key = SecretStr(secrets.token_urlsafe(50))
        if len(self.secret_key.get_secret_value()) < MIN_SECRET_LENGTH:
            raise ValueError(f"SECRET_KEY must be at least {MIN_SECRET_LENGTH} characters long")
{%- if cookiecutter.error_tracking == "sentry" %}
        if self.environment == "test":
            self.sentry_dsn = None  # a test run never reports, whatever the shell exports
{%- endif %}
{%- if has_auth %}
        if self.environment == "test":
            self.email_url = "memorymail://"  # whatever the shell exports
        elif self.email_url is None:
            self.email_url = "smtp://localhost:25" if self.is_production else "consolemail://"
        Mailer.from_url(self.email_url)
{%- endif %}
{%- if has_live %}
        if self.web_concurrency > 1 and not self.redis_url:
            raise ValueError(
                f"WEB_CONCURRENCY={self.web_concurrency} starts several workers, and live item "
                "events reach the subscribers of other workers only through REDIS_URL: set it"
            )
{%- endif %}
        if self.docs_enabled is None:
            self.docs_enabled = not self.is_production
        return self

    @property
    def is_production(self) -> bool:
        return self.environment == "production"
{%- if has_auth %}

    @property
    def mailer(self) -> Mailer:
        return Mailer.from_url(self.email_url or "consolemail://")
{%- endif %}

    @property
    def secret(self) -> str:
        """The signing key; the validator guarantees there is one."""
        if self.secret_key is None:
            raise RuntimeError("Settings were built without validation")
        return self.secret_key.get_secret_value()


def load_settings() -> Settings:
    """The settings of a running process; unsafe settings stop it with one line on stderr.

    `.env` is a developer's file: it is read only when the process environment does not choose
    the environment itself (a platform sets ENVIRONMENT=production or nothing, tests set test).
    """
    env_file = ".env" if os.environ.get("ENVIRONMENT", "development") == "development" else None
    try:
        return Settings(_env_file=env_file)
    except ValidationError as err:
        reasons = "; ".join(error["msg"].removeprefix("Value error, ") for error in err.errors())
        print(f"Refusing to start: {reasons}", file=sys.stderr)
        # uvicorn's exit code for a worker that cannot start: its supervisor then stops instead of
        # restarting the worker forever.
        raise SystemExit(3) from None
