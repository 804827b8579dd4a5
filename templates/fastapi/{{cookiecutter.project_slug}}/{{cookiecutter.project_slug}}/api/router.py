{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_db = cookiecutter.database != "none" -%}
"""All versioned API routes, mounted under /api/v1."""

from fastapi import APIRouter

{% if not has_db -%}
from {{ cookiecutter.project_slug }}.api.routes import temperatures
{%- elif has_auth -%}
from {{ cookiecutter.project_slug }}.api.routes import auth, items, users
{%- else -%}
from {{ cookiecutter.project_slug }}.api.routes import items
{%- endif %}

api_router = APIRouter()
{%- if not has_db %}
api_router.include_router(temperatures.router)
{%- else %}
{%- if has_auth %}
api_router.include_router(auth.router)
api_router.include_router(users.router)
{%- endif %}
api_router.include_router(items.router)
{%- endif %}
