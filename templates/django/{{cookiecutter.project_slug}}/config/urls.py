"""Top-level URLs: /health, the admin (at DJANGO_ADMIN_URL) and the apps."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from {{ cookiecutter.project_slug }}.core.views import health

urlpatterns = [
    path("health", health, name="health"),
    path(settings.ADMIN_URL, admin.site.urls),
{%- if cookiecutter.auth == "yes" %}
    path("accounts/", include("{{ cookiecutter.project_slug }}.users.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
{%- endif %}
{%- if cookiecutter.api == "yes" %}
    path("api/", include("config.api_urls")),
{%- endif %}
    path("", include("{{ cookiecutter.project_slug }}.notes.urls")),
]
