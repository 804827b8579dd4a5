from rest_framework import permissions, viewsets
from rest_framework.serializers import BaseSerializer

from {{ cookiecutter.project_slug }}.notes.models import Note
from {{ cookiecutter.project_slug }}.notes.permissions import IsAuthorOrReadOnly
from {{ cookiecutter.project_slug }}.notes.serializers import NoteSerializer


class NoteViewSet(viewsets.ModelViewSet):
    """Notes over JSON: signed-in users read all of them and change their own."""

    queryset = Note.objects.select_related("author")
    serializer_class = NoteSerializer
    permission_classes = [permissions.IsAuthenticated, IsAuthorOrReadOnly]

    def perform_create(self, serializer: BaseSerializer) -> None:
        serializer.save(author=self.request.user)
