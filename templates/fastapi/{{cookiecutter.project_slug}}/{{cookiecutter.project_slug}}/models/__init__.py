{% set has_auth = cookiecutter.auth == "yes" -%}
"""Every model is imported here so that Alembic sees the full metadata."""

from {{ cookiecutter.project_slug }}.models.item import Item
{%- if has_auth %}
from {{ cookiecutter.project_slug }}.models.user import User
{%- endif %}

__all__ = [{% if has_auth %}"Item", "User"{% else %}"Item"{% endif %}]
