"""Each request's id: in the response's X-Request-ID and on the log lines written for it."""

import json
import logging

import pytest
from flask.testing import FlaskClient

from {{ cookiecutter.project_slug }} import create_app
from {{ cookiecutter.project_slug }}.config import ConfigError, DevelopmentConfig, ProductionConfig
from {{ cookiecutter.project_slug }}.logs import REQUEST_ID_HEADER


def test_every_response_carries_a_fresh_request_id(client: FlaskClient) -> None:
    first = client.get("/health").headers[REQUEST_ID_HEADER]
    second = client.get("/no-such-page").headers[REQUEST_ID_HEADER]

    assert len(first) == 32 and len(second) == 32 and first != second


def test_the_id_a_proxy_sent_is_kept_and_a_forged_one_replaced(client: FlaskClient) -> None:
    kept = client.get("/health", headers={REQUEST_ID_HEADER: "lb-7f3a9c21"})
    forged = client.get("/health", headers={REQUEST_ID_HEADER: "x ERROR forged"})

    assert kept.headers[REQUEST_ID_HEADER] == "lb-7f3a9c21"
    assert len(forged.headers[REQUEST_ID_HEADER]) == 32


def test_production_logs_json_lines_with_the_request_id(
    production_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    app = create_app("production"{% if cookiecutter.database != "none" %}, migrations=False{% endif %})

    @app.get("/log-probe")
    def log_probe() -> str:
        logging.getLogger("probe").warning("inside")
        return "logged"

    client = app.test_client()

    response = client.get("/log-probe", base_url="https://localhost")
    logging.getLogger("probe").warning("outside")

    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    probe = [(line["message"], line["request_id"]) for line in lines if line["logger"] == "probe"]
    assert probe == [("inside", response.headers[REQUEST_ID_HEADER]), ("outside", "-")]


def test_only_production_logs_json() -> None:
    assert DevelopmentConfig.LOG_JSON is False and ProductionConfig.LOG_JSON is True


def test_an_unknown_log_level_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "loud")

    with pytest.raises(ConfigError, match="LOG_LEVEL='loud' is not a log level"):
        DevelopmentConfig()
