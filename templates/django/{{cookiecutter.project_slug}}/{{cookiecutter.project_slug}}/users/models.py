from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from {{ cookiecutter.project_slug }}.users.managers import UserManager


class User(AbstractUser):
    """A user who signs in with an email address; there is no username."""

    username = None
    email = models.EmailField(_("email address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email
