"""Liveness and readiness probe for load balancers and platforms."""

from typing import Literal
{% if cookiecutter.database != "none" %}
from fastapi import APIRouter, Request, Response, status
{% else %}
from fastapi import APIRouter
{% endif -%}
from pydantic import BaseModel

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok", "error"]
{%- if cookiecutter.database != "none" %}
    database: Literal["ok", "error"]
{%- endif %}


{% if cookiecutter.database != "none" -%}
@router.get("/health", responses={status.HTTP_503_SERVICE_UNAVAILABLE: {"model": Health}})
def health(request: Request, response: Response) -> Health:
    if request.app.state.database.ping():
        return Health(status="ok", database="ok")
    response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return Health(status="error", database="error")
{%- else -%}
@router.get("/health")
def health() -> Health:
    return Health(status="ok")
{%- endif %}
