"""WSGI entry point for the production server: `gunicorn {{ cookiecutter.project_slug }}.wsgi:app`.

The server runs the production configuration unless `APP_ENV` says otherwise.
"""

import os

from . import create_app

app = create_app(os.environ.get("APP_ENV", "production"))
