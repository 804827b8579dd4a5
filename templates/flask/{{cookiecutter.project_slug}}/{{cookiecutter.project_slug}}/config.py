{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_db = cookiecutter.database != "none" -%}
{% set has_celery = cookiecutter.task_queue == "celery" -%}
{% set has_api = cookiecutter.api == "yes" -%}
{% set on_postgresql = cookiecutter.database == "postgresql" -%}
{% set on_sqlite = cookiecutter.database == "sqlite" -%}
{% set has_model = cookiecutter.inference == "yes" -%}
"""Configuration classes; every value that differs between deploys comes from the environment."""

import json
import os
import secrets
from pathlib import Path
{%- if has_celery %}
from typing import Any
{%- endif %}

from click import ClickException

from .logs import checked_level
{%- if has_auth %}
from .mail import Mailer
{%- endif %}
{%- if has_model %}
from .ml.model import DEFAULT_ARTIFACT
{%- endif %}

# The name and description typed when the project was generated, kept as data (never as template
# source): pages show them through `config`, escaped like any other value.
PROJECT = json.loads((Path(__file__).parent / "project.json").read_text(encoding="utf-8"))
PROJECT_NAME: str = PROJECT["name"]
PROJECT_DESCRIPTION: str = PROJECT["description"]
{%- if has_api and has_auth %}

API_DESCRIPTION = """\
Reading is public. Writing needs a logged-in user and the CSRF token:

1. Log in (`POST /auth/login`, the site's login form); the session cookie authenticates you.
2. `GET /api/v1/csrf-token` returns `{"csrf_token": "..."}`. The token belongs to the session:
   fetch it after logging in, and again when it expires (after an hour).
3. Send it in the `X-CSRFToken` header with every `POST`. Over HTTPS the request also needs a
   `Referer` header from this site (browsers send one).

Without a login a write gets 401; without the token, 400.
"""
# The API shares the site's session cookie, so writes need the CSRF token as well.
SECURITY_SCHEMES = {
    "session": {"type": "apiKey", "in": "cookie", "name": "session"},
    "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRFToken"},
}
{%- elif has_api and has_db %}

API_DESCRIPTION = """\
This API is open: the project has no user accounts, so anyone who can reach it can create notes.
Put it behind authentication before exposing it to the internet.
"""
{%- endif %}
{%- if on_sqlite %}

# Relative SQLite paths are resolved inside the Flask instance folder.
DEFAULT_DATABASE_URL = "sqlite:///{{ cookiecutter.project_slug }}.sqlite3"
{%- elif on_postgresql %}

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/{{ cookiecutter.project_slug }}"
{%- endif %}
{%- if has_celery %}
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
# The example periodic task: a worker runs the health check every five minutes and logs it.
HEALTH_REPORT_TASK = "{{ cookiecutter.project_slug }}.tasks.health_report"
HEALTH_REPORT_SECONDS = 300.0
{%- endif %}


class ConfigError(ClickException):
    """A setting is missing or wrong; the entry points print it as one line and exit.

    A ClickException, so that the `flask` commands (`flask db upgrade`, `flask run` without the
    reloader) print "Error: ..." instead of a traceback when the app factory raises it.
    """
{%- if has_db %}


def normalize_database_url(url: str) -> str:
    """Accept the `postgres://` and `postgresql://` forms hosts hand out; always use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url
{%- endif %}


def host_list(value: str | None) -> list[str]:
    """Comma-separated host names: `example.com,www.example.com` (`.example.com`: subdomains)."""
    return [host.strip() for host in (value or "").split(",") if host.strip()]


{% if has_api -%}
def flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in {"true", "false", "1", "0", "yes", "no"}:
        raise ConfigError(f"{name}={value!r} must be true or false.")
    return value in {"true", "1", "yes"}


{% endif -%}
def hop_count(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip() or str(default)
    if not value.isdigit():
        raise ConfigError(f"{name}={value!r} must be a whole number of proxies (0 or more).")
    return int(value)


class Config:
    """Settings shared by every environment."""

    TESTING = False
{%- if cookiecutter.error_tracking == "sentry" %}
    # Sentry's name for where errors come from.
    ENVIRONMENT = "development"
{%- endif %}
    # Log lines on stdout: readable text, or one JSON object per line (production).
    LOG_JSON = False
    PROJECT_NAME = PROJECT_NAME
    PROJECT_DESCRIPTION = PROJECT_DESCRIPTION
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    # Redirect plain HTTP to HTTPS (every path but /health, which load balancers probe over HTTP).
    FORCE_HTTPS = False
    HSTS_SECONDS = 0
{%- if has_auth %}
    # Outgoing mail (password reset links): see mail.py for the URL forms.
    DEFAULT_EMAIL_URL = "consolemail://"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    WTF_CSRF_ENABLED = True
{%- endif %}
{%- if has_api %}
    API_TITLE = PROJECT_NAME
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.1.0"
{%- if has_auth %}
    API_SPEC_OPTIONS = {
        "info": {"description": API_DESCRIPTION},
        "components": {"securitySchemes": SECURITY_SCHEMES},
    }
{%- elif has_db %}
    API_SPEC_OPTIONS = {"info": {"description": API_DESCRIPTION}}
{%- endif %}
    OPENAPI_URL_PREFIX: str | None = "/api/docs"
    OPENAPI_JSON_PATH = "openapi.json"
    OPENAPI_SWAGGER_UI_PATH = "/"
    # Swagger UI's files are served by this app (api/docs_assets.py), never from a CDN.
    OPENAPI_SWAGGER_UI_URL = "/api/docs/assets/"
    # The docs (OpenAPI document and Swagger UI) are public unless DOCS_ENABLED says otherwise.
    DOCS_BY_DEFAULT = True
{%- endif %}

    def __init__(self) -> None:
        try:
            self.LOG_LEVEL = checked_level("LOG_LEVEL", os.environ.get("LOG_LEVEL", "INFO"))
        except ValueError as error:
            raise ConfigError(str(error)) from None
        self.SECRET_KEY = os.environ.get("SECRET_KEY") or self.missing_secret_key()
        # Requests naming any other host get 400, so no foreign host reaches a redirect.
        self.TRUSTED_HOSTS = host_list(os.environ.get("TRUSTED_HOSTS")) or self.missing_hosts()
{%- if cookiecutter.error_tracking == "sentry" %}
        # Unhandled errors go to Sentry when SENTRY_DSN is set (error_tracking.py).
        self.SENTRY_DSN = self.sentry_dsn()
{%- endif %}
        # How many proxies in front of the app set each X-Forwarded-* header (werkzeug ProxyFix).
        # By default one proxy tells the client's scheme; hosts and addresses are not trusted.
        self.PROXY_FIX = {
            "x_for": hop_count("PROXY_X_FOR", 0),
            "x_proto": hop_count("PROXY_X_PROTO", 1),
            "x_host": hop_count("PROXY_X_HOST", 0),
        }
{%- if has_auth %}
        self.EMAIL_URL = self.email_url()
        try:
            Mailer.from_url(self.EMAIL_URL)
        except ValueError as error:
            raise ConfigError(str(error)) from None
        self.DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or "webmaster@localhost"
{%- endif %}
{%- if has_api %}
        if not flag("DOCS_ENABLED", self.DOCS_BY_DEFAULT):
            self.OPENAPI_URL_PREFIX = None  # Flask-Smorest then registers no docs routes
{%- endif %}
{%- if has_model %}
        # The model artifact loaded at start-up (ml/model.py). The default one is written by
        #     python -m {{ cookiecutter.project_slug }}.ml.train
        self.MODEL_PATH = Path(os.environ.get("MODEL_PATH") or DEFAULT_ARTIFACT)
{%- endif %}
{%- if has_db %}
        self.SQLALCHEMY_DATABASE_URI = normalize_database_url(self.database_url())
        # A server's connections can go stale (restarts, idle timeouts): test each one as it leaves
        # the pool. A SQLite file has no connection to lose, so it skips that query per request.
        self.SQLALCHEMY_ENGINE_OPTIONS = {
            "pool_pre_ping": not self.SQLALCHEMY_DATABASE_URI.startswith("sqlite")
        }
{%- endif %}
{%- if has_celery %}
        self.CELERY = self.celery_settings(self.redis_url())
{%- endif %}
{%- if cookiecutter.realtime == "yes" %}
        # Live note events between workers go through Redis; without it they stay in this process.
        self.EVENTS_REDIS_URL = self.events_redis_url()
{%- endif %}

    def missing_secret_key(self) -> str:
        # Outside production a throwaway key keeps the app usable; sessions end on restart.
        return secrets.token_urlsafe(50)

    def missing_hosts(self) -> list[str] | None:
        return None  # any host: the development server listens on 127.0.0.1 only
{%- if has_auth %}

    def email_url(self) -> str:
        return os.environ.get("EMAIL_URL") or self.DEFAULT_EMAIL_URL
{%- endif %}
{%- if cookiecutter.error_tracking == "sentry" %}

    def sentry_dsn(self) -> str | None:
        return os.environ.get("SENTRY_DSN") or None
{%- endif %}
{%- if has_db %}

    def database_url(self) -> str:
        return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
{%- endif %}
{%- if cookiecutter.realtime == "yes" %}

    def events_redis_url(self) -> str | None:
        return os.environ.get("REDIS_URL") or None  # one process (flask run): events stay in it
{%- endif %}
{%- if has_celery %}

    def redis_url(self) -> str:
        return os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL

    def celery_settings(self, redis_url: str) -> dict[str, Any]:
        return {
            "broker_url": redis_url,
            "result_backend": redis_url,
            "broker_connection_retry_on_startup": True,
            "task_ignore_result": True,
            # Periodic tasks, published by the Procfile's beat process (run exactly one).
            "beat_schedule": {
                "health-report": {"task": HEALTH_REPORT_TASK, "schedule": HEALTH_REPORT_SECONDS},
            },
        }
{%- endif %}


class DevelopmentConfig(Config):
    """Local development, with `.env` read:

        flask --app {{ cookiecutter.project_slug }} run --debug
    """


class TestingConfig(Config):
    """Used by the test suite; the fixtures set the database URL."""

    TESTING = True
{%- if cookiecutter.error_tracking == "sentry" %}
    ENVIRONMENT = "testing"

    def sentry_dsn(self) -> str | None:
        return None  # a test run never reports, whatever the shell exports
{%- endif %}
{%- if has_auth %}

    def email_url(self) -> str:
        return "memorymail://"  # kept in mail.OUTBOX, whatever the shell exports
{%- endif %}
{%- if cookiecutter.realtime == "yes" %}

    def events_redis_url(self) -> str | None:
        return None  # in-process events, whatever the shell exports (tests/test_live.py adds Redis)
{%- endif %}


class ProductionConfig(Config):
    """Production: refuses to start without its settings and sends cookies over HTTPS only."""

    LOG_JSON = True
{%- if cookiecutter.error_tracking == "sentry" %}
    ENVIRONMENT = "production"
{%- endif %}
    SESSION_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    FORCE_HTTPS = True
    HSTS_SECONDS = 31536000
{%- if has_auth %}
    REMEMBER_COOKIE_SECURE = True
    DEFAULT_EMAIL_URL = "smtp://localhost:25"
{%- endif %}
{%- if has_api %}
    # Production publishes no API docs unless DOCS_ENABLED=true.
    DOCS_BY_DEFAULT = False
{%- endif %}

    def missing_secret_key(self) -> str:
        raise ConfigError("SECRET_KEY must be set in production (a long random string).")

    def missing_hosts(self) -> list[str]:
        raise ConfigError(
            "TRUSTED_HOSTS must be set in production: the host names this site answers to, "
            "comma-separated (e.g. example.com,www.example.com)."
        )
{%- if has_db %}

    def database_url(self) -> str:
        return required("DATABASE_URL")
{%- endif %}
{%- if has_celery %}

    def redis_url(self) -> str:
        return required("REDIS_URL")
{%- endif %}
{%- if cookiecutter.realtime == "yes" %}

    def events_redis_url(self) -> str:
        # Gunicorn runs several workers: without Redis a note made in one would reach only the
        # sockets of that one.
        return required("REDIS_URL")
{%- endif %}
{%- if has_db or has_celery %}


def required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ConfigError(f"{name} must be set in production.")
    return value
{%- endif %}


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def load_config(name: str) -> Config:
    config_class = CONFIGS.get(name)
    if config_class is None:
        raise ConfigError(f"APP_ENV={name!r} is unknown; use one of {', '.join(CONFIGS)}.")
    return config_class()
