{% set has_db = cookiecutter.database != "none" -%}
{% set has_model = cookiecutter.inference == "yes" -%}
{% set has_live = cookiecutter.realtime == "yes" -%}
"""The application factory: `uvicorn {{ cookiecutter.project_slug }}.main:create_app --factory`."""

import json
import logging.config
{%- if has_model %}
import sys
{%- endif %}
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from {{ cookiecutter.project_slug }}.api.errors import complete_error_answers
from {{ cookiecutter.project_slug }}.api.router import api_router
from {{ cookiecutter.project_slug }}.api.routes import health
from {{ cookiecutter.project_slug }}.core.config import Settings, load_settings
from {{ cookiecutter.project_slug }}.core.docs import add_docs
{%- if cookiecutter.error_tracking == "sentry" %}
from {{ cookiecutter.project_slug }}.core.error_tracking import init_error_tracking
{%- endif %}
{%- if has_live %}
from {{ cookiecutter.project_slug }}.core.events import Events
{%- endif %}
from {{ cookiecutter.project_slug }}.core.headers import AllowedHostsMiddleware, SecurityHeadersMiddleware
from {{ cookiecutter.project_slug }}.core.https import HTTPSOnlyMiddleware
from {{ cookiecutter.project_slug }}.core.logs import logging_config
from {{ cookiecutter.project_slug }}.core.request_id import RequestIdMiddleware
{%- if has_db %}
from {{ cookiecutter.project_slug }}.db.session import Database
{%- endif %}
{%- if has_model %}
from {{ cookiecutter.project_slug }}.ml.model import Model, ModelError, load_model
from {{ cookiecutter.project_slug }}.schemas.prediction import Measurements
{%- endif %}

OPENAPI_URL = "/openapi.json"
# uvicorn's own loggers, whose lines go through the app's handler: the same format, with request ids.
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")


def project_info() -> dict[str, str]:
    """The project's name and description, kept as data (project.json), never as code."""
    info: dict[str, str] = json.loads(
        files(__package__).joinpath("project.json").read_text(encoding="utf-8")
    )
    return info


{% if has_model -%}
def load_served_model(settings: Settings) -> Model:
    """The model, read once per worker; a missing or broken artifact stops the start with one line."""
    try:
        model = load_model(settings.model_path)
    except ModelError as err:
        print(f"Refusing to start: {err}", file=sys.stderr)
        raise SystemExit(3) from None
    accepted = tuple(Measurements.model_fields)
    if model.features != accepted:
        print(
            f"Refusing to start: the model takes {', '.join(model.features)} but the API accepts "
            f"{', '.join(accepted)} (schemas/prediction.py)",
            file=sys.stderr,
        )
        raise SystemExit(3)
    return model


{% endif -%}
@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
{%- if has_live %}
    await app.state.events.start()
{%- endif %}
    yield
{%- if has_live %}
    await app.state.events.stop()
{%- endif %}
{%- if has_db %}
    await app.state.database.dispose()
{%- endif %}


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; without settings, read them, and refuse to start when they are unsafe."""
    settings = settings or load_settings()
    if settings.environment != "test":  # tests leave logging to pytest, which captures it
        json_lines, level = settings.is_production, settings.log_level
        logging.config.dictConfig(
            logging_config(json_lines=json_lines, level=level, adopt=UVICORN_LOGGERS)
        )
{%- if cookiecutter.error_tracking == "sentry" %}
    init_error_tracking(settings.sentry_dsn, environment=settings.environment)
{%- endif %}
{%- if has_model %}
    model = load_served_model(settings)
{%- endif %}
    info = project_info()
    app = FastAPI(
        title=info["name"],
        description=info["description"],
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=OPENAPI_URL if settings.docs_enabled else None,
    )
    app.state.settings = settings
{%- if has_model %}
    app.state.model = model
{%- endif %}
{%- if has_db %}
    app.state.database = Database(settings.database_url, settings.database_pool_size)
{%- if has_live %}
    app.state.events = Events(settings.redis_url, channel="{{ cookiecutter.project_slug }}:items")
{%- endif %}
{%- endif %}
    app.include_router(health.router)
    app.include_router(api_router, prefix="/api/v1")
    if settings.docs_enabled:
        add_docs(app, OPENAPI_URL)
    complete_error_answers(app)
    # The last middleware added runs first: the request id, headers on every answer, the Host check,
    # then (in production) the HTTPS redirect, which builds its Location from a checked Host.
    if settings.cors_allowed_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_allowed_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    if settings.is_production and settings.force_https:
        app.add_middleware(HTTPSOnlyMiddleware)
    app.add_middleware(AllowedHostsMiddleware, allowed_hosts=settings.allowed_hosts)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(RequestIdMiddleware)
    return app
