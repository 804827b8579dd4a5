from typing import Any

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from {{ cookiecutter.project_slug }}.organizations.tenant import create_organization
from {{ cookiecutter.project_slug }}.users.models import User


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="personal_organization")
def give_new_accounts_an_organization(
    sender: type[User], instance: User, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """Every account (sign-up, admin, createsuperuser) can work from its first request.

    Not for fixtures being loaded (`raw`): they bring their own organisations."""
    if created and not raw:
        create_organization(f"{instance.email}'s organisation", owner=instance)
