import pytest
from django.db import OperationalError, connections

pytestmark = pytest.mark.django_db


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
