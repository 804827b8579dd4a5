from typing import TYPE_CHECKING, Self

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from {{ cookiecutter.project_slug }}.organizations.tenant import Tenant


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    ADMIN = "admin", "Admin"
    MEMBER = "member", "Member"


#: Roles that may add members to their organisation.
MANAGERS = frozenset({Role.OWNER, Role.ADMIN})


class Organization(models.Model):
    """A tenant: people who work together, and the rows they share with no one else."""

    name = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organizations"
    )

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's place in an organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The oldest membership first: without a choice, a user works in their own organisation.
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"], name="one_membership_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organization} ({self.role})"


class TenantQuerySet(models.QuerySet):
    """The queryset of every tenant-owned model: `for_tenant` is the one filter on organisation."""

    def for_tenant(self, tenant: "Tenant") -> Self:
        return self.filter(organization_id=tenant.organization.pk)
