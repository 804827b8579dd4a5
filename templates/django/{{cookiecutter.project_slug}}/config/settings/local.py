"""Development settings: DEBUG on, values read from .env (the process environment wins)."""

from pathlib import Path

import environ

# Read .env before base evaluates its settings; existing environment variables are kept.
environ.Env.read_env(Path(__file__).resolve().parents[2] / ".env")

from config.settings.base import *  # noqa: E402, F403
from config.settings.base import env{% if cookiecutter.error_tracking == "sentry" %}, init_error_tracking{% endif %}  # noqa: E402

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
{%- if cookiecutter.error_tracking == "sentry" %}

# Unhandled errors go to Sentry when SENTRY_DSN is set; the tests' settings never start it.
init_error_tracking(env("SENTRY_DSN", default=""), environment="development")
{%- endif %}
