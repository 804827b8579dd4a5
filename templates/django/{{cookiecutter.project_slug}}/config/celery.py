"""The Celery app: broker from REDIS_URL, configuration from Django settings (CELERY_*)."""

import os

from celery import Celery

# Workers are production processes unless the environment selects other settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("{{ cookiecutter.project_slug }}")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
