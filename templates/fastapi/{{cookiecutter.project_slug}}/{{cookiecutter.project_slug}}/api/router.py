"""All versioned API routes, mounted under /api/v1."""

from fastapi import APIRouter

{% if cookiecutter.database == "none" -%}
from {{ cookiecutter.project_slug }}.api.routes import temperatures
{%- elif cookiecutter.auth == "yes" -%}
from {{ cookiecutter.project_slug }}.api.routes import auth, items, users
{%- else -%}
from {{ cookiecutter.project_slug }}.api.routes import items
{%- endif %}

api_router = APIRouter()
{%- if cookiecutter.database == "none" %}
api_router.include_router(temperatures.router)
{%- else %}
{%- if cookiecutter.auth == "yes" %}
api_router.include_router(auth.router)
api_router.include_router(users.router)
{%- endif %}
api_router.include_router(items.router)
{%- endif %}
