"""Configuration classes; every value that differs between deploys comes from the environment."""

import os
import secrets
{%- if cookiecutter.task_queue == "celery" %}
from typing import Any
{%- endif %}
{% if cookiecutter.api == "yes" or cookiecutter.database != "none" or cookiecutter.task_queue == "celery" %}
{% endif -%}
{% if cookiecutter.api == "yes" -%}
# The name as typed when the project was generated, kept verbatim (the API docs' title).
PROJECT_NAME = {{ cookiecutter.project_name|tojson }}  # noqa: E501  # fmt: skip
{%- if cookiecutter.auth == "yes" %}
API_DESCRIPTION = """\
Reading is public. Writing needs a logged-in user and the CSRF token:

1. Log in (`POST /auth/login`, the site's login form); the session cookie authenticates you.
2. `GET /api/v1/csrf-token` returns `{"csrf_token": "..."}`. The token belongs to the session:
   fetch it after logging in, and again when it expires (after an hour).
3. Send it in the `X-CSRFToken` header with every `POST`. Over HTTPS the request also needs a
   `Referer` header from this site (browsers send one).

Without the token a write gets 400; without a login, 401.
"""
# The API shares the site's session cookie, so writes need the CSRF token as well.
SECURITY_SCHEMES = {
    "session": {"type": "apiKey", "in": "cookie", "name": "session"},
    "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRFToken"},
}
{%- elif cookiecutter.database != "none" %}
API_DESCRIPTION = """\
This API is open: the project has no user accounts, so anyone who can reach it can create notes.
Put it behind authentication before exposing it to the internet.
"""
{%- endif %}
{% endif -%}
{% if cookiecutter.database == "sqlite" -%}
# Relative SQLite paths are resolved inside the Flask instance folder.
DEFAULT_DATABASE_URL = "sqlite:///{{ cookiecutter.project_slug }}.sqlite3"
{% elif cookiecutter.database == "postgresql" -%}
DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/{{ cookiecutter.project_slug }}"
{% endif -%}
{% if cookiecutter.task_queue == "celery" -%}
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
{% endif -%}
{% if cookiecutter.database != "none" %}

def normalize_database_url(url: str) -> str:
    """Accept the `postgres://` and `postgresql://` forms hosts hand out; always use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url
{% endif %}

class Config:
    """Settings shared by every environment."""

    TESTING = False
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    # Redirect plain HTTP to HTTPS (every path but /health, which load balancers probe over HTTP).
    FORCE_HTTPS = False
    HSTS_SECONDS = 0
{%- if cookiecutter.auth == "yes" %}
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    WTF_CSRF_ENABLED = True
{%- endif %}
{%- if cookiecutter.api == "yes" %}
    API_TITLE = PROJECT_NAME
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.1.0"
{%- if cookiecutter.auth == "yes" %}
    API_SPEC_OPTIONS = {
        "info": {"description": API_DESCRIPTION},
        "components": {"securitySchemes": SECURITY_SCHEMES},
    }
{%- elif cookiecutter.database != "none" %}
    API_SPEC_OPTIONS = {"info": {"description": API_DESCRIPTION}}
{%- endif %}
    OPENAPI_URL_PREFIX = "/api/docs"
    OPENAPI_JSON_PATH = "openapi.json"
    OPENAPI_SWAGGER_UI_PATH = "/"
    OPENAPI_SWAGGER_UI_URL = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/"
{%- endif %}

    def __init__(self) -> None:
        self.SECRET_KEY = os.environ.get("SECRET_KEY") or self.missing_secret_key()
{%- if cookiecutter.database != "none" %}
        self.SQLALCHEMY_DATABASE_URI = normalize_database_url(self.database_url())
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
{%- endif %}
{%- if cookiecutter.task_queue == "celery" %}
        self.CELERY = self.celery_settings(os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL)
{%- endif %}

    def missing_secret_key(self) -> str:
        # Outside production a throwaway key keeps the app usable; sessions end on restart.
        return secrets.token_urlsafe(50)
{%- if cookiecutter.database != "none" %}

    def database_url(self) -> str:
        return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
{%- endif %}
{%- if cookiecutter.task_queue == "celery" %}

    def celery_settings(self, redis_url: str) -> dict[str, Any]:
        return {
            "broker_url": redis_url,
            "result_backend": redis_url,
            "broker_connection_retry_on_startup": True,
            "task_ignore_result": True,
        }
{%- endif %}


class DevelopmentConfig(Config):
    """Local development: `flask --app {{ cookiecutter.project_slug }} run --debug` (reads `.env`)."""


class TestingConfig(Config):
    """Used by the test suite; the fixtures set the database URL."""

    TESTING = True


class ProductionConfig(Config):
    """Production: refuses to start without its secrets and sends cookies over HTTPS only."""

    SESSION_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    FORCE_HTTPS = True
    HSTS_SECONDS = 31536000
{%- if cookiecutter.auth == "yes" %}
    REMEMBER_COOKIE_SECURE = True
{%- endif %}

    def missing_secret_key(self) -> str:
        raise RuntimeError("SECRET_KEY must be set in production (a long random string).")
{%- if cookiecutter.database != "none" %}

    def database_url(self) -> str:
        url = os.environ.get("DATABASE_URL")
        if not url:
            raise RuntimeError("DATABASE_URL must be set in production.")
        return url
{%- endif %}


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def load_config(name: str) -> Config:
    config_class = CONFIGS.get(name)
    if config_class is None:
        raise RuntimeError(f"APP_ENV={name!r} is unknown; use one of {', '.join(CONFIGS)}.")
    return config_class()
