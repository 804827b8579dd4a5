"""Every model is imported here so that Alembic sees the full metadata."""

from {{ cookiecutter.project_slug }}.models.item import Item
{%- if cookiecutter.auth == "yes" %}
from {{ cookiecutter.project_slug }}.models.user import User
{%- endif %}

__all__ = [{% if cookiecutter.auth == "yes" %}"Item", "User"{% else %}"Item"{% endif %}]
