"""The Celery application: `celery --app {{ cookiecutter.project_slug }}.worker:celery_app worker`."""

from celery import Celery

from {{ cookiecutter.project_slug }}.core.config import load_settings
{%- if cookiecutter.error_tracking == "sentry" %}
from {{ cookiecutter.project_slug }}.core.error_tracking import init_error_tracking
{%- endif %}


def create_celery(redis_url: str) -> Celery:
    app = Celery("{{ cookiecutter.project_slug }}", broker=redis_url, backend=redis_url)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_expires=3600,
        # Redelivered if a worker dies mid-task, so tasks must be safe to run twice.
        task_acks_late=True,
        broker_connection_retry_on_startup=True,
        # Periodic tasks, published by the Procfile's beat process (run exactly one).
        beat_schedule={
            "heartbeat": {"task": "{{ cookiecutter.project_slug }}.tasks.heartbeat", "schedule": 300.0},
        },
    )
    app.autodiscover_tasks(["{{ cookiecutter.project_slug }}"], related_name="tasks")
    return app


settings = load_settings()
{%- if cookiecutter.error_tracking == "sentry" %}
init_error_tracking(settings.sentry_dsn, environment=settings.environment)
{%- endif %}
celery_app = create_celery(settings.redis_url)
