from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from {{ cookiecutter.project_slug }}.users.managers import UserManager


class User(AbstractUser):
    """A user who signs in with an email address; there is no username."""

    # No username: the e-mail address is the login.
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # Replaces Django's username-based manager, whose type the base class declares.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta(AbstractUser.Meta):
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email
