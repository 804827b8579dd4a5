{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
"""The JSON API under /api/: a router for the viewsets, token login, OpenAPI schema and docs."""

from django.conf import settings
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from {{ cookiecutter.project_slug }}.notes.api import NoteViewSet
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.organizations.api import OrganizationViewSet
{%- endif %}

router = DefaultRouter()
router.register("notes", NoteViewSet, basename="note")
{%- if has_tenancy %}
router.register("organizations", OrganizationViewSet, basename="organization")
{%- endif %}

urlpatterns = [
    path("", include(router.urls)),
    path("auth/token/", obtain_auth_token, name="api-token"),
    path("auth/", include("rest_framework.urls")),
]

# Production publishes them only with DJANGO_API_DOCS=true.
if settings.API_DOCS:
    urlpatterns += [
        path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
        path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    ]
