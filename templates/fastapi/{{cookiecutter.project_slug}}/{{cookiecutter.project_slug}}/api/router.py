{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_db = cookiecutter.database != "none" -%}
{% set has_model = cookiecutter.inference == "yes" -%}
{% set modules = (["auth", "users"] if has_db and has_auth else []) + (["organizations"] if cookiecutter.tenancy == "yes" else []) + (["items"] if has_db else []) + (["live"] if cookiecutter.realtime == "yes" else []) + (["predict"] if has_model else []) + (["temperatures"] if not has_db and not has_model else []) -%}
"""All versioned API routes, mounted under /api/v1."""

from fastapi import APIRouter

from {{ cookiecutter.project_slug }}.api.routes import {{ modules|sort|join(", ") }}

api_router = APIRouter()
{%- for module in modules %}
api_router.include_router({{ module }}.router)
{%- endfor %}
