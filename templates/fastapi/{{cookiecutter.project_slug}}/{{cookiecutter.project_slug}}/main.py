"""The application factory: `uvicorn {{ cookiecutter.project_slug }}.main:create_app --factory`."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from {{ cookiecutter.project_slug }}.api.router import api_router
from {{ cookiecutter.project_slug }}.api.routes import health
from {{ cookiecutter.project_slug }}.core.config import Settings, load_settings
from {{ cookiecutter.project_slug }}.core.https import HTTPSOnlyMiddleware
{%- if cookiecutter.database != "none" %}
from {{ cookiecutter.project_slug }}.db.session import Database
{%- endif %}

TITLE = {{ cookiecutter.project_name|tojson|replace('\\"', '\\u0022') }}
DESCRIPTION = {{ cookiecutter.description|tojson|replace('\\"', '\\u0022') }}


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
{%- if cookiecutter.database != "none" %}
    app.state.database.dispose()
{%- endif %}


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; refuses to start (raises) when the settings are unsafe for production."""
    settings = settings or load_settings()
    docs = settings.docs_enabled
    app = FastAPI(
        title=TITLE,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.state.settings = settings
{%- if cookiecutter.database != "none" %}
    app.state.database = Database(settings.database_url)
{%- endif %}
    if settings.is_production and settings.force_https:
        app.add_middleware(HTTPSOnlyMiddleware)
    app.include_router(health.router)
    app.include_router(api_router, prefix="/api/v1")
    return app
