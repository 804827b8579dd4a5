"""Entry point for the Celery worker, started with

`celery --app {{ cookiecutter.project_slug }}.worker:celery_app worker --loglevel INFO`
"""

import os

from celery import Celery

from . import create_app

flask_app = create_app(os.environ.get("APP_ENV", "production"))
celery_app: Celery = flask_app.extensions["celery"]
