from unittest.mock import Mock

import pytest
from django.db import OperationalError, connection, connections
from django.test.utils import CaptureQueriesContext

from {{ cookiecutter.project_slug }}.core import views
from {{ cookiecutter.project_slug }}.core.readiness import Readiness

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_readiness(monkeypatch):
    """Each test starts with no cached answer about the database."""
    monkeypatch.setattr(views, "readiness", Readiness(views.database_answers))


def test_health_reports_a_reachable_database(client):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_answers_503_when_the_database_does_not(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", refuse)

    response = client.get("/health")

    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_health_accepts_only_safe_methods(client):
    assert client.post("/health").status_code == 405


def test_a_flood_of_probes_asks_the_database_once(client):
    with CaptureQueriesContext(connection) as queries:
        answers = {client.get("/health").status_code for _ in range(50)}

    assert answers == {200}
    assert [query["sql"] for query in queries if "SELECT 1" in query["sql"]] == ["SELECT 1"]


def test_a_stopped_database_is_reported_within_a_second(client, monkeypatch):
    now = [100.0]
    probe = Mock(return_value=True)
    monkeypatch.setattr(views, "readiness", Readiness(probe, clock=lambda: now[0]))
    assert client.get("/health").status_code == 200

    probe.return_value = False
    now[0] += 0.5
    assert client.get("/health").status_code == 200  # the last answer still stands
    now[0] += 0.6
    assert client.get("/health").status_code == 503


def test_a_probe_at_the_instance_address_is_answered(client):
    # Balancers probe an instance at its own address, which ALLOWED_HOSTS need not name.
    response = client.get("/health", headers={"host": "10.0.0.7:8000"})

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_other_paths_still_refuse_an_unknown_host(client):
    assert client.get("/favicon.ico", headers={"host": "10.0.0.7:8000"}).status_code == 400


def test_a_probe_gets_the_security_headers_and_no_session(client):
    response = client.get("/health")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
