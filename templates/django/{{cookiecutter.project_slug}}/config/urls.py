{% set has_auth = cookiecutter.auth == "yes" -%}
{% set has_api = cookiecutter.api == "yes" -%}
"""Top-level URLs: /health, the apps and the admin (at DJANGO_ADMIN_URL, when set)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from {{ cookiecutter.project_slug }}.core.views import favicon, health

# The admin names the project (data from settings), not "Django administration".
admin.site.site_header = admin.site.site_title = settings.SITE_NAME

# An error page in HTML with a way back, rendered without the failing request's context.
handler500 = "{{ cookiecutter.project_slug }}.core.views.server_error"

urlpatterns = [
    # Requests for /health are answered by core/health.py's middleware, before the session.
    path("health", health, name="health"),
    path("favicon.ico", favicon, name="favicon"),
{%- if has_auth %}
    path("accounts/", include("{{ cookiecutter.project_slug }}.users.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
{%- endif %}
{%- if cookiecutter.tenancy == "yes" %}
    path("organizations/", include("{{ cookiecutter.project_slug }}.organizations.urls")),
{%- endif %}
{%- if has_api %}
    path("api/", include("config.api_urls")),
{%- endif %}
    path("", include("{{ cookiecutter.project_slug }}.notes.urls")),
]

# Production mounts the admin only where DJANGO_ADMIN_URL says.
if settings.ADMIN_URL:
    urlpatterns.append(path(settings.ADMIN_URL, admin.site.urls))
