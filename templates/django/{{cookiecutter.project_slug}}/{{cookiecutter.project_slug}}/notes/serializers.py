from rest_framework import serializers

from {{ cookiecutter.project_slug }}.notes.models import Note


class NoteSerializer(serializers.ModelSerializer):
    author = serializers.EmailField(source="author.email", read_only=True, allow_null=True)
    url = serializers.HyperlinkedIdentityField(view_name="note-detail")

    class Meta:
        model = Note
        fields = ["id", "url", "title", "body", "author", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]
