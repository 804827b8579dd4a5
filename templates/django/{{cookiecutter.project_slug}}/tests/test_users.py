import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from {{ cookiecutter.project_slug }}.users.models import User

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_custom_user_model_is_active():
    assert get_user_model() is User
    assert User.USERNAME_FIELD == "email"


def test_create_user_signs_in_with_email():
    user = User.objects.create_user(email="Ada@EXAMPLE.com", password=PASSWORD)

    assert user.email == "Ada@example.com"
    assert str(user) == "Ada@example.com"
    assert user.check_password(PASSWORD)
    assert not user.is_staff
    assert not user.is_superuser
    assert user.username is None


def test_create_user_without_password_cannot_log_in():
    user = User.objects.create_user(email="nopass@example.com")

    assert not user.has_usable_password()


def test_create_user_requires_an_email():
    with pytest.raises(ValueError, match="email"):
        User.objects.create_user(email="", password=PASSWORD)


def test_create_superuser_is_staff_and_superuser():
    admin = User.objects.create_superuser(email="root@example.com", password=PASSWORD)

    assert admin.is_staff
    assert admin.is_superuser


def test_create_superuser_refuses_to_be_less():
    with pytest.raises(ValueError, match="is_staff"):
        User.objects.create_superuser(email="x@example.com", password=PASSWORD, is_staff=False)


def test_emails_are_unique(user):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email=user.email, password=PASSWORD)
