{% set has_db = cookiecutter.database != "none" -%}
{% set has_model = cookiecutter.inference == "yes" -%}
{% set checks = (["database"] if has_db else []) + (["model"] if has_model else []) -%}
"""The health report shared by `GET /health` and the background task."""
{%- if has_db %}

import logging
{%- endif %}
{%- if checks %}

from flask import current_app
{%- endif %}
{%- if has_db %}
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
{%- endif %}


def check_health() -> tuple[dict[str, str], int]:
{%- if checks %}
{%- if has_db %}
    """Return the report and its HTTP status: 503 when a check fails.

    The database's answer is cached per application for a second (readiness.py).
    """
{%- else %}
    """Return the report and its HTTP status: 503 when a check fails."""
{%- endif %}
{%- if has_db %}
    readiness = current_app.extensions.setdefault("readiness", Readiness(database_answers))
    database = readiness.ready()
{%- endif %}
{%- if has_model %}
    # Loaded by the application factory, or the process does not start; said here so that a probe
    # sees what serves.
    model = "model" in current_app.extensions
{%- endif %}
    healthy = {{ checks|join(" and ") }}
    report = {"status": "ok" if healthy else "error"}
{%- for check in checks %}
    report["{{ check }}"] = "ok" if {{ check }} else "error"
{%- endfor %}
    return report, 200 if healthy else 503
{%- else %}
    """Return the report and its HTTP status; there is nothing to check but the process itself."""
    return {"status": "ok"}, 200
{%- endif %}
