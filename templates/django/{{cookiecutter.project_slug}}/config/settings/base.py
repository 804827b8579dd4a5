{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_celery = cookiecutter.task_queue == "celery" -%}
{% set has_api = cookiecutter.api == "yes" -%}
{% set on_sqlite = cookiecutter.database == "sqlite" -%}
"""Settings shared by every environment. Values that differ between machines come from the
environment (see .env.example); local, test and production adjust the rest."""

import json
from pathlib import Path
{%- if on_sqlite %}
from typing import Any
{%- endif %}

import environ
{%- if has_celery %}
from celery.schedules import crontab
{%- endif %}
from django.core.exceptions import ImproperlyConfigured

{% if cookiecutter.error_tracking == "sentry" -%}
# Re-exported, as logging_config below, for local.py and production.py.
from {{ cookiecutter.project_slug }}.core.error_tracking import (
    init_error_tracking as init_error_tracking,
)
{% endif -%}
from {{ cookiecutter.project_slug }}.core.logs import checked_level

# Re-exported (the `as` form) for production.py, whose imports then stay in one block whatever the
# package is called.
from {{ cookiecutter.project_slug }}.core.logs import logging_config as logging_config

BASE_DIR = Path(__file__).resolve().parents[2]
APPS_DIR = BASE_DIR / "{{ cookiecutter.project_slug }}"

env = environ.Env()

# The project's name and description are data (config/site.json), shown by templates as text.
_site = json.loads((BASE_DIR / "config" / "site.json").read_text(encoding="utf-8"))
SITE_NAME: str = _site["name"]
SITE_DESCRIPTION: str = _site["description"]

DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS: list[str] = env.list("DJANGO_ALLOWED_HOSTS", default=[])

# The admin lives at a URL of your choosing (DJANGO_ADMIN_URL), not at a guessable default.
ADMIN_URL = env("DJANGO_ADMIN_URL", default="admin/").strip("/") + "/"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
{%- if has_api %}
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
{%- endif %}
    "{{ cookiecutter.project_slug }}.core",
    "{{ cookiecutter.project_slug }}.users",
{%- if cookiecutter.tenancy == "yes" %}
    "{{ cookiecutter.project_slug }}.organizations",
{%- endif %}
    "{{ cookiecutter.project_slug }}.notes",
]

MIDDLEWARE = [
    # First, so every response (redirects and errors included) carries the request id.
    "{{ cookiecutter.project_slug }}.core.request_id.request_id_middleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Answers /health itself: a probe needs none of the middleware below (core/health.py).
    "{{ cookiecutter.project_slug }}.core.health.health_middleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "config.urls"
# Error pages in HTML with a way back, rendered from the project's templates.
CSRF_FAILURE_VIEW = "{{ cookiecutter.project_slug }}.core.views.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [APPS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "{{ cookiecutter.project_slug }}.core.context_processors.site",
{%- if cookiecutter.tenancy == "yes" %}
                "{{ cookiecutter.project_slug }}.organizations.context_processors.tenant",
{%- endif %}
            ],
        },
    },
]

{%- if on_sqlite %}

SQLITE_MMAP_BYTES = 128 * 1024 * 1024


def database_from_env(**default: str) -> dict[str, Any]:
    """DATABASE_URL as Django settings. A relative SQLite path (sqlite:///db.sqlite3) means a file
    in the project, wherever the process was started from."""
    config: dict[str, Any] = env.db("DATABASE_URL", **default)
    if config["ENGINE"] != "django.db.backends.sqlite3":
        return config
    if config["NAME"] != ":memory:":
        config["NAME"] = str(BASE_DIR / config["NAME"])
    # Pages are read through a memory map shared with the operating system's page cache, not copied
    # into each connection's private 2 MB cache: a scan of a larger table (the paginator's count)
    # reads memory instead of the file. 128 MiB is Rails' default; see https://sqlite.org/mmap.html.
    config.setdefault("OPTIONS", {})["init_command"] = f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}"
    return config


DATABASES = {"default": database_from_env(default="sqlite:///db.sqlite3")}
{%- else %}

# postgresql:// and postgres:// URLs both select Django's PostgreSQL backend (psycopg 3).
DATABASES = {
    "default": env.db(
        "DATABASE_URL",
        default="postgresql://postgres@127.0.0.1:5432/{{ cookiecutter.project_slug }}",
    )
}
{%- endif %}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
{%- if has_auth %}
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "notes:list"
LOGOUT_REDIRECT_URL = "notes:list"
{%- endif %}

# Argon2 hashes new passwords; the others only verify hashes made before a switch.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [APPS_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Readable lines on stdout, each with the request id; production writes JSON lines instead.
try:
    LOG_LEVEL = checked_level("DJANGO_LOG_LEVEL", env("DJANGO_LOG_LEVEL", default="INFO"))
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None
LOGGING = logging_config(json_lines=False, level=LOG_LEVEL)
{%- if has_api %}

REST_FRAMEWORK = {
    # Token first: an anonymous API client gets 401 with a WWW-Authenticate header.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Every endpoint needs a signed-in user unless its view says otherwise.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # Page numbers, with a total counted up to 10,000 rows (core/pagination.py).
    "DEFAULT_PAGINATION_CLASS": f"{APPS_DIR.name}.core.pagination.CountLimitedPagination",
    "PAGE_SIZE": 20,
    # Documents the error answers (400/401/403/404) next to the successful ones.
    "DEFAULT_SCHEMA_CLASS": f"{APPS_DIR.name}.core.openapi.AutoSchema",
}

# The OpenAPI schema and interactive docs under /api/schema/ and /api/docs/ (off in production
# unless DJANGO_API_DOCS=true).
API_DOCS = env.bool("DJANGO_API_DOCS", default=True)
SPECTACULAR_SETTINGS = {
    "TITLE": SITE_NAME,
    "DESCRIPTION": SITE_DESCRIPTION,
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and ReDoc come from drf-spectacular-sidecar's static files: no CDN, works offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
{%- endif %}
{%- if has_celery %}

REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = REDIS_URL
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
# A stuck task is stopped instead of holding a worker forever.
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 120
# Periodic tasks, published by `celery --app config beat` (the Procfile's beat line; run one).
CELERY_BEAT_SCHEDULE = {
    "delete-stale-notes": {
        "task": f"{APPS_DIR.name}.notes.tasks.delete_stale_notes",
        "schedule": crontab(hour=3, minute=0),
        "kwargs": {"days": 365},
    },
}
{%- endif %}
