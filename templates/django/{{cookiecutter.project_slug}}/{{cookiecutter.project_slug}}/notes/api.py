{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
{%- if has_tenancy -%}
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
{% endif -%}
from rest_framework import permissions, viewsets
from rest_framework.serializers import BaseSerializer

from {{ cookiecutter.project_slug }}.notes.models import Note
from {{ cookiecutter.project_slug }}.notes.permissions import IsAuthorOrReadOnly
from {{ cookiecutter.project_slug }}.notes.serializers import NoteSerializer
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.organizations.tenant import HEADER, Tenant, api_tenant

#: The header every tenant-scoped operation documents: schema-driven clients send it.
ORGANIZATION_HEADER = OpenApiParameter(
    HEADER,
    OpenApiTypes.INT,
    OpenApiParameter.HEADER,
    description="The organisation to work in (see /api/organizations/); your own if omitted.",
)


@extend_schema(parameters=[ORGANIZATION_HEADER])
class NoteViewSet(viewsets.ModelViewSet):
    """Notes over JSON: members read their organisation's notes and change their own."""

    serializer_class = NoteSerializer
    permission_classes = [permissions.IsAuthenticated, IsAuthorOrReadOnly]
    #: Operations may answer 404 for an organisation the user is not in (core/openapi.py).
    tenant_scoped = True

    def tenant(self) -> Tenant:
        return api_tenant(self.request.user, self.request.headers.get(HEADER))

    def get_queryset(self) -> QuerySet[Note]:
        if getattr(self, "swagger_fake_view", False):  # the schema generator, with no user
            return Note.objects.none()
        return Note.objects.for_tenant(self.tenant()).select_related("author")

    def perform_create(self, serializer: BaseSerializer) -> None:
        serializer.save(author=self.request.user, organization=self.tenant().organization)
{%- else %}


class NoteViewSet(viewsets.ModelViewSet):
    """Notes over JSON: signed-in users read all of them and change their own."""

    queryset = Note.objects.select_related("author")
    serializer_class = NoteSerializer
    permission_classes = [permissions.IsAuthenticated, IsAuthorOrReadOnly]

    def perform_create(self, serializer: BaseSerializer) -> None:
        serializer.save(author=self.request.user)
{%- endif %}
