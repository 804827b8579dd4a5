"""WSGI entry point for the production server: the Procfile's `web:` command serves `app` below.

The server runs the production configuration unless `APP_ENV` says otherwise (`.env` is not read).
"""

import os

from . import create_app
from .config import ConfigError

try:
    app = create_app(os.environ.get("APP_ENV") or "production"{% if cookiecutter.database != "none" %}, migrations=False{% endif %})
except ConfigError as err:
    # One line naming the missing setting, not a traceback; gunicorn stops instead of retrying.
    raise SystemExit(f"{__name__}: {err}") from None
