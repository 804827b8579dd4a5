"""Each request's id: in the response's X-Request-ID and on the log lines written for it."""

import json
import logging

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from {{ cookiecutter.project_slug }}.core.config import Settings
from {{ cookiecutter.project_slug }}.core.logs import REQUEST_ID_HEADER
from {{ cookiecutter.project_slug }}.main import create_app


def get_log_probe(settings: Settings) -> Response:
    """The answer to a route that logs "inside", on an app built (and so logging) with `settings`."""
    app = create_app(settings)

    @app.get("/log-probe")
    def log_probe() -> str:
        logging.getLogger("probe").warning("inside")
        return "logged"

    with TestClient(app) as client:
        return client.get("/log-probe")


def test_every_response_carries_a_fresh_request_id(client: TestClient) -> None:
    first = client.get("/health").headers[REQUEST_ID_HEADER]
    second = client.get("/no-such-page").headers[REQUEST_ID_HEADER]

    assert len(first) == 32 and len(second) == 32 and first != second


def test_a_refused_host_still_gets_an_id(client: TestClient) -> None:
    response = client.get("/api/v1/anything", headers={"Host": "evil.example"})

    assert response.status_code == 400
    assert len(response.headers[REQUEST_ID_HEADER]) == 32


def test_the_id_a_proxy_sent_is_kept_and_a_forged_one_replaced(client: TestClient) -> None:
    kept = client.get("/health", headers={REQUEST_ID_HEADER: "lb-7f3a9c21"})
    forged = client.get("/health", headers={REQUEST_ID_HEADER: "x ERROR forged"})

    assert kept.headers[REQUEST_ID_HEADER] == "lb-7f3a9c21"
    assert len(forged.headers[REQUEST_ID_HEADER]) == 32


def test_development_logs_plain_lines_with_the_request_id(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    response = get_log_probe(settings.model_copy(update={"environment": "development"}))
    logging.getLogger("probe").warning("outside")

    lines = [line for line in capsys.readouterr().out.splitlines() if " probe: " in line]
    assert lines[0].endswith(f"WARNING [{response.headers[REQUEST_ID_HEADER]}] probe: inside")
    assert lines[1].endswith("WARNING [-] probe: outside")


def test_production_logs_json_lines(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    production = settings.model_copy(update={"environment": "production", "force_https": False})
    response = get_log_probe(production)

    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    probe = [(line["message"], line["request_id"]) for line in lines if line["logger"] == "probe"]
    assert probe == [("inside", response.headers[REQUEST_ID_HEADER])]
