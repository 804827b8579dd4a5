{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_db = cookiecutter.database != "none" -%}
{% set has_celery = cookiecutter.task_queue == "celery" -%}
{% set has_api = cookiecutter.api == "yes" -%}
{% set has_model = cookiecutter.inference == "yes" -%}
"""Application factory for {{ cookiecutter.project_slug }}."""

import os

from flask import Flask

{% if has_api -%}
from .api import register_api
{% endif -%}
{% if has_model -%}
from .api.predict import init_model
{% endif -%}
{% if has_auth -%}
from .auth.views import bp as auth_bp
{% endif -%}
from .config import Config, load_config
{% if cookiecutter.error_tracking == "sentry" -%}
from .error_tracking import init_error_tracking
{% endif -%}
from .errors import init_errors
{% if has_db or has_api -%}
from .extensions import init_extensions
{% endif -%}
from .main.views import bp as main_bp
{% if has_auth and has_api -%}
from .notes.views import bp as notes_bp
{% endif -%}
{% if cookiecutter.tenancy == "yes" -%}
from .organizations.views import bp as organizations_bp
{% endif -%}
from .request_id import init_logging
from .security import init_security
{% if has_celery -%}
from .tasks import celery_init_app
{% endif %}

def create_app(config: Config | str | None = None{% if has_db %}, *, migrations: bool = True{% endif %}) -> Flask:
    """Build the application; `config` is a Config instance or a name ("development", ...).

    Without one, `APP_ENV` chooses (default "development"); `wsgi.py` defaults to "production"{% if has_db %}
    and leaves out the migration tools, which only `flask db` and the tests use{% endif %}.
    """
    if not isinstance(config, Config):
        config = load_config(config or os.environ.get("APP_ENV") or "development")
    app = Flask(__name__)
    app.config.from_object(config)
{%- if cookiecutter.error_tracking == "sentry" %}
    init_error_tracking(app.config["SENTRY_DSN"], environment=app.config["ENVIRONMENT"])
{%- endif %}
    init_logging(app)
{%- if has_model %}
    init_model(app)
{%- endif %}
{%- if has_db %}
    init_extensions(app, migrations=migrations)
{%- elif has_api %}
    init_extensions(app)
{%- endif %}
    app.register_blueprint(main_bp)
{%- if has_auth %}
    app.register_blueprint(auth_bp)
{%- endif %}
{%- if has_auth and has_api %}
    app.register_blueprint(notes_bp)
{%- endif %}
{%- if cookiecutter.tenancy == "yes" %}
    app.register_blueprint(organizations_bp)
{%- endif %}
{%- if has_api %}
    register_api(app)
{%- endif %}
    init_errors(app)
    init_security(app)
{%- if has_celery %}
    celery_init_app(app)
{%- endif %}
    return app
