import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

from {{ cookiecutter.project_slug }}.users.models import User

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:index",
        "admin:users_user_changelist",
        "admin:users_user_add",
        "admin:notes_note_changelist",
        "admin:notes_note_add",
    ],
)
def test_admin_pages_load_for_staff(admin_client, url_name):
    assert admin_client.get(reverse(url_name)).status_code == 200


def test_admin_change_pages_load_for_staff(admin_client, user, make_note):
    note = make_note("Admin note")

    assert admin_client.get(reverse("admin:users_user_change", args=[user.pk])).status_code == 200
    assert admin_client.get(reverse("admin:notes_note_change", args=[note.pk])).status_code == 200


def test_admin_search_finds_users_by_email(admin_client, user):
    response = admin_client.get(reverse("admin:users_user_changelist"), {"q": "ada@"})

    assert user.email in response.text


def test_admin_creates_a_user_by_email(admin_client):
    response = admin_client.post(
        reverse("admin:users_user_add"),
        {
            "email": "new@example.com",
            "usable_password": "true",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 302
    assert User.objects.get(email="new@example.com").check_password(PASSWORD)


def test_admin_names_the_project(client):
    response = client.get(reverse("admin:login"))

    assert f"<title>Log in | {escape(settings.SITE_NAME)}</title>" in response.text


def test_admin_is_closed_to_anonymous_visitors(client):
    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_admin_is_closed_to_non_staff_users(client, user):
    client.force_login(user)

    assert client.get(reverse("admin:index")).status_code == 302
