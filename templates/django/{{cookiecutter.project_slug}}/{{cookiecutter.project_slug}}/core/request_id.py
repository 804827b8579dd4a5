"""Each request gets an id (the client's X-Request-ID when it is a plain token): on every log line
written while it is handled, and in the response's X-Request-ID header."""

from collections.abc import Callable
from typing import Any

from django.core.signals import request_finished
from django.http import HttpRequest, HttpResponse

{% if cookiecutter.error_tracking == "sentry" -%}
from {{ cookiecutter.project_slug }}.core.error_tracking import tag_request
{% endif -%}
from {{ cookiecutter.project_slug }}.core.logs import REQUEST_ID_HEADER, request_id, request_id_for


def forget_request_id(**_: Any) -> None:
    request_id.set("-")


def request_id_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    # Django logs a failed request ("Not Found: ...") after the middleware has returned, so the id
    # stays set until the response is finished, not just until this function returns.
    request_finished.connect(forget_request_id, dispatch_uid="forget_request_id")

    def middleware(request: HttpRequest) -> HttpResponse:
        current = request_id_for(request.headers.get(REQUEST_ID_HEADER))
        request_id.set(current)
{%- if cookiecutter.error_tracking == "sentry" %}
        tag_request(current)
{%- endif %}
        response = get_response(request)
        response[REQUEST_ID_HEADER] = current
        return response

    return middleware
