{% set has_db = cookiecutter.database != "none" -%}
{% set on_sqlite = cookiecutter.database == "sqlite" -%}
{% if has_db -%}
{% if on_sqlite -%}
import threading
{% endif -%}
from unittest.mock import AsyncMock

{% endif -%}
from fastapi.testclient import TestClient
{%- if has_db %}

from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.db.readiness import Readiness
from {{ cookiecutter.project_slug }}.main import create_app
{%- endif %}


def test_health_answers_ok(client: TestClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"{% if has_db %}, "database": "ok"{% endif %}{% if cookiecutter.inference == "yes" %}, "model": "ok"{% endif %}}
{%- if has_db %}


def test_health_reports_an_unreachable_database(settings: Settings) -> None:
    {% if on_sqlite -%}
    # A directory that does not exist: SQLite cannot open the file.
    unreachable = "sqlite:////nonexistent-directory/db.sqlite3"
    {%- else -%}
    # Nothing listens on port 1, so the connection is refused at once.
    unreachable = "postgresql://postgres@127.0.0.1:1/missing"
    {%- endif %}
    app = create_app(settings.model_copy(update={"database_url": unreachable}))
    with TestClient(app) as client:
        response = client.get("/health")
{%- if on_sqlite %}
        # aiosqlite ends a failed connection's thread by posting to the event loop: let it finish
        # while the test client's loop still runs, or it finds the loop closed.
        for thread in threading.enumerate():
            if thread.name.endswith("(_connection_worker_thread)"):
                thread.join(timeout=5)
{%- endif %}

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error"{% if cookiecutter.inference == "yes" %}, "model": "ok"{% endif %}}


def test_a_flood_of_probes_asks_the_database_once(client: TestClient) -> None:
    probe = AsyncMock(return_value=True)
    client.app.state.readiness = Readiness(probe)  # type: ignore[attr-defined]

    answers = {client.get("/health").status_code for _ in range(50)}

    assert answers == {200}
    assert probe.await_count == 1


def test_a_database_that_stops_answering_is_reported_within_a_second(client: TestClient) -> None:
    now = [100.0]
    probe = AsyncMock(return_value=True)
    client.app.state.readiness = Readiness(probe, clock=lambda: now[0])  # type: ignore[attr-defined]
    assert client.get("/health").status_code == 200

    probe.return_value = False
    now[0] += 0.5
    assert client.get("/health").status_code == 200  # the last answer still stands
    now[0] += 0.6
    assert client.get("/health").status_code == 503
{%- endif %}
