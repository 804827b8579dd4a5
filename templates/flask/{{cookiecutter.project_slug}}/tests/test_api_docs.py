{% set has_db = cookiecutter.database != "none" -%}
"""The API docs are served entirely by this app: no CDN, no inline script."""

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from {{ cookiecutter.project_slug }} import create_app
{%- if has_db %}

from tests.conftest import database_for
{%- endif %}


def test_swagger_ui_page_loads_its_assets_from_this_site(client: FlaskClient) -> None:
    response = client.get("/api/docs/")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources
    assert all(source.startswith("/") and not source.startswith("//") for source in sources)
    assert "<script>" not in page  # works under the site's script-src 'self'
    for source in sources:
        with client.get(source) as asset:
            assert asset.status_code == 200, source
            assert asset.data


def test_swagger_ui_bundle_is_served(client: FlaskClient) -> None:
    with client.get("/api/docs/assets/swagger-ui-bundle.js") as response:
        assert response.status_code == 200
        assert b"SwaggerUIBundle" in response.data


def test_production_publishes_no_docs_by_default(production_app: Flask) -> None:
    client = production_app.test_client()

    for path in ("/api/docs/", "/api/docs/openapi.json", "/api/docs/assets/swagger-ui.css"):
        assert client.get(path).status_code == 404, path
    assert client.get("/").status_code == 200  # the home page links no docs


def test_docs_enabled_publishes_them_in_production(
    production_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCS_ENABLED", "true")
{%- if has_db %}
    with database_for(create_app("production")) as app:
        assert app.test_client().get("/api/docs/openapi.json").status_code == 200
{%- else %}
    app = create_app("production")

    assert app.test_client().get("/api/docs/openapi.json").status_code == 200
{%- endif %}
