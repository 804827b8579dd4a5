{% set has_db = cookiecutter.database != "none" -%}
{% set has_model = cookiecutter.inference == "yes" -%}
{% set checks = (["database"] if has_db else []) + (["model"] if has_model else []) -%}
"""Liveness and readiness probe for load balancers and platforms."""

from typing import Literal
{% if checks %}
from fastapi import APIRouter, Request, Response, status
{% else %}
from fastapi import APIRouter
{% endif -%}
from pydantic import BaseModel
{%- if has_db %}

from {{ cookiecutter.project_slug }}.db.readiness import Readiness
{%- endif %}

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok", "error"]
{%- for check in checks %}
    {{ check }}: Literal["ok", "error"]
{%- endfor %}


{% if has_db -%}
def readiness(request: Request) -> Readiness:
    """The app's cached database probe (db/readiness.py), made on the first probe."""
    state = request.app.state
    if getattr(state, "readiness", None) is None:
        state.readiness = Readiness(state.database.ping)
    return state.readiness  # type: ignore[no-any-return]


{% endif -%}
{% if checks -%}
@router.get("/health", responses={status.HTTP_503_SERVICE_UNAVAILABLE: {"model": Health}})
async def health(request: Request, response: Response) -> Health:
{%- if has_db %}
    database = await readiness(request).ready()
{%- endif %}
{%- if has_model %}
    # Loaded before the first request (main.py) or the worker does not start; said here so that a
    # probe sees what serves.
    model = getattr(request.app.state, "model", None) is not None
{%- endif %}
    healthy = {{ checks|join(" and ") }}
    if not healthy:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return Health(
        status="ok" if healthy else "error",
{%- for check in checks %}
        {{ check }}="ok" if {{ check }} else "error",
{%- endfor %}
    )
{%- else -%}
@router.get("/health")
async def health() -> Health:
    return Health(status="ok")
{%- endif %}
