{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
import json
from datetime import datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient

from {{ cookiecutter.project_slug }}.api import blueprint
{%- if has_auth %}
from {{ cookiecutter.project_slug }}.auth.views import create_user
{%- endif %}

NOTES = "/api/v1/notes/"
{%- if has_auth %}
EMAIL = "ada@example.com"
PASSWORD = "correct horse battery"


def api_csrf_token(client: FlaskClient) -> str:
    response = client.get("/api/v1/csrf-token")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    return response.json["csrf_token"]


@pytest.fixture
def author_id(app: Flask) -> int:
    with app.app_context():
        return create_user(EMAIL, PASSWORD).id


@pytest.fixture
def writer(client: FlaskClient, author_id: int) -> FlaskClient:
    """A client logged in through the login form that sends the CSRF token, as API clients do."""
    login = {"email": EMAIL, "password": PASSWORD, "csrf_token": api_csrf_token(client)}
    assert client.post("/auth/login", data=login).status_code == 302
    # Login starts a new session, so the token is fetched after it.
    client.environ_base["HTTP_X_CSRFTOKEN"] = api_csrf_token(client)
    return client
{%- else %}


@pytest.fixture
def writer(client: FlaskClient) -> FlaskClient:
    """Without user accounts the API is open: any client may create notes."""
    return client
{%- endif %}


@pytest.fixture
def reader(app: Flask{% if has_tenancy %}, writer: FlaskClient{% endif %}) -> FlaskClient:
{%- if has_tenancy %}
    """Notes belong to organisations: a reader is a member of the writer's, here the writer."""
    return writer
{%- else %}
    """Reading is public: a client that never logged in."""
    return app.test_client()
{%- endif %}


def create_note(client: FlaskClient, title: str, body: str = "") -> dict:
    response = client.post(NOTES, json={"title": title, "body": body})
    assert response.status_code == 201, response.json
    return response.json


def test_create_then_fetch_a_note(writer: FlaskClient, reader: FlaskClient) -> None:
    created = create_note(writer, "First", "Remember the milk.")

    response = reader.get(f"{NOTES}{created['id']}")

    assert response.status_code == 200
    assert response.json["title"] == "First"
    assert response.json["body"] == "Remember the milk."
    # RFC 3339 with an offset, also on SQLite, which stores no time zone.
    assert datetime.fromisoformat(response.json["created_at"]).tzinfo is not None


def test_list_notes_is_paginated(writer: FlaskClient, reader: FlaskClient) -> None:
    for title in ("one", "two", "three"):
        create_note(writer, title)

    response = reader.get(f"{NOTES}?page=2&page_size=2")

    assert [note["title"] for note in response.json] == ["three"]
    assert '"total": 3' in response.headers["X-Pagination"]


def test_no_total_above_the_count_limit(
    writer: FlaskClient, reader: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blueprint, "COUNT_LIMIT", 3)
    for title in ("one", "two", "three"):
        create_note(writer, title)
    assert json.loads(reader.get(f"{NOTES}?page_size=2").headers["X-Pagination"])["total"] == 3

    create_note(writer, "four")
    first = reader.get(f"{NOTES}?page=1&page_size=2")
    second = reader.get(f"{NOTES}?page=2&page_size=2")

    assert [note["title"] for note in second.json] == ["three", "four"]
    assert json.loads(first.headers["X-Pagination"]) == {"first_page": 1, "page": 1, "next_page": 2}
    assert json.loads(second.headers["X-Pagination"]) == {
        "first_page": 1,
        "page": 2,
        "previous_page": 1,
    }
    assert reader.get(f"{NOTES}?page=99999999999999999999&page_size=100").json == []


def test_invalid_note_is_rejected_with_422(writer: FlaskClient) -> None:
    response = writer.post(NOTES, json={"title": ""})

    assert response.status_code == 422
    assert "title" in response.json["errors"]["json"]


@pytest.mark.parametrize("note_id", ["999", "2147483648", "99999999999999999999"])
def test_missing_note_is_404(reader: FlaskClient, note_id: str) -> None:
    # Ids past the column's 32-bit range cannot exist: 404, not a database error.
    response = reader.get(f"{NOTES}{note_id}")

    assert response.status_code == 404
    assert response.is_json


@pytest.mark.parametrize("title", ["nul \\u0000 inside", "lone \\ud800 surrogate"])
def test_text_the_database_cannot_store_is_rejected_with_422(
    writer: FlaskClient, title: str
) -> None:
    body = '{"title": "' + title + '"}'

    response = writer.post(NOTES, data=body, content_type="application/json")

    assert response.status_code == 422
    assert "title" in response.json["errors"]["json"]


def test_a_page_far_past_the_end_is_empty(reader: FlaskClient) -> None:
    response = reader.get(f"{NOTES}?page=99999999999999999999&page_size=100")

    assert response.status_code == 200
    assert response.json == []


def test_pagination_header_is_documented_as_the_json_string_it_is(reader: FlaskClient) -> None:
    document = reader.get("/api/docs/openapi.json").json
    header = document["paths"]["/api/v1/notes/"]["get"]["responses"]["200"]["headers"]

    assert header["X-Pagination"]["schema"]["type"] == "string"
    assert isinstance(reader.get(NOTES).headers["X-Pagination"], str)
{%- if has_auth %}


def test_a_note_records_its_author(writer: FlaskClient, author_id: int) -> None:
    created = create_note(writer, "Mine")

    assert created["author_id"] == author_id
    assert writer.get(f"{NOTES}{created['id']}").json["author_id"] == author_id


def test_creating_a_note_needs_a_login(client: FlaskClient) -> None:
    headers = {"X-CSRFToken": api_csrf_token(client)}

    response = client.post(NOTES, json={"title": "Anonymous"}, headers=headers)

    assert response.status_code == 401
    assert response.is_json
    assert "Location" not in response.headers
{%- if has_tenancy %}
    # Reading needs a login too: notes belong to organisations.
    assert client.get(NOTES).status_code == 401
{%- else %}
    assert client.get(NOTES).json == []
{%- endif %}


def test_write_without_csrf_token_is_rejected(writer: FlaskClient) -> None:
    del writer.environ_base["HTTP_X_CSRFTOKEN"]

    response = writer.post(NOTES, json={"title": "Forged"})

    assert response.status_code == 400
    assert response.is_json
    assert writer.get(NOTES).json == []


def test_write_with_a_wrong_csrf_token_is_rejected(writer: FlaskClient) -> None:
    writer.environ_base["HTTP_X_CSRFTOKEN"] = "not-the-token"

    assert writer.post(NOTES, json={"title": "Forged"}).status_code == 400


def test_anonymous_write_without_csrf_token_is_told_to_log_in(client: FlaskClient) -> None:
    # The login check answers first: a client without a session learns it must log in (401).
    response = client.post(NOTES, json={"title": "Anonymous"})

    assert response.status_code == 401
    assert response.is_json
{%- endif %}


def test_openapi_document_describes_the_notes(client: FlaskClient) -> None:
    response = client.get("/api/docs/openapi.json")

    assert response.status_code == 200
    assert "/api/v1/notes/" in response.json["paths"]
    assert "Note" in response.json["components"]["schemas"]
{%- if has_auth %}
    assert "/api/v1/csrf-token" in response.json["paths"]
    assert "X-CSRFToken" in response.json["info"]["description"]
    assert set(response.json["components"]["securitySchemes"]) == {"session", "csrf"}
    create = response.json["paths"]["/api/v1/notes/"]["post"]
    assert create["security"] == [{"session": [], "csrf": []}]
    assert {"201", "400", "401", "422"} <= set(create["responses"])
{%- else %}
    assert "open" in response.json["info"]["description"]
{%- endif %}
    assert client.get("/api/docs/").status_code == 200
