"""The JSON API (Flask-Smorest): marshmallow schemas, OpenAPI docs at /api/docs/."""

from flask import Flask

from ..extensions import api
{%- if cookiecutter.auth == "yes" %}
from . import csrf, notes
{%- elif cookiecutter.database != "none" %}
from . import notes
{%- else %}
from . import text_stats
{%- endif %}


def register_api(app: Flask) -> None:
{%- if cookiecutter.auth == "yes" %}
    # Not exempt from CSRF: writes authenticate with the session cookie, so a forged cross-site
    # request would carry it too. Clients send the token from csrf.py in the X-CSRFToken header.
    api.register_blueprint(csrf.blp)
{%- endif %}
{%- if cookiecutter.database != "none" %}
    api.register_blueprint(notes.blp)
{%- else %}
    api.register_blueprint(text_stats.blp)
{%- endif %}
