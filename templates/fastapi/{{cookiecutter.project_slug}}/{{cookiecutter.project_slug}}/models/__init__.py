{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
{% set names = ["Item"] + (["User"] if has_auth else []) + (["Membership", "Organization", "Role"] if has_tenancy else []) -%}
"""Every model is imported here so that Alembic sees the full metadata."""

from {{ cookiecutter.project_slug }}.models.item import Item
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.models.organization import Membership, Organization, Role
{%- endif %}
{%- if has_auth %}
from {{ cookiecutter.project_slug }}.models.user import User
{%- endif %}

__all__ = [{% for name in names|sort %}"{{ name }}"{% if not loop.last %}, {% endif %}{% endfor %}]
