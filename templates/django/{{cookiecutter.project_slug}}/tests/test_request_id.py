"""Each request's id: in the response's X-Request-ID and on the log lines written for it."""

import logging
from collections.abc import Iterator

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from {{ cookiecutter.project_slug }}.core.logs import REQUEST_ID_HEADER, RequestIdFilter

from tests.conftest import PRODUCTION_ENV, LoadSettings

pytestmark = pytest.mark.django_db


class Captured(logging.Handler):
    """Keeps the records it is given, with the request id the app's own handler would add."""

    def __init__(self) -> None:
        super().__init__()
        self.addFilter(RequestIdFilter())
        self.ids: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.ids.append(getattr(record, "request_id", "missing"))


@pytest.fixture
def captured() -> Iterator[Captured]:
    handler = Captured()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def test_every_response_carries_a_fresh_request_id(client: Client) -> None:
    first = client.get("/health")[REQUEST_ID_HEADER]
    second = client.get("/no-such-page/")[REQUEST_ID_HEADER]

    assert len(first) == 32 and len(second) == 32 and first != second


def test_the_id_a_proxy_sent_is_kept(client: Client) -> None:
    response = client.get("/health", headers={REQUEST_ID_HEADER: "lb-7f3a9c21"})

    assert response[REQUEST_ID_HEADER] == "lb-7f3a9c21"


def test_a_forged_id_is_replaced(client: Client) -> None:
    response = client.get("/health", headers={REQUEST_ID_HEADER: "x\nERROR forged"})

    assert len(response[REQUEST_ID_HEADER]) == 32


def test_log_lines_written_for_a_request_carry_its_id(client: Client, captured: Captured) -> None:
    # Django logs "Not Found" for it once the middleware has returned the response.
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert captured.ids == [response[REQUEST_ID_HEADER]]
    logging.getLogger("django.request").warning("between requests")
    assert captured.ids[-1] == "-"


def test_development_writes_plain_lines_and_production_json(load_settings: LoadSettings) -> None:
    assert django_settings.LOGGING["handlers"]["stdout"]["formatter"] == "plain"
    production = load_settings("config.settings.production", **PRODUCTION_ENV)
    assert production.LOGGING["handlers"]["stdout"]["formatter"] == "json"


def test_an_unknown_log_level_is_refused_in_one_line(load_settings: LoadSettings) -> None:
    with pytest.raises(ImproperlyConfigured, match="DJANGO_LOG_LEVEL='loud' is not a log level"):
        load_settings("config.settings.base", DJANGO_LOG_LEVEL="loud")
