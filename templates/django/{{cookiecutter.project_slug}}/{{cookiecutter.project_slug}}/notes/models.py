{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
from django.conf import settings
from django.db import models
from django.urls import reverse
{%- if has_tenancy %}

from {{ cookiecutter.project_slug }}.organizations.models import Organization, TenantQuerySet
{%- endif %}


class Note(models.Model):
{%- if has_tenancy %}
    """A short text shared within an organisation; its author may edit it."""
{%- else %}
    """A short text shared on the site; its author may edit it."""
{%- endif %}

    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notes",
    )
{%- if has_tenancy %}
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="notes")
{%- endif %}
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
{%- if has_tenancy %}

    # A tenant's notes: Note.objects.for_tenant(tenant), never a filter of your own.
    objects = TenantQuerySet.as_manager()
{%- endif %}

    class Meta:
        ordering = ["-created_at", "-id"]
        # Pages list notes in this order: a page is a walk along the index, never a sort.
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="notes_newest_first_idx"),
{%- if has_tenancy %}
            models.Index(
                fields=["organization", "-created_at", "-id"], name="notes_tenant_newest_first_idx"
            ),
{%- endif %}
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("notes:detail", args=[self.pk])
