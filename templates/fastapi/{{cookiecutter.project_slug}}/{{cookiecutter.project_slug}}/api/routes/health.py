{% set has_db = cookiecutter.database != "none" -%}
"""Liveness and readiness probe for load balancers and platforms."""

from typing import Literal
{% if has_db %}
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
{%- if has_db %}
    database: Literal["ok", "error"]
{%- endif %}


{% if has_db -%}
def readiness(request: Request) -> Readiness:
    """The app's cached database probe (db/readiness.py), made on the first probe."""
    state = request.app.state
    if getattr(state, "readiness", None) is None:
        state.readiness = Readiness(state.database.ping)
    return state.readiness  # type: ignore[no-any-return]


@router.get("/health", responses={status.HTTP_503_SERVICE_UNAVAILABLE: {"model": Health}})
async def health(request: Request, response: Response) -> Health:
    if await readiness(request).ready():
        return Health(status="ok", database="ok")
    response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return Health(status="error", database="error")
{%- else -%}
@router.get("/health")
async def health() -> Health:
    return Health(status="ok")
{%- endif %}
