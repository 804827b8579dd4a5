from flask.testing import FlaskClient


def test_text_stats_counts_the_text(client: FlaskClient) -> None:
    text = "The cat saw the other cat.\nIt's late."

    response = client.post("/api/v1/text-stats/", json={"text": text})

    assert response.status_code == 200
    assert response.json == {"characters": len(text), "words": 8, "unique_words": 6, "lines": 2}


def test_text_stats_rejects_missing_text_with_422(client: FlaskClient) -> None:
    response = client.post("/api/v1/text-stats/", json={})

    assert response.status_code == 422
    assert "text" in response.json["errors"]["json"]


def test_openapi_document_describes_text_stats(client: FlaskClient) -> None:
    response = client.get("/api/docs/openapi.json")

    assert response.status_code == 200
    assert "/api/v1/text-stats/" in response.json["paths"]
    assert client.get("/api/docs/").status_code == 200
