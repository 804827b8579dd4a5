from django.db.models import QuerySet
from rest_framework import mixins, serializers, viewsets

from {{ cookiecutter.project_slug }}.organizations.models import Membership
from {{ cookiecutter.project_slug }}.organizations.tenant import memberships_of


class MembershipSerializer(serializers.ModelSerializer):
    """An organisation the user belongs to: its id is what X-Organization takes."""

    id = serializers.IntegerField(source="organization.id", read_only=True)
    name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "name", "role"]
        read_only_fields = ["role"]


class OrganizationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The signed-in user's organisations and role in each, oldest membership first."""

    serializer_class = MembershipSerializer

    def get_queryset(self) -> QuerySet[Membership]:
        if getattr(self, "swagger_fake_view", False):  # the schema generator, with no user
            return Membership.objects.none()
        return memberships_of(self.request.user)
