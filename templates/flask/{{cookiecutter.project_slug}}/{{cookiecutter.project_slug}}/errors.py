{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_api = cookiecutter.api == "yes" -%}
"""Error pages: HTML for the site{% if has_api %}, JSON for the API (`/api/...`){% endif %}; never a traceback."""

from flask import Flask, Response, make_response, render_template, request, url_for
{%- if has_auth %}
from flask_wtf.csrf import CSRFError
{%- endif %}
from werkzeug.exceptions import HTTPException, MethodNotAllowed, SecurityError
{%- if has_api %}

from .extensions import api

API_PREFIX = "/api/"
{%- endif %}

# What a visitor can do about each error, in plain words (werkzeug's texts are for developers).
ADVICE = {
    400: "The request could not be understood. Go back, reload the page and try again.",
    403: "You are not allowed to do that.",
    404: "There is no page at this address.",
    405: "This page cannot be used that way.",
    500: "Something went wrong on our side. Please try again later.",
}
{%- if has_auth %}
# Flask-WTF's CSRFError is a 400; its visitors usually left a form open too long.
CSRF_ADVICE = "The form expired or was changed. Open it again and resend it."
{%- endif %}


def init_errors(app: Flask) -> None:
    # Registered after the API, so it replaces the JSON-only handler Flask-Smorest installs.
    app.register_error_handler(HTTPException, handle_http_error)


def handle_http_error(error: HTTPException) -> Response:
    if isinstance(error, SecurityError):
        # The Host is not in TRUSTED_HOSTS: no URL may be built from it, so no page either.
        return Response("Bad request: unknown host.\n", 400, mimetype="text/plain")
{%- if has_api %}
    if request.path.startswith(API_PREFIX):
        payload, status, headers = api.handle_http_exception(error)
        response = make_response(payload, status, headers)
    else:
        response = make_response(html_error_page(error), error.code or 500)
{%- else %}
    response = make_response(html_error_page(error), error.code or 500)
{%- endif %}
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return response


def html_error_page(error: HTTPException) -> str:
    code = error.code or 500
    advice = ADVICE.get(code) or ADVICE[400 if code < 500 else 500]
    back_url = None
{%- if has_auth %}
    if isinstance(error, CSRFError):
        advice = CSRF_ADVICE
{%- endif %}
    if request.method != "GET" and request.endpoint and request.url_rule is not None:
        # The page the form came from: a route of this app, never a URL from the request.
        back_url = url_for(request.endpoint, **(request.view_args or {}))
    return render_template(
        "errors/error.html", code=code, name=error.name, advice=advice, back_url=back_url
    )
