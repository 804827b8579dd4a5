"""Tenant isolation, proven from the outside: pages and API.

A member of organisation A meets organisation B's notes as a 404, never a 403: nothing tells them
the note exists."""

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy import delete, func, select

from {{ cookiecutter.project_slug }}.api.models import Note
from {{ cookiecutter.project_slug }}.auth.views import create_user
from {{ cookiecutter.project_slug }}.extensions import db
from {{ cookiecutter.project_slug }}.organizations.models import Membership, Organization, Role
from {{ cookiecutter.project_slug }}.organizations.tenant import tenant_for

NOTES = "/api/v1/notes/"
PASSWORD = "correct horse battery"
CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')


def form_token(client: FlaskClient, path: str) -> str:
    match = CSRF_INPUT.search(client.get(path).get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def sign_in(app: Flask, email: str) -> FlaskClient:
    """A client logged in through the form, sending the API's CSRF token as API clients do."""
    client = app.test_client()
    login = {"email": email, "password": PASSWORD, "csrf_token": form_token(client, "/auth/login")}
    assert client.post("/auth/login", data=login).status_code == 302
    client.environ_base["HTTP_X_CSRFTOKEN"] = client.get("/api/v1/csrf-token").json["csrf_token"]
    return client


def own_organization(app: Flask, user_id: int) -> int:
    with app.app_context():
        tenant = tenant_for(user_id)
        assert tenant is not None
        return tenant.organization_id


def join(app: Flask, user_id: int, organization_id: int, role: str = Role.MEMBER) -> None:
    with app.app_context():
        db.session.add(Membership(user_id=user_id, organization_id=organization_id, role=role))
        db.session.commit()


def notes_in(app: Flask, organization_id: int) -> list[str]:
    with app.app_context():
        query = select(Note.title).where(Note.organization_id == organization_id)
        return list(db.session.scalars(query.order_by(Note.id)))


@pytest.fixture
def ada(app: Flask) -> int:
    with app.app_context():
        return create_user("ada@example.com", PASSWORD).id


@pytest.fixture
def grace(app: Flask) -> int:
    with app.app_context():
        return create_user("grace@example.com", PASSWORD).id


@pytest.fixture
def a(app: Flask, ada: int) -> FlaskClient:
    """Ada, working in her own organisation (A)."""
    return sign_in(app, "ada@example.com")


@pytest.fixture
def theirs(app: Flask, grace: int) -> int:
    """The id of a note in Grace's organisation (B), which Ada must never reach."""
    with app.app_context():
        note = Note(
            title="Plans of B", author_id=grace, organization_id=own_organization(app, grace)
        )
        db.session.add(note)
        db.session.commit()
        return note.id


def test_every_new_account_owns_an_organization_of_its_own(app: Flask, ada: int) -> None:
    with app.app_context():
        membership = db.session.scalars(select(Membership).where(Membership.user_id == ada)).one()
        assert membership.role == Role.OWNER
        assert membership.organization.name == "ada@example.com's organisation"


# -- pages ----------------------------------------------------------------------------------------


def write_on_the_page(client: FlaskClient, title: str) -> None:
    note = {"title": title, "csrf_token": form_token(client, "/notes/")}
    assert client.post("/notes/", data=note).status_code == 302


def test_pages_show_only_the_current_organizations_notes(
    app: Flask, a: FlaskClient, ada: int, theirs: int
) -> None:
    write_on_the_page(a, "Mine")

    page = a.get("/notes/").get_data(as_text=True)

    assert "Mine" in page and "Plans of B" not in page
    assert notes_in(app, own_organization(app, ada)) == ["Mine"]


def test_switching_organizations(
    app: Flask, a: FlaskClient, ada: int, grace: int, theirs: int
) -> None:
    b = own_organization(app, grace)
    token = {"csrf_token": form_token(a, "/organizations/")}
    # Not a member yet: switching to B is a 404.
    assert a.post(f"/organizations/{b}/switch", data=token).status_code == 404

    join(app, ada, b)
    assert a.post(f"/organizations/{b}/switch", data=token).status_code == 302
    assert "Plans of B" in a.get("/notes/").get_data(as_text=True)
    assert escape("grace@example.com's organisation") in a.get("/organizations/").get_data(
        as_text=True
    )
    write_on_the_page(a, "Written in B")
    assert notes_in(app, b) == ["Plans of B", "Written in B"]

    # The membership ends: the session's choice goes stale and Ada is back in her own.
    with app.app_context():
        db.session.execute(
            delete(Membership).where(Membership.user_id == ada, Membership.organization_id == b)
        )
        db.session.commit()
    assert "Plans of B" not in a.get("/notes/").get_data(as_text=True)


def test_switching_is_a_post(app: Flask, a: FlaskClient, ada: int) -> None:
    assert a.get(f"/organizations/{own_organization(app, ada)}/switch").status_code == 405


def test_creating_an_organization_makes_its_creator_owner(
    app: Flask, a: FlaskClient, ada: int
) -> None:
    data = {"name": "Acme", "csrf_token": form_token(a, "/organizations/")}

    assert a.post("/organizations/", data=data).status_code == 302

    with app.app_context():
        acme = db.session.scalars(select(Organization).where(Organization.name == "Acme")).one()
        tenant = tenant_for(ada, acme.id)
        assert tenant is not None and tenant.role == Role.OWNER
    write_on_the_page(a, "Acme plan")
    assert notes_in(app, acme.id) == ["Acme plan"]


def test_owners_add_members_by_email(app: Flask, a: FlaskClient, ada: int, grace: int) -> None:
    def add(email: str, role: str) -> str:
        data = {"email": email, "role": role, "csrf_token": form_token(a, "/organizations/members")}
        return a.post("/organizations/members", data=data, follow_redirects=True).get_data(
            as_text=True
        )

    assert "No account has this e-mail address." in add("nobody@example.com", "member")
    assert "grace@example.com is now a member." in add("GRACE@example.com", "admin")
    assert "already a member" in add("grace@example.com", "member")
    with app.app_context():
        tenant = tenant_for(grace, own_organization(app, ada))
        assert tenant is not None and tenant.role == Role.ADMIN


def test_plain_members_cannot_add_members(app: Flask, ada: int, grace: int) -> None:
    join(app, grace, own_organization(app, ada))
    with app.app_context():
        create_user("third@example.com", PASSWORD)
    g = sign_in(app, "grace@example.com")
    token = {"csrf_token": form_token(g, "/organizations/")}
    g.post(f"/organizations/{own_organization(app, ada)}/switch", data=token)

    data = {"email": "third@example.com", "role": "owner", "csrf_token": token["csrf_token"]}
    assert g.post("/organizations/members", data=data).status_code == 403


def test_the_organization_pages_need_a_login(client: FlaskClient) -> None:
    for path in ("/organizations/", "/organizations/members"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/auth/login")


# -- API ------------------------------------------------------------------------------------------


def test_the_api_lists_only_the_current_organizations_notes(
    a: FlaskClient, ada: int, theirs: int
) -> None:
    created = a.post(NOTES, json={"title": "Mine"}).json

    listed = a.get(NOTES).json

    assert [note["title"] for note in listed] == ["Mine"]
    assert listed[0]["organization_id"] == created["organization_id"]
    assert a.get(f"{NOTES}{theirs}").status_code == 404


def test_naming_another_organization_is_404_and_writes_nothing(
    app: Flask, a: FlaskClient, grace: int, theirs: int
) -> None:
    b = own_organization(app, grace)
    header = {"X-Organization": str(b)}

    assert a.get(NOTES, headers=header).status_code == 404
    assert a.get(f"{NOTES}{theirs}", headers=header).status_code == 404
    assert a.post(NOTES, json={"title": "Planted"}, headers=header).status_code == 404
    assert notes_in(app, b) == ["Plans of B"]


def test_a_body_naming_an_organization_is_refused(app: Flask, a: FlaskClient, grace: int) -> None:
    b = own_organization(app, grace)

    response = a.post(NOTES, json={"title": "Planted", "organization_id": b})

    assert response.status_code == 422
    assert "organization_id" in response.json["errors"]["json"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Note)) == 0


@pytest.mark.parametrize("value", ["abc", "-1", "0", "2147483648", "9" * 30, "\u00b2", ""])
def test_a_malformed_organization_header_is_404(a: FlaskClient, value: str) -> None:
    assert a.get(NOTES, headers={"X-Organization": value}).status_code == 404


def test_members_work_in_another_organization_by_naming_it(
    app: Flask, a: FlaskClient, ada: int, grace: int, theirs: int
) -> None:
    b = own_organization(app, grace)
    join(app, ada, b)
    header = {"X-Organization": str(b)}

    assert [note["id"] for note in a.get(NOTES, headers=header).json] == [theirs]
    created = a.post(NOTES, json={"title": "In B"}, headers=header)
    assert created.status_code == 201
    assert created.json["organization_id"] == b


def test_reading_needs_a_login(client: FlaskClient, theirs: int) -> None:
    assert client.get(NOTES).status_code == 401
    assert client.get(f"{NOTES}{theirs}").status_code == 401
    assert client.get("/api/v1/organizations/").status_code == 401


def test_the_api_lists_the_users_organizations(
    app: Flask, a: FlaskClient, ada: int, grace: int
) -> None:
    b = own_organization(app, grace)
    join(app, ada, b, Role.ADMIN)

    listed = a.get("/api/v1/organizations/").json

    assert [(row["id"], row["role"]) for row in listed] == [
        (own_organization(app, ada), "owner"),
        (b, "admin"),
    ]


def test_the_openapi_document_names_the_organization_header(client: FlaskClient) -> None:
    document = client.get("/api/docs/openapi.json").json

    for path, method in ((NOTES, "get"), (NOTES, "post"), (NOTES + "{note_id}", "get")):
        operation = document["paths"][path][method]
        parameters = operation["parameters"]
        headers = [parameter["name"] for parameter in parameters if parameter["in"] == "header"]
        assert headers == ["X-Organization"]
        assert {"401", "404"} <= set(operation["responses"])
