{% set has_db = cookiecutter.database != "none" -%}
{% if has_db -%}
from pathlib import Path
from unittest.mock import Mock

{% endif -%}
from flask import Flask
from flask.testing import FlaskClient
{%- if has_db %}

from {{ cookiecutter.project_slug }} import create_app
from {{ cookiecutter.project_slug }}.config import Config
from {{ cookiecutter.project_slug }}.extensions import db
from {{ cookiecutter.project_slug }}.readiness import Readiness
{%- endif %}


def test_health_answers_ok(client: FlaskClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json == {"status": "ok"{% if has_db %}, "database": "ok"{% endif %}{% if cookiecutter.inference == "yes" %}, "model": "ok"{% endif %}}
{%- if has_db %}


def test_health_reports_a_database_that_does_not_answer(config: Config, tmp_path: Path) -> None:
    config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'missing' / 'no.sqlite3'}"
    app = create_app(config)

    response = app.test_client().get("/health")

    with app.app_context():
        db.engine.dispose()
    assert response.status_code == 503
    assert response.json == {"status": "error", "database": "error"{% if cookiecutter.inference == "yes" %}, "model": "ok"{% endif %}}


def test_a_flood_of_probes_asks_the_database_once(app: Flask, client: FlaskClient) -> None:
    probe = Mock(return_value=True)
    app.extensions["readiness"] = Readiness(probe)

    answers = {client.get("/health").status_code for _ in range(50)}

    assert answers == {200}
    assert probe.call_count == 1


def test_a_stopped_database_is_reported_within_a_second(app: Flask, client: FlaskClient) -> None:
    now = [100.0]
    probe = Mock(return_value=True)
    app.extensions["readiness"] = Readiness(probe, clock=lambda: now[0])
    assert client.get("/health").status_code == 200

    probe.return_value = False
    now[0] += 0.5
    assert client.get("/health").status_code == 200  # the last answer still stands
    now[0] += 0.6
    assert client.get("/health").status_code == 503
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
