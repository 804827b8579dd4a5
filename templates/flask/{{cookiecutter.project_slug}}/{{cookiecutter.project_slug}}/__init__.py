"""Application factory for {{ cookiecutter.project_slug }}."""

import os

from flask import Flask

{% if cookiecutter.api == "yes" -%}
from .api import register_api
{% endif -%}
{% if cookiecutter.auth == "yes" -%}
from .auth.views import bp as auth_bp
{% endif -%}
from .config import Config, load_config
from .errors import init_errors
{% set ext = [] -%}
{% if cookiecutter.api == "yes" %}{% set _ = ext.append("api") %}{% endif -%}
{% if cookiecutter.auth == "yes" %}{% set _ = ext.append("csrf") %}{% endif -%}
{% if cookiecutter.database != "none" %}{% set _ = ext.append("db") %}{% endif -%}
{% if cookiecutter.auth == "yes" %}{% set _ = ext.append("login_manager") %}{% endif -%}
{% if cookiecutter.database != "none" %}{% set _ = ext.append("migrate") %}{% endif -%}
{% if ext -%}
from .extensions import {{ ext|join(", ") }}
{% endif -%}
from .main.views import bp as main_bp
{% if cookiecutter.auth == "yes" and cookiecutter.api == "yes" -%}
from .notes.views import bp as notes_bp
{% endif -%}
from .security import init_security
{% if cookiecutter.task_queue == "celery" -%}
from .tasks import celery_init_app
{% endif %}

def create_app(config: Config | str | None = None) -> Flask:
    """Build the application; `config` is a Config instance or a name ("development", ...).

    Without one, `APP_ENV` chooses (default "development"); `wsgi.py` defaults to "production".
    """
    if not isinstance(config, Config):
        config = load_config(config or os.environ.get("APP_ENV") or "development")
    app = Flask(__name__)
    app.config.from_object(config)
{%- if ext %}
    init_extensions(app)
{%- endif %}
    app.register_blueprint(main_bp)
{%- if cookiecutter.auth == "yes" %}
    app.register_blueprint(auth_bp)
{%- endif %}
{%- if cookiecutter.auth == "yes" and cookiecutter.api == "yes" %}
    app.register_blueprint(notes_bp)
{%- endif %}
{%- if cookiecutter.api == "yes" %}
    register_api(app)
{%- endif %}
    init_errors(app)
    init_security(app)
{%- if cookiecutter.task_queue == "celery" %}
    celery_init_app(app)
{%- endif %}
    return app
{%- if ext %}


def init_extensions(app: Flask) -> None:
{%- if cookiecutter.database != "none" %}
    db.init_app(app)
    migrate.init_app(app, db)
{%- endif %}
{%- if cookiecutter.auth == "yes" %}
    csrf.init_app(app)
    login_manager.init_app(app)
{%- endif %}
{%- if cookiecutter.api == "yes" %}
    api.init_app(app)
{%- endif %}
{%- endif %}
