from fastapi.testclient import TestClient
{%- if cookiecutter.database != "none" %}

from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.main import create_app
{%- endif %}


def test_health_answers_ok(client: TestClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"{% if cookiecutter.database != "none" %}, "database": "ok"{% endif %}}
{%- if cookiecutter.database != "none" %}


def test_health_reports_an_unreachable_database(settings: Settings) -> None:
    {% if cookiecutter.database == "sqlite" -%}
    # A directory that does not exist: SQLite cannot open the file.
    unreachable = "sqlite:////nonexistent-directory/db.sqlite3"
    {%- else -%}
    # Nothing listens on port 1, so the connection is refused at once.
    unreachable = "postgresql://postgres@127.0.0.1:1/missing"
    {%- endif %}
    app = create_app(settings.model_copy(update={"database_url": unreachable}))
    with TestClient(app) as client:
        response = client.get("/health")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error"}
{%- endif %}
