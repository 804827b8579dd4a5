{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_db = cookiecutter.database != "none" -%}
{% set has_model = cookiecutter.inference == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
{% set modules = ["docs_assets"] + (["csrf"] if has_auth else []) + (["notes"] if has_db else ["text_stats"]) + (["predict"] if has_model else []) + (["organizations"] if has_tenancy else []) + (["live"] if cookiecutter.realtime == "yes" else []) -%}
"""The JSON API (Flask-Smorest): marshmallow schemas, OpenAPI docs at /api/docs/."""

from flask import Flask

from ..extensions import api
from . import {{ modules|sort|join(', ') }}


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
{%- endif %}
{%- if has_tenancy %}
    api.register_blueprint(organizations.blp)
{%- endif %}
{%- if has_db %}
{%- else %}
    api.register_blueprint(text_stats.blp)
{%- endif %}
{%- if has_model %}
    api.register_blueprint(predict.blp)
{%- endif %}
{%- if cookiecutter.realtime == "yes" %}
    live.init_live(app)
{%- endif %}
