"""The health report shared by `GET /health` and the background task."""
{%- if cookiecutter.database != "none" %}

import logging

from flask import current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db
from .readiness import Readiness

logger = logging.getLogger(__name__)


def database_answers() -> bool:
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        logger.exception("Health check: the database did not answer")
        db.session.rollback()
        return False
    return True


def check_health() -> tuple[dict[str, str], int]:
    """Return the report and its HTTP status: 503 when the database does not answer.

    The database's answer is cached per application for a second (readiness.py).
    """
    readiness = current_app.extensions.setdefault("readiness", Readiness(database_answers))
    if not readiness.ready():
        return {"status": "error", "database": "error"}, 503
    return {"status": "ok", "database": "ok"}, 200
{%- else %}


def check_health() -> tuple[dict[str, str], int]:
    """Return the report and its HTTP status; there is no database to check."""
    return {"status": "ok"}, 200
{%- endif %}
