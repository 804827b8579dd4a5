"""The JSON API (Flask-Smorest): marshmallow schemas, OpenAPI docs at /api/docs/."""

from flask import Flask

{% if cookiecutter.auth == "yes" -%}
from ..extensions import api, csrf
{%- else -%}
from ..extensions import api
{%- endif %}
{%- if cookiecutter.database != "none" %}
from .notes import blp
{%- else %}
from .text_stats import blp
{%- endif %}


def register_api(app: Flask) -> None:
{%- if cookiecutter.auth == "yes" %}
    # The API takes JSON and never relies on the session cookie, so form CSRF tokens do not apply.
    csrf.exempt(blp)
{%- endif %}
    api.register_blueprint(blp)
