"""The health report shared by `GET /health` and the background task."""
{%- if cookiecutter.database != "none" %}

import logging

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db

logger = logging.getLogger(__name__)


def check_health() -> tuple[dict[str, str], int]:
    """Return the report and its HTTP status: 503 when the database does not answer."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        logger.exception("Health check: the database did not answer")
        db.session.rollback()
        return {"status": "error", "database": "error"}, 503
    return {"status": "ok", "database": "ok"}, 200
{%- else %}


def check_health() -> tuple[dict[str, str], int]:
    """Return the report and its HTTP status; there is no database to check."""
    return {"status": "ok"}, 200
{%- endif %}
