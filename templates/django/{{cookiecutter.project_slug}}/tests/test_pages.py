"""Pages people meet when something is off: errors, the CSRF failure, the icon, the site's name."""

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.html import escape

from {{ cookiecutter.project_slug }}.core.views import server_error

pytestmark = pytest.mark.django_db

HOME = reverse("notes:list")


def assert_html_page_with_a_way_back(response, status: int) -> None:
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert f'href="{HOME}"' in response.text
    assert "<title>" in response.text


def test_missing_page_is_html_with_the_project_name(client):
    response = client.get("/no-such-page/")

    assert_html_page_with_a_way_back(response, 404)
    assert "Page not found" in response.text
    assert escape(settings.SITE_NAME) in response.text


def test_server_error_page_is_html_with_a_way_back():
    response = server_error(RequestFactory().get("/"))

    assert_html_page_with_a_way_back(response, 500)
    assert "Something went wrong" in response.text


def test_an_altered_csrf_token_gets_an_html_page_with_a_way_back():
    browser = Client(enforce_csrf_checks=True)
{%- if cookiecutter.auth == "yes" %}
    form_url = reverse("login")
{%- else %}
    form_url = reverse("admin:login")
{%- endif %}
    browser.get(form_url)

    altered = {"username": "a@example.com", "csrfmiddlewaretoken": "x" * 64}
    response = browser.post(form_url, altered)

    assert_html_page_with_a_way_back(response, 403)
    assert "This form has expired" in response.text
    assert f'href="{form_url}"' in response.text


def test_the_favicon_is_a_static_file_every_page_names(client):
    assert finders.find("favicon.svg")
    page = client.get(HOME)
    assert 'rel="icon"' in page.text

    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
    icon = client.get(response["Location"])
    try:
        assert icon.status_code == 200
        assert b"<svg" in b"".join(icon.streaming_content)
    finally:
        icon.close()


def test_pages_show_the_project_description(client):
    response = client.get(HOME)

    assert response.context["project_description"] == settings.SITE_DESCRIPTION
    assert response.context["project_name"] == settings.SITE_NAME
