{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_db = cookiecutter.database != "none" -%}
"""The JSON API (Flask-Smorest): marshmallow schemas, OpenAPI docs at /api/docs/."""

from flask import Flask

from ..extensions import api
{%- if has_auth %}
from . import csrf, docs_assets, notes
{%- elif has_db %}
from . import docs_assets, notes
{%- else %}
from . import docs_assets, text_stats
{%- endif %}


def register_api(app: Flask) -> None:
    if app.config["OPENAPI_URL_PREFIX"]:
        app.register_blueprint(docs_assets.bp)
{%- if has_auth %}
    # Writes authenticate with the session cookie, so a forged cross-site request would carry it
    # too: they need the token from csrf.py in the X-CSRFToken header (checked in notes.py).
    api.register_blueprint(csrf.blp)
{%- endif %}
{%- if has_db %}
    api.register_blueprint(notes.blp)
{%- else %}
    api.register_blueprint(text_stats.blp)
{%- endif %}
