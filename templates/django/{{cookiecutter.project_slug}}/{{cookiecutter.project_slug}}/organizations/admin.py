from typing import Any

from django.contrib import admin
from django.db.models import ForeignKey, QuerySet
from django.forms import ModelChoiceField
from django.http import HttpRequest

from {{ cookiecutter.project_slug }}.organizations.models import Membership, Organization
from {{ cookiecutter.project_slug }}.users.models import User


def managed_organizations(request: HttpRequest) -> QuerySet[Organization]:
    """The organisations a staff member sees in the admin: all for a superuser, else their own."""
    user = request.user
    if user.is_superuser:
        return Organization.objects.all()
    if not isinstance(user, User):
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user).distinct()


class TenantScopedAdmin(admin.ModelAdmin):
    """An admin for a model with an `organization`: staff see, pick and change only the rows of
    organisations they belong to; another organisation's row is not found."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(organization__in=managed_organizations(request))

    def formfield_for_foreignkey(
        self, db_field: ForeignKey, request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField | None:
        if db_field.name == "organization":
            kwargs["queryset"] = managed_organizations(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)
    inlines = (MembershipInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organization]:
        return managed_organizations(request)
