{%- set imports = ["SecretStr", "model_validator"] -%}
{%- if cookiecutter.auth == "yes" %}{% set imports = ["Field"] + imports %}{% endif -%}
{%- if cookiecutter.database != "none" %}{% set imports = imports + ["field_validator"] %}{% endif -%}
"""Settings from the process environment, with `.env` as a fallback outside production."""

import os
import secrets
from typing import Literal, Self

from pydantic import {{ imports|sort(case_sensitive=True)|join(", ") }}
from pydantic_settings import BaseSettings, SettingsConfigDict

MIN_SECRET_LENGTH = 32


class Settings(BaseSettings):
    """Every setting is read from an upper-case environment variable of the same name."""

    model_config = SettingsConfigDict(env_file_encoding="utf-8", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    secret_key: SecretStr | None = None
    docs_enabled: bool = True
    force_https: bool = True
{%- if cookiecutter.database == "sqlite" %}
    database_url: str = "sqlite:///./{{ cookiecutter.project_slug }}.db"
{%- elif cookiecutter.database == "postgresql" %}
    database_url: str = "postgresql://postgres@127.0.0.1:5432/{{ cookiecutter.project_slug }}"
{%- endif %}
{%- if cookiecutter.auth == "yes" %}
    access_token_expire_minutes: int = Field(default=30, ge=1, le=60 * 24)
{%- endif %}
{%- if cookiecutter.task_queue == "celery" %}
    redis_url: str = "redis://127.0.0.1:6379/0"
{%- endif %}
{%- if cookiecutter.database != "none" %}

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
    def check_secret_key(self) -> Self:
        if self.secret_key is None:
            if self.environment == "production":
                raise ValueError("SECRET_KEY must be set when ENVIRONMENT=production")
            # Outside production a missing key becomes a throwaway one:
            # anything signed with it stops being valid when the process restarts.
            self.secret_key = SecretStr(secrets.token_urlsafe(50))
        elif len(self.secret_key.get_secret_value()) < MIN_SECRET_LENGTH:
            raise ValueError(f"SECRET_KEY must be at least {MIN_SECRET_LENGTH} characters long")
        return self

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


def load_settings() -> Settings:
    """Read the settings; `.env` is only consulted when ENVIRONMENT is not production."""
    env_file = None if os.environ.get("ENVIRONMENT") == "production" else ".env"
    return Settings(_env_file=env_file)
