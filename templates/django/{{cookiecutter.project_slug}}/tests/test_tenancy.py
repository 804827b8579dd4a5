{% set has_api = cookiecutter.api == "yes" -%}
"""Tenant isolation, proven from the outside: pages, {% if has_api %}API, {% endif %}admin, and the migration
that adds organisations to a project.

A member of organisation A meets organisation B's notes as a 404, never a 403: nothing tells them
the note exists."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils.html import escape
{%- if has_api %}
from rest_framework.test import APIClient
{%- endif %}

from {{ cookiecutter.project_slug }}.notes.models import Note
from {{ cookiecutter.project_slug }}.organizations.models import Membership, Organization, Role
from {{ cookiecutter.project_slug }}.organizations.tenant import SESSION_KEY, tenant_for

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def own_organization(user) -> Organization:
    tenant = tenant_for(user)
    assert tenant is not None
    return tenant.organization


@pytest.fixture
def theirs(other_user, make_note) -> Note:
    """A note of organisation B (other_user's), which `user` (organisation A) must never reach."""
    return make_note("Plans of B", author=other_user, body="Only for B.")


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def test_every_new_account_owns_an_organization_of_its_own(client):
    client.post(
        reverse("signup"),
        {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )

    membership = Membership.objects.get(user__email="new@example.com")
    assert membership.role == Role.OWNER
    assert membership.organization.name == "new@example.com's organisation"


# -- pages -----------------------------------------------------------------------------------------


def test_pages_show_only_the_current_organizations_notes(signed_in, make_note, theirs):
    mine = make_note("Mine")

    page = signed_in.get(reverse("notes:list"))

    assert list(page.context["note_list"]) == [mine]
    assert theirs.title not in page.text
    assert signed_in.get(theirs.get_absolute_url()).status_code == 404


def test_signed_out_visitors_read_no_notes(client, theirs):
    page = client.get(reverse("notes:list"))

    assert theirs.title not in page.text
    assert "log in" in page.text
    assert client.get(theirs.get_absolute_url()).status_code == 302


def test_a_new_note_goes_to_the_organization_the_user_works_in(signed_in, user):
    signed_in.post(reverse("notes:create"), {"title": "Planned"})

    assert Note.objects.get(title="Planned").organization == own_organization(user)


def test_switching_organizations(signed_in, user, other_user, theirs):
    b = own_organization(other_user)
    # Not a member yet: switching to B is a 404, and nothing changes.
    assert signed_in.post(reverse("organizations:switch", args=[b.pk])).status_code == 404
    assert SESSION_KEY not in signed_in.session

    Membership.objects.create(user=user, organization=b, role=Role.MEMBER)
    response = signed_in.post(reverse("organizations:switch", args=[b.pk]))

    assert response.status_code == 302
    assert signed_in.session[SESSION_KEY] == b.pk
    assert theirs.title in signed_in.get(reverse("notes:list")).text
    assert escape(b.name) in signed_in.get(reverse("organizations:list")).text
    signed_in.post(reverse("notes:create"), {"title": "Written in B"})
    assert Note.objects.get(title="Written in B").organization == b

    # The membership ends: the session's choice goes stale and the user is back in their own.
    Membership.objects.filter(user=user, organization=b).delete()
    page = signed_in.get(reverse("notes:list"))
    assert theirs.title not in page.text
    assert signed_in.get(theirs.get_absolute_url()).status_code == 404


def test_switching_is_a_post(signed_in, user):
    url = reverse("organizations:switch", args=[own_organization(user).pk])

    assert signed_in.get(url).status_code == 405


def test_creating_an_organization_makes_its_creator_owner_and_works_there(signed_in, user):
    response = signed_in.post(reverse("organizations:list"), {"name": "Acme"})

    assert response.status_code == 302
    acme = Organization.objects.get(name="Acme")
    assert Membership.objects.get(user=user, organization=acme).role == Role.OWNER
    assert signed_in.session[SESSION_KEY] == acme.pk
    assert signed_in.post(reverse("organizations:list"), {"name": ""}).status_code == 200


def test_owners_add_members_by_email(signed_in, user, other_user):
    url = reverse("organizations:members")

    assert signed_in.post(url, {"email": "nobody@example.com", "role": "member"}).status_code == 200
    response = signed_in.post(url, {"email": other_user.email.upper(), "role": "admin"})

    assert response.status_code == 302
    membership = Membership.objects.get(user=other_user, organization=own_organization(user))
    assert membership.role == Role.ADMIN
    again = signed_in.post(url, {"email": other_user.email, "role": "member"})
    assert "already a member" in again.text
    assert other_user.email in signed_in.get(url).text


def test_plain_members_cannot_add_members(client, user, colleague, django_user_model):
    django_user_model.objects.create_user(email="third@example.com", password=PASSWORD)
    client.force_login(colleague)
    client.post(reverse("organizations:switch", args=[own_organization(user).pk]))

    response = client.post(
        reverse("organizations:members"), {"email": "third@example.com", "role": "owner"}
    )

    assert response.status_code == 403
    assert not Membership.objects.filter(
        user__email="third@example.com", organization=own_organization(user)
    ).exists()


def test_the_organization_pages_need_a_signed_in_user(client):
    for name in ("organizations:list", "organizations:members"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
{%- if has_api %}


# -- API -------------------------------------------------------------------------------------------


@pytest.fixture
def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_api_lists_only_the_current_organizations_notes(api, make_note, theirs):
    mine = make_note("Mine")

    body = api.get(reverse("note-list")).json()

    assert [note["id"] for note in body["results"]] == [mine.pk]
    assert body["results"][0]["organization"] == mine.organization_id


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_another_organizations_note_is_404_for_every_method(api, theirs, method):
    url = reverse("note-detail", args=[theirs.pk])

    response = getattr(api, method)(url, {"title": "Taken"}, format="json")

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Plans of B"


def test_naming_another_organization_is_404_and_writes_nothing(api, other_user, theirs):
    b = own_organization(other_user)
    header = {"HTTP_X_ORGANIZATION": str(b.pk)}

    assert api.get(reverse("note-list"), **header).status_code == 404
    response = api.post(reverse("note-list"), {"title": "Planted"}, format="json", **header)

    assert response.status_code == 404
    assert list(Note.objects.filter(organization=b)) == [theirs]


def test_a_body_naming_another_organization_cannot_place_a_note_there(api, user, other_user):
    b = own_organization(other_user)

    response = api.post(
        reverse("note-list"), {"title": "Planted", "organization": b.pk}, format="json"
    )

    assert response.status_code == 201
    assert Note.objects.get(title="Planted").organization == own_organization(user)
    assert not Note.objects.filter(organization=b).exists()


@pytest.mark.parametrize("value", ["abc", "-1", "0", "9" * 30, "\u00b2", ""])
def test_a_malformed_organization_header_is_404(api, value):
    assert api.get(reverse("note-list"), HTTP_X_ORGANIZATION=value).status_code == 404


def test_members_work_in_another_organization_by_naming_it(api, user, other_user, theirs):
    b = own_organization(other_user)
    Membership.objects.create(user=user, organization=b, role=Role.MEMBER)
    header = {"HTTP_X_ORGANIZATION": str(b.pk)}

    listed = api.get(reverse("note-list"), **header).json()
    created = api.post(reverse("note-list"), {"title": "In B"}, format="json", **header)

    assert [note["id"] for note in listed["results"]] == [theirs.pk]
    assert created.status_code == 201
    assert created.json()["organization"] == b.pk
    # Reading is shared; changing stays with the author.
    url = reverse("note-detail", args=[theirs.pk])
    assert api.patch(url, {"title": "Mine now"}, format="json", **header).status_code == 403


def test_the_api_lists_the_users_organizations(api, user, other_user):
    b = own_organization(other_user)
    Membership.objects.create(user=user, organization=b, role=Role.ADMIN)

    body = api.get(reverse("organization-list")).json()

    assert [(row["id"], row["role"]) for row in body["results"]] == [
        (own_organization(user).pk, "owner"),
        (b.pk, "admin"),
    ]


def test_the_schema_documents_the_organization_header(api):
    schema = api.get(reverse("api-schema"), {"format": "json"}).json()
    create = schema["paths"]["/api/notes/"]["post"]

    assert {"name": "X-Organization", "in": "header"}.items() <= create["parameters"][0].items()
    assert "404" in create["responses"]
{%- endif %}


# -- admin -----------------------------------------------------------------------------------------


@pytest.fixture
def staff(client, user):
    """`user` as staff with every permission on notes: what they may see is their organisations'."""
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="notes"))
    client.force_login(user)
    return client


def test_staff_see_only_their_organizations_notes_in_the_admin(staff, make_note, theirs):
    mine = make_note("Mine")

    page = staff.get(reverse("admin:notes_note_changelist"))

    assert mine.title in page.text
    assert theirs.title not in page.text
    change = staff.get(reverse("admin:notes_note_change", args=[theirs.pk]))
    assert change.status_code == 302  # the admin's "does not exist" redirect
    assert staff.post(reverse("admin:notes_note_delete", args=[theirs.pk]), {"post": "yes"})
    assert Note.objects.filter(pk=theirs.pk).exists()


def test_staff_can_only_pick_their_organizations(staff, user, other_user):
    form = staff.get(reverse("admin:notes_note_add")).context["adminform"].form
    choices = form.fields["organization"].queryset

    assert list(choices) == [own_organization(user)]
    response = staff.post(
        reverse("admin:notes_note_add"),
        {"title": "Planted", "body": "", "organization": own_organization(other_user).pk},
    )
    assert response.status_code == 200  # the form refuses the choice
    assert not Note.objects.filter(title="Planted").exists()


def test_superusers_see_every_organization(admin_client, make_note, user, theirs):
    mine = make_note("Mine")

    page = admin_client.get(reverse("admin:notes_note_changelist"))

    assert mine.title in page.text and theirs.title in page.text
    organizations = admin_client.get(reverse("admin:organizations_organization_changelist"))
    assert escape(own_organization(user).name) in organizations.text


# -- the migration that brings organisations to an existing project --------------------------------


@pytest.mark.django_db(transaction=True)
def test_existing_accounts_and_notes_get_organizations_when_tenancy_is_added():
    executor = MigrationExecutor(connection)
    before = [("notes", "0002_notes_newest_first_index"), ("organizations", None)]
    after = [
        ("notes", "0004_note_organization_required"),
        ("organizations", "0002_personal_organizations"),
    ]
    executor.migrate(before)
    old = executor.loader.project_state(("notes", "0002_notes_newest_first_index")).apps
    User, OldNote = old.get_model("users", "User"), old.get_model("notes", "Note")
    author = User.objects.create(email="early@example.com", password="!")
    OldNote.objects.create(title="Early", author=author)
    OldNote.objects.create(title="Orphan", author=None)

    executor = MigrationExecutor(connection)
    executor.migrate(after)

    early, orphan = Note.objects.get(title="Early"), Note.objects.get(title="Orphan")
    assert early.organization == own_organization(early.author)
    assert early.organization.memberships.get().role == Role.OWNER
    assert orphan.organization.name == "Notes without an author"
    assert not orphan.organization.memberships.exists()
