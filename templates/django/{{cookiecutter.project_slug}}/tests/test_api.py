import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core import pagination
from {{ cookiecutter.project_slug }}.notes.models import Note

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def note(make_note):
    return make_note("API note", body="Body")


def test_list_needs_credentials(api_client, note):
    response = api_client.get(reverse("note-list"))

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_list_with_a_token(token_client, note):
    response = token_client.get(reverse("note-list"))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["title"] == "API note"
    assert body["results"][0]["author"] == "ada@example.com"


def test_list_with_a_session(api_client, user, note):
    api_client.force_login(user)

    assert api_client.get(reverse("note-list")).status_code == 200


def test_list_is_paginated(token_client, make_note):
    for n in range(25):
        make_note(f"Note {n}")

    body = token_client.get(reverse("note-list")).json()

    assert body["count"] == 25
    assert len(body["results"]) == 20
    assert body["next"]


def test_no_count_above_the_count_limit(token_client, make_note, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_LIMIT", 3)
    for n in range(25):
        make_note(f"Note {n}")

    first = token_client.get(reverse("note-list")).json()
    second = token_client.get(first["next"]).json()

    assert first["count"] is None
    assert len(first["results"]) == 20
    assert second["count"] is None
    assert len(second["results"]) == 5
    assert second["next"] is None
    assert second["previous"]


def test_create_needs_credentials(api_client):
    response = api_client.post(reverse("note-list"), {"title": "Nope"}, format="json")

    assert response.status_code == 401
    assert not Note.objects.exists()


def test_create_with_a_token_sets_the_author(token_client, user):
    response = token_client.post(
        reverse("note-list"), {"title": "New", "body": "Text"}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["author"] == user.email
    assert Note.objects.get(title="New").author == user


def test_create_validates_input(token_client):
    response = token_client.post(reverse("note-list"), {"body": "No title"}, format="json")

    assert response.status_code == 400
    assert "title" in response.json()


def test_retrieve_needs_credentials(api_client, note):
    assert api_client.get(reverse("note-detail", args=[note.pk])).status_code == 401


def test_retrieve_with_a_token(token_client, note):
    response = token_client.get(reverse("note-detail", args=[note.pk]))

    assert response.status_code == 200
    assert response.json()["id"] == note.pk


def test_only_the_author_changes_a_note(api_client, colleague, note):
    api_client.force_authenticate(colleague)
    url = reverse("note-detail", args=[note.pk])

    assert api_client.get(url).status_code == 200
    assert api_client.patch(url, {"title": "Taken"}, format="json").status_code == 403
    assert api_client.delete(url).status_code == 403


def test_the_author_changes_and_deletes_a_note(token_client, note):
    url = reverse("note-detail", args=[note.pk])

    assert token_client.patch(url, {"title": "Edited"}, format="json").status_code == 200
    assert token_client.delete(url).status_code == 204
    assert not Note.objects.exists()


def test_token_for_email_and_password(api_client, user):
    response = api_client.post(
        reverse("api-token"), {"username": user.email, "password": PASSWORD}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=user).key


def test_openapi_schema_and_docs(api_client):
    schema = api_client.get(reverse("api-schema"), {"format": "json"})

    assert schema.status_code == 200
    assert "/api/notes/" in schema.json()["paths"]
    assert api_client.get(reverse("api-docs")).status_code == 200


def test_the_docs_load_swagger_ui_from_the_project_not_a_cdn(api_client):
    page = api_client.get(reverse("api-docs")).content.decode()

    scripts = re.findall(r'<script[^>]*src="([^"]+)"', page)
    styles = re.findall(r'<link[^>]*href="([^"]+)"', page)
    assert any(src.endswith("swagger-ui-bundle.js") for src in scripts)
    for url in scripts + styles:
        assert url.startswith(settings.STATIC_URL) or url.startswith("/" + settings.STATIC_URL), url
        assert finders.find(url.split(settings.STATIC_URL, 1)[1]), url


def operations(schema: dict) -> dict[tuple[str, str], dict]:
    return {
        (path, method.upper()): operation
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    }


@pytest.fixture
def schema(api_client) -> dict:
    return api_client.get(reverse("api-schema"), {"format": "json"}).json()


def test_the_schema_documents_error_responses(schema):
    notes = operations(schema)

    assert {"200", "401", "403", "404"} <= set(notes["/api/notes/", "GET"]["responses"])
    assert {"201", "400", "401", "403"} <= set(notes["/api/notes/", "POST"]["responses"])
    assert {"200", "401", "403", "404"} <= set(notes["/api/notes/{id}/", "GET"]["responses"])
    for method in ("PUT", "PATCH"):
        responses = notes["/api/notes/{id}/", method]["responses"]
        assert {"200", "400", "401", "403", "404"} <= set(responses)
    assert {"204", "401", "403", "404"} <= set(notes["/api/notes/{id}/", "DELETE"]["responses"])
    assert "WWW-Authenticate" in notes["/api/notes/", "GET"]["responses"]["401"]["headers"]
    # Getting a token needs no credentials: its errors are about the input only.
    assert set(notes["/api/auth/token/", "POST"]["responses"]) == {"200", "400"}


def test_every_documented_error_is_one_drf_answers_with(api_client, token_client, note):
    detail = reverse("note-detail", args=[note.pk])

    assert api_client.get(detail).status_code == 401
    assert token_client.get(reverse("note-list"), {"page": 99}).status_code == 404
    assert token_client.post(reverse("note-list"), {}, format="json").status_code == 400
    bad_json = token_client.post(reverse("note-list"), "{", content_type="application/json")
    assert bad_json.status_code == 400
    assert "detail" in bad_json.json()


@pytest.mark.parametrize("note_id", ["2147483648", "9223372036854775808", "9" * 30])
def test_huge_ids_are_404_not_500(token_client, note_id):
    assert token_client.get(f"/api/notes/{note_id}/").status_code == 404


def test_nul_characters_are_refused_as_invalid_input(token_client):
    response = token_client.post(
        reverse("note-list"), {"title": "a\u0000b", "body": "\u0000"}, format="json"
    )

    assert response.status_code == 400
    assert set(response.json()) == {"title", "body"}
    assert not Note.objects.exists()
