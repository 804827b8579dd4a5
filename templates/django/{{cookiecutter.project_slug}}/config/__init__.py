{%- if cookiecutter.task_queue == "celery" -%}
"""Project configuration: settings, URLs, WSGI/ASGI entry points and the Celery app."""

# Load the Celery app with Django so that @shared_task binds to it.
from config.celery import app as celery_app

__all__ = ["celery_app"]
{%- else -%}
"""Project configuration: settings, URLs and the WSGI/ASGI entry points."""
{%- endif %}
