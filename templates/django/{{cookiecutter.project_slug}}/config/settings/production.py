{% set has_celery = cookiecutter.task_queue == "celery" -%}
{% set has_api = cookiecutter.api == "yes" -%}
{% set on_sqlite = cookiecutter.database == "sqlite" -%}
"""Production settings: everything secret or host-specific must come from the environment."""

from config.settings.base import *  # noqa: F403
{%- set names = ["LOG_LEVEL", "STORAGES"] + (["database_from_env"] if on_sqlite else []) + ["env"] %}
{%- if cookiecutter.error_tracking == "sentry" %}{% set names = names + ["init_error_tracking"] %}{% endif %}
{%- set line = "from config.settings.base import " ~ (names + ["logging_config"])|join(", ") %}
{%- if line|length <= 100 %}
{{ line }}
{%- else %}
from config.settings.base import (
{%- for name in names + ["logging_config"] %}
    {{ name }},
{%- endfor %}
)
{%- endif %}

# JSON lines on stdout, one object per log record, each with the request id.
LOGGING = logging_config(json_lines=True, level=LOG_LEVEL)

# Each of these raises ImproperlyConfigured when its variable is missing; config/gunicorn.py turns
# that into one line and a non-zero exit before any worker starts.
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
{%- if on_sqlite %}
DATABASES = {"default": database_from_env()}
{%- else %}
DATABASES = {"default": env.db("DATABASE_URL")}
{%- endif %}
{%- if has_celery %}
REDIS_URL = env("REDIS_URL")
CELERY_BROKER_URL = REDIS_URL
{%- endif %}
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# No admin site unless DJANGO_ADMIN_URL names a path for it: never at a guessable default.
ADMIN_URL = env("DJANGO_ADMIN_URL", default="").strip("/")
ADMIN_URL = f"{ADMIN_URL}/" if ADMIN_URL else ""

DEBUG = False
{%- if has_api %}
# The API's schema and docs describe every endpoint: published only when DJANGO_API_DOCS=true.
API_DOCS = env.bool("DJANGO_API_DOCS", default=False)
{%- endif %}

DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# HTTPS: the platform's proxy terminates TLS. gunicorn believes its X-Forwarded-Proto only from
# the addresses in FORWARDED_ALLOW_IPS (default 127.0.0.1) and sets the request's scheme, so Django
# needs no SECURE_PROXY_SSL_HEADER, which would trust that header from anyone.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Load balancers probe /health over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# The Host header decides redirects and links: X-Forwarded-Host is never believed.
USE_X_FORWARDED_HOST = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="smtp://localhost:25")
vars().update(EMAIL_CONFIG)
{%- if cookiecutter.error_tracking == "sentry" %}

# Unhandled errors go to Sentry when SENTRY_DSN is set (the package's core/error_tracking.py).
init_error_tracking(env("SENTRY_DSN", default=""), environment="production")
{%- endif %}
