import re

from flask import Flask
from flask.testing import FlaskClient

from {{ cookiecutter.project_slug }}.auth.views import create_user

CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')
EMAIL = "ada@example.com"
PASSWORD = "correct horse battery"


def form_token(client: FlaskClient, path: str) -> str:
    match = CSRF_INPUT.search(client.get(path).get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def signed_in(app: Flask) -> FlaskClient:
    with app.app_context():
        create_user(EMAIL, PASSWORD)
    client = app.test_client()
    login = {"email": EMAIL, "password": PASSWORD, "csrf_token": form_token(client, "/auth/login")}
    assert client.post("/auth/login", data=login).status_code == 302
    return client


def test_notes_page_needs_a_login(client: FlaskClient) -> None:
    response = client.get("/notes/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login")


def test_a_note_written_on_the_page_is_listed_and_in_the_api(app: Flask) -> None:
    client = signed_in(app)
    note = {"title": "Milk <b>", "body": "Two litres.", "csrf_token": form_token(client, "/notes/")}

    response = client.post("/notes/", data=note, follow_redirects=True)

    page = response.get_data(as_text=True)
    assert "Note saved." in page
    assert "Milk &lt;b&gt;" in page
    assert [n["title"] for n in client.get("/api/v1/notes/").json] == ["Milk <b>"]


def test_a_note_the_database_cannot_store_is_refused_on_the_page(app: Flask) -> None:
    client = signed_in(app)
    note = {"title": "nul \x00 inside", "csrf_token": form_token(client, "/notes/")}

    response = client.post("/notes/", data=note)

    assert response.status_code == 200
    assert "NUL characters are not allowed." in response.get_data(as_text=True)
    assert client.get("/api/v1/notes/").json == []
