"""Entry point for the Celery worker: the Procfile's `worker:` command starts `celery_app` below.

Like the `flask` command, the worker reads `.env` (found from the current directory upwards) for
local development; variables already set in the environment win. Without `APP_ENV` it runs the
production configuration.
"""

import os

from celery import Celery
from dotenv import find_dotenv, load_dotenv

from . import create_app
from .config import ConfigError

load_dotenv(find_dotenv(usecwd=True))

try:
    flask_app = create_app(os.environ.get("APP_ENV") or "production"{% if cookiecutter.database != "none" %}, migrations=False{% endif %})
except ConfigError as err:
    raise SystemExit(f"{__name__}: {err}") from None
celery_app: Celery = flask_app.extensions["celery"]
