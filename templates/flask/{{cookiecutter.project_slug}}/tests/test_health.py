{% if cookiecutter.database != "none" -%}
from pathlib import Path

{% endif -%}
from flask import Flask
from flask.testing import FlaskClient
{%- if cookiecutter.database != "none" %}

from {{ cookiecutter.project_slug }} import create_app
from {{ cookiecutter.project_slug }}.config import Config
from {{ cookiecutter.project_slug }}.extensions import db
{%- endif %}


def test_health_answers_ok(client: FlaskClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
{%- if cookiecutter.database != "none" %}
    assert response.json == {"status": "ok", "database": "ok"}
{%- else %}
    assert response.json == {"status": "ok"}
{%- endif %}
{%- if cookiecutter.database != "none" %}


def test_health_reports_a_database_that_does_not_answer(config: Config, tmp_path: Path) -> None:
    config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'missing' / 'no.sqlite3'}"
    app = create_app(config)

    response = app.test_client().get("/health")

    with app.app_context():
        db.engine.dispose()
    assert response.status_code == 503
    assert response.json == {"status": "error", "database": "error"}
{%- endif %}


def test_health_is_not_redirected_to_https_in_production(production_app: Flask) -> None:
    client = production_app.test_client()

    assert client.get("/health", base_url="http://localhost").status_code == 200
    response = client.get("/", base_url="http://localhost")
    assert response.status_code == 308
    assert response.headers["Location"] == "https://localhost/"


def test_index_page_renders(client: FlaskClient) -> None:
    response = client.get("/")

    assert response.status_code == 200
    assert b"Health check" in response.data
