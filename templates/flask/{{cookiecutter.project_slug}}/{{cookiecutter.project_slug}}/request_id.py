"""Each request gets an id (the client's X-Request-ID when it is a plain token): on every log line
written while it is handled, and in the response's X-Request-ID header."""

import logging.config

from flask import Flask, Response, request

{% if cookiecutter.error_tracking == "sentry" -%}
from .error_tracking import tag_request
{% endif -%}
from .logs import REQUEST_ID_HEADER, logging_config, request_id, request_id_for


def init_logging(app: Flask) -> None:
    """Log to stdout (JSON lines when LOG_JSON, as in production) and tag each request's lines.

    Under TESTING the logging setup is left to pytest, which captures log records itself.
    """
    if not app.testing:
        config = logging_config(json_lines=app.config["LOG_JSON"], level=app.config["LOG_LEVEL"])
        logging.config.dictConfig(config)
    app.before_request(start_request)
    app.after_request(tag_response)
    app.teardown_request(end_request)


def start_request() -> None:
    current = request_id_for(request.headers.get(REQUEST_ID_HEADER))
    request_id.set(current)
{%- if cookiecutter.error_tracking == "sentry" %}
    tag_request(current)
{%- endif %}


def tag_response(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = request_id.get()
    return response


def end_request(_: BaseException | None) -> None:
    request_id.set("-")
