"""Tenant isolation: an organisation's items are shared by its members and by nobody else."""

from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import register

ITEMS = "/api/v1/items"


def organizations(client: TestClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    response = client.get("/api/v1/organizations", headers=headers)
    assert response.status_code == 200
    return list(response.json())


def own_organization(client: TestClient, headers: dict[str, str]) -> int:
    """The organisation the account was made with (the one it owns)."""
    return next(int(org["id"]) for org in organizations(client, headers) if org["role"] == "owner")


def in_organization(headers: dict[str, str], organization_id: int) -> dict[str, str]:
    return {**headers, "X-Organization": str(organization_id)}


def test_a_new_account_owns_an_organization_of_its_own(client: TestClient) -> None:
    register(client, "ada")
    signed_in = client.post(
        "/api/v1/auth/token", data={"username": "ada", "password": "correct horse"}
    ).json()

    mine = organizations(client, {"Authorization": f"Bearer {signed_in['access_token']}"})

    assert [(org["name"], org["role"]) for org in mine] == [("ada's organization", "owner")]


def test_another_tenants_item_is_not_found(
    client: TestClient, auth_headers: dict[str, str], other_auth_headers: dict[str, str]
) -> None:
    theirs = client.post(ITEMS, json={"name": "theirs"}, headers=other_auth_headers).json()
    path = f"{ITEMS}/{theirs['id']}"

    assert client.get(path, headers=auth_headers).status_code == 404
    assert client.patch(path, json={"name": "mine"}, headers=auth_headers).status_code == 404
    assert client.delete(path, headers=auth_headers).status_code == 404
    assert client.get(ITEMS, headers=auth_headers).json()["items"] == []
    assert client.get(path, headers=other_auth_headers).json()["name"] == "theirs"


def test_an_organization_you_are_not_in_cannot_be_chosen(
    client: TestClient, auth_headers: dict[str, str], other_auth_headers: dict[str, str]
) -> None:
    theirs = in_organization(auth_headers, own_organization(client, other_auth_headers))

    assert client.get(ITEMS, headers=theirs).status_code == 404
    assert client.post(ITEMS, json={"name": "planted"}, headers=theirs).status_code == 404
    assert client.get(ITEMS, headers=other_auth_headers).json()["total"] == 0


def test_an_item_cannot_be_put_in_another_organization_through_its_body(
    client: TestClient, auth_headers: dict[str, str], other_auth_headers: dict[str, str]
) -> None:
    target = own_organization(client, other_auth_headers)

    planted = client.post(
        ITEMS, json={"name": "planted", "organization_id": target}, headers=auth_headers
    )
    made = client.post(ITEMS, json={"name": "mine"}, headers=auth_headers).json()
    moved = client.patch(
        f"{ITEMS}/{made['id']}", json={"organization_id": target}, headers=auth_headers
    )

    assert planted.status_code == 422 and moved.status_code == 422
    assert made["organization_id"] == own_organization(client, auth_headers)
    assert client.get(ITEMS, headers=other_auth_headers).json()["total"] == 0


def test_members_share_their_organizations_items(
    client: TestClient, auth_headers: dict[str, str], other_auth_headers: dict[str, str]
) -> None:
    shared = own_organization(client, auth_headers)
    added = client.post(
        f"/api/v1/organizations/{shared}/members", json={"username": "grace"}, headers=auth_headers
    )
    item = client.post(ITEMS, json={"name": "shared"}, headers=auth_headers).json()

    as_member = in_organization(other_auth_headers, shared)
    listed = client.get(ITEMS, headers=as_member).json()["items"]
    changed = client.patch(f"{ITEMS}/{item['id']}", json={"quantity": 3}, headers=as_member)

    assert added.status_code == 201 and added.json()["role"] == "member"
    assert [each["id"] for each in listed] == [item["id"]]
    assert changed.status_code == 200
    # Grace's own organisation stays her default, and it is still empty.
    assert client.get(ITEMS, headers=other_auth_headers).json()["total"] == 0
    roles = {org["id"]: org["role"] for org in organizations(client, other_auth_headers)}
    assert roles[shared] == "member"


def test_only_owners_and_admins_add_members(
    client: TestClient, auth_headers: dict[str, str], other_auth_headers: dict[str, str]
) -> None:
    shared = own_organization(client, auth_headers)
    members = f"/api/v1/organizations/{shared}/members"
    client.post(members, json={"username": "grace"}, headers=auth_headers)
    register(client, "linus")

    by_member = client.post(members, json={"username": "linus"}, headers=other_auth_headers)
    again = client.post(members, json={"username": "grace"}, headers=auth_headers)
    unknown = client.post(members, json={"username": "nobody"}, headers=auth_headers)
    outsider = client.post(
        f"/api/v1/organizations/{own_organization(client, other_auth_headers)}/members",
        json={"username": "linus"},
        headers=auth_headers,
    )

    assert by_member.status_code == 403
    assert again.status_code == 409
    assert unknown.status_code == 404
    assert outsider.status_code == 404


def test_a_new_organization_starts_empty_and_belongs_to_its_creator(
    client: TestClient, auth_headers: dict[str, str]
) -> None:
    made = client.post("/api/v1/organizations", json={"name": "Acme"}, headers=auth_headers)
    acme = made.json()

    assert made.status_code == 201 and acme["role"] == "owner"
    assert client.get(ITEMS, headers=in_organization(auth_headers, acme["id"])).json()["total"] == 0
    assert [org["name"] for org in organizations(client, auth_headers)][-1] == "Acme"
