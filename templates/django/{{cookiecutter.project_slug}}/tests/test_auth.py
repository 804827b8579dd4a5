import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from {{ cookiecutter.project_slug }}.notes.models import Note
from {{ cookiecutter.project_slug }}.users.models import User

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-long-passphrase-42"


def test_signup_creates_an_account_and_signs_in(client):
    response = client.post(
        reverse("signup"),
        {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("notes:list")
    user = User.objects.get(email="new@example.com")
    assert user.check_password(PASSWORD)
    assert client.get(reverse("notes:list")).context["user"] == user


def test_signup_rejects_a_taken_email(client, user):
    response = client.post(
        reverse("signup"),
        {"email": user.email, "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"]


def test_signup_rejects_mismatched_passwords(client):
    response = client.post(
        reverse("signup"),
        {"email": "new@example.com", "password1": PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert not User.objects.filter(email="new@example.com").exists()


@pytest.mark.parametrize(
    "url_name",
    ["signup", "login", "password_reset", "password_reset_done"],
)
def test_account_pages_load(client, url_name):
    assert client.get(reverse(url_name)).status_code == 200


def test_login_with_email_and_logout(client, user):
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_rejects_a_wrong_password(client, user):
    response = client.post(reverse("login"), {"username": user.email, "password": "wrong"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_writing_a_note_requires_login(client):
    response = client.get(reverse("notes:create"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_signed_in_user_writes_a_note(client, user):
    client.force_login(user)

    assert client.get(reverse("notes:create")).status_code == 200
    response = client.post(reverse("notes:create"), {"title": "Mine", "body": "Text"})

    note = Note.objects.get(title="Mine")
    assert response["Location"] == note.get_absolute_url()
    assert note.author == user


def test_password_change(client, user):
    client.force_login(user)

    assert client.get(reverse("password_change")).status_code == 200
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get(reverse("password_change_done")).status_code == 200


def test_password_reset_by_email(client, user):
    response = client.post(reverse("password_reset"), {"email": user.email})

    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    found = re.search(r"https?://[^/]+(/\S+/)", str(mail.outbox[0].body))
    assert found, mail.outbox[0].body
    link = found.group(1)

    # The first visit swaps the token in the URL for one kept in the session.
    form_url = client.get(link)["Location"]
    assert client.get(form_url).context["validlink"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert response["Location"] == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get(reverse("password_reset_complete")).status_code == 200


def test_account_pages_show_the_project_name_not_the_host(client):
    response = client.get(reverse("login"))

    assert f"<title>Log in · {escape(settings.SITE_NAME)}</title>" in response.text
    assert "testserver" not in response.text


def test_password_reset_mail_names_the_project(client, user):
    client.post(reverse("password_reset"), {"email": user.email})

    assert mail.outbox[0].subject == f"Reset your password on {settings.SITE_NAME}"
    assert f"your account on {settings.SITE_NAME} ({user.email})" in mail.outbox[0].body


def test_password_reset_for_an_unknown_email_sends_nothing(client):
    client.post(reverse("password_reset"), {"email": "nobody@example.com"})

    assert mail.outbox == []
