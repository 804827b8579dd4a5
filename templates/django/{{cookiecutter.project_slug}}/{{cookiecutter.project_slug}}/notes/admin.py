{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
from django.contrib import admin
{%- if has_tenancy %}
from django.db.models import QuerySet
from django.http import HttpRequest
{%- endif %}

from {{ cookiecutter.project_slug }}.notes.models import Note
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.organizations.admin import TenantScopedAdmin
{%- endif %}


@admin.register(Note)
{%- if has_tenancy %}
class NoteAdmin(TenantScopedAdmin):
    list_display = ("title", "organization", "author", "created_at")
    list_filter = ("created_at",)
    search_fields = ("title", "body", "author__email", "organization__name")
    autocomplete_fields = ("author",)
    date_hierarchy = "created_at"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Note]:
        return super().get_queryset(request).select_related("organization", "author")
{%- else %}
class NoteAdmin(admin.ModelAdmin):
    list_display = ("title", "author", "created_at")
    list_filter = ("created_at",)
    search_fields = ("title", "body", "author__email")
    autocomplete_fields = ("author",)
    date_hierarchy = "created_at"
{%- endif %}
