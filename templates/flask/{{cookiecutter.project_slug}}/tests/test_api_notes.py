from flask.testing import FlaskClient


def create_note(client: FlaskClient, title: str, body: str = "") -> dict:
    response = client.post("/api/v1/notes/", json={"title": title, "body": body})
    assert response.status_code == 201, response.json
    return response.json


def test_create_then_fetch_a_note(client: FlaskClient) -> None:
    created = create_note(client, "First", "Remember the milk.")

    response = client.get(f"/api/v1/notes/{created['id']}")

    assert response.status_code == 200
    assert response.json["title"] == "First"
    assert response.json["body"] == "Remember the milk."
    assert response.json["created_at"]


def test_list_notes_is_paginated(client: FlaskClient) -> None:
    for title in ("one", "two", "three"):
        create_note(client, title)

    response = client.get("/api/v1/notes/?page=2&page_size=2")

    assert [note["title"] for note in response.json] == ["three"]
    assert '"total": 3' in response.headers["X-Pagination"]


def test_invalid_note_is_rejected_with_422(client: FlaskClient) -> None:
    response = client.post("/api/v1/notes/", json={"title": ""})

    assert response.status_code == 422
    assert "title" in response.json["errors"]["json"]


def test_missing_note_is_404(client: FlaskClient) -> None:
    response = client.get("/api/v1/notes/999")

    assert response.status_code == 404
    assert response.is_json


def test_openapi_document_describes_the_notes(client: FlaskClient) -> None:
    response = client.get("/api/docs/openapi.json")

    assert response.status_code == 200
    assert "/api/v1/notes/" in response.json["paths"]
    assert "Note" in response.json["components"]["schemas"]
    assert client.get("/api/docs/").status_code == 200
