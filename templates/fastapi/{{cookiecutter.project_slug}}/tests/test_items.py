{% set has_auth = cookiecutter.auth == "yes" -%}
from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from {{ cookiecutter.project_slug }}.services import items as items_service

URL = "/api/v1/items"
{%- if has_auth %}


@pytest.fixture
def authed(client: TestClient, auth_headers: dict[str, str]) -> TestClient:
    client.headers.update(auth_headers)
    return client
{%- else %}


@pytest.fixture
def authed(client: TestClient) -> TestClient:
    return client
{%- endif %}


def create(client: TestClient, **fields: object) -> dict[str, Any]:
    response = client.post(URL, json={"name": "Widget", "quantity": 3, **fields})
    assert response.status_code == 201, response.text
    return response.json()


def test_create_then_read(authed: TestClient) -> None:
    item = create(authed, description="A small part")

    response = authed.get(f"{URL}/{item['id']}")

    assert response.status_code == 200
    assert response.json() == item
    assert item["name"] == "Widget"
    assert item["description"] == "A small part"
    assert item["quantity"] == 3
    assert datetime.fromisoformat(item["created_at"]).tzinfo is not None


def test_list_is_paginated(authed: TestClient) -> None:
    for number in range(5):
        create(authed, name=f"Item {number}")

    response = authed.get(URL, params={"page": 2, "size": 2})

    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 5
    assert body["page"] == 2
    assert body["size"] == 2
    assert [item["name"] for item in body["items"]] == ["Item 2", "Item 3"]


def test_no_total_above_the_count_limit(authed: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(items_service, "COUNT_LIMIT", 3)
    for number in range(3):
        create(authed, name=f"Item {number}")
    assert authed.get(URL, params={"size": 2}).json()["total"] == 3
    past_the_end = authed.get(URL, params={"page": 9, "size": 2}).json()
    assert (past_the_end["items"], past_the_end["total"]) == ([], 3)

    create(authed, name="Item 3")
    body = authed.get(URL, params={"page": 2, "size": 2}).json()

    assert body["total"] is None
    assert [item["name"] for item in body["items"]] == ["Item 2", "Item 3"]
    assert authed.get(URL, params={"page": 3, "size": 2}).json()["items"] == []


def test_update_changes_only_the_fields_sent(authed: TestClient) -> None:
    item = create(authed, description="Before")

    response = authed.patch(f"{URL}/{item['id']}", json={"quantity": 7})

    assert response.status_code == 200
    assert response.json()["quantity"] == 7
    assert response.json()["description"] == "Before"
    assert response.json()["name"] == "Widget"


def test_delete_then_not_found(authed: TestClient) -> None:
    item = create(authed)

    assert authed.delete(f"{URL}/{item['id']}").status_code == 204
    assert authed.get(f"{URL}/{item['id']}").status_code == 404
    assert authed.delete(f"{URL}/{item['id']}").status_code == 404


def test_missing_item_is_404(authed: TestClient) -> None:
    assert authed.get(f"{URL}/999999").status_code == 404
    assert authed.patch(f"{URL}/999999", json={"quantity": 1}).status_code == 404


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"name": ""},
        {"name": " \t "},
        {"name": "x" * 101},
        {"name": "Widget", "quantity": -1},
        {"name": "Widget", "quantity": "many"},
        {"name": "Widget", "quantity": True},
        {"name": "Widget", "quantity": "3"},
        {"name": "Widget", "quantity": 1.5},
        {"name": "Null\x00byte"},
        {"name": "Widget", "unknown": True},
    ],
)
def test_invalid_item_is_422(authed: TestClient, payload: dict[str, Any]) -> None:
    assert authed.post(URL, json=payload).status_code == 422


def test_required_fields_cannot_be_set_to_null(authed: TestClient) -> None:
    item = create(authed)

    assert authed.patch(f"{URL}/{item['id']}", json={"name": None}).status_code == 422
    assert authed.patch(f"{URL}/{item['id']}", json={"description": None}).status_code == 200


@pytest.mark.parametrize("params", [{"page": 0}, {"size": 0}, {"size": 101}, {"page": "x"}])
def test_invalid_pagination_is_422(authed: TestClient, params: dict[str, Any]) -> None:
    assert authed.get(URL, params=params).status_code == 422


def test_out_of_range_id_is_422(authed: TestClient) -> None:
    assert authed.get(f"{URL}/{2**31}").status_code == 422
    assert authed.get(f"{URL}/0").status_code == 422
{%- if has_auth %}


def test_every_item_route_needs_a_token(client: TestClient) -> None:
    assert client.get(URL).status_code == 401
    assert client.post(URL, json={"name": "Widget"}).status_code == 401
    assert client.get(f"{URL}/1").status_code == 401
    assert client.patch(f"{URL}/1", json={"quantity": 1}).status_code == 401
    assert client.delete(f"{URL}/1").status_code == 401


def test_another_users_item_is_not_found(
    authed: TestClient, other_auth_headers: dict[str, str]
) -> None:
    item = create(authed)
    other = other_auth_headers

    assert authed.get(f"{URL}/{item['id']}", headers=other).status_code == 404
    assert (
        authed.patch(f"{URL}/{item['id']}", json={"quantity": 9}, headers=other).status_code == 404
    )
    assert authed.delete(f"{URL}/{item['id']}", headers=other).status_code == 404
    assert authed.get(URL, headers=other).json()["total"] == 0
    # Untouched for its owner, whose page counts only its own items.
    for _ in range(2):
        assert authed.post(URL, json={"name": "Theirs"}, headers=other).status_code == 201
    assert authed.get(f"{URL}/{item['id']}").json() == item
    assert authed.get(URL).json()["total"] == 1
    assert authed.get(URL, headers=other).json()["total"] == 2
{%- endif %}
