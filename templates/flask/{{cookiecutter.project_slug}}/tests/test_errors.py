{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_db = cookiecutter.database != "none" -%}
{% set has_api = cookiecutter.api == "yes" -%}
"""Browsers get HTML error pages with a way back{% if has_api %}; the API keeps JSON{% endif %}."""

{% if has_auth -%}
import re

{% endif -%}
import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse
{%- if has_auth %}

CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')
{%- endif %}


def assert_html_error_page(response: TestResponse, status: int) -> str:
    assert response.status_code == status
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert f"<h1>{status}" in page
    assert 'class="site-header"' in page  # the site's layout, with its navigation
    assert 'href="/">Home page</a>' in page
    assert "Traceback" not in page
    return page


def test_unknown_page_is_an_html_404(client: FlaskClient) -> None:
    assert_html_error_page(client.get("/nope"), 404)


def test_wrong_method_is_an_html_405_with_allow(client: FlaskClient) -> None:
    response = client.post("/health")

    assert_html_error_page(response, 405)
    assert "GET" in response.headers["Allow"]


def test_server_error_is_an_html_500_without_details(app: Flask) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the error handler answers

    @app.get("/test-crash")
    def crash() -> str:
        raise ValueError("secret detail")

    page = assert_html_error_page(app.test_client().get("/test-crash"), 500)
    assert "secret detail" not in page


@pytest.mark.parametrize("path", ["/", "/nope"])
def test_error_and_normal_pages_escape_nothing_into_templates(app: Flask, path: str) -> None:
    # The project's name and description are data: template syntax in them is shown, not run.
{%- raw %}
    app.config["PROJECT_NAME"] = "Shop {{ 7*7 }} <b>"
    app.config["PROJECT_DESCRIPTION"] = "{{ request }}"

    page = app.test_client().get(path).get_data(as_text=True)

    assert "Shop {{ 7*7 }} &lt;b&gt;" in page
{%- endraw %}
    assert "Shop 49" not in page
{%- if has_auth %}


@pytest.mark.parametrize("token", ["altered", "expired"])
def test_a_bad_csrf_token_on_a_form_is_an_html_page_with_a_way_back(
    app: Flask, client: FlaskClient, token: str
) -> None:
    page = client.get("/auth/login").get_data(as_text=True)
    match = CSRF_INPUT.search(page)
    assert match
    sent = match.group(1) + "x" if token == "altered" else match.group(1)
    if token == "expired":
        app.config["WTF_CSRF_TIME_LIMIT"] = -1

    response = client.post(
        "/auth/login", data={"email": "a@example.com", "password": "x", "csrf_token": sent}
    )

    page = assert_html_error_page(response, 400)
    assert "The form expired or was changed." in page
    assert 'href="/auth/login">Back to the form</a>' in page
{%- endif %}
{%- if has_api %}


def test_api_errors_stay_json(client: FlaskClient) -> None:
    response = client.get("/api/v1/nope")

    assert response.status_code == 404
    assert response.is_json
    assert response.json["code"] == 404


def test_api_405_names_the_allowed_methods(client: FlaskClient) -> None:
{%- if has_db %}
    response = client.delete("/api/v1/notes/")
{%- else %}
    response = client.delete("/api/v1/text-stats/")
{%- endif %}

    assert response.status_code == 405
    assert response.is_json
    assert "POST" in response.headers["Allow"]
{%- endif %}
