"""Celery bound to the application factory: every task runs inside the Flask app context."""

import logging
from typing import Any

from celery import Celery, Task, shared_task
from flask import Flask

from .health import check_health

logger = logging.getLogger(__name__)


def celery_init_app(app: Flask) -> "Celery[Any]":
    class FlaskTask(Task):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            with app.app_context():
                return self.run(*args, **kwargs)

    celery_app = Celery(app.name, task_cls=FlaskTask)
    celery_app.config_from_object(app.config["CELERY"])
    celery_app.set_default()
    app.extensions["celery"] = celery_app
    return celery_app


@shared_task(ignore_result=False)
def health_report() -> dict[str, str]:
    """Run the health check from a worker: the beat schedule does every five minutes (config.py)."""
    report, _status = check_health()
    logger.info("health report: %s", report)
    return report
