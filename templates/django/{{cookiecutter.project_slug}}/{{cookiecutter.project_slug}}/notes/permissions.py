from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.views import APIView

from {{ cookiecutter.project_slug }}.notes.models import Note


class IsAuthorOrReadOnly(permissions.BasePermission):
    """Anyone allowed in may read a note; only its author may change or delete it."""

    def has_object_permission(self, request: Request, view: APIView, obj: Note) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return obj.author_id is not None and obj.author_id == request.user.pk
