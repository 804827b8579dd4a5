{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
from rest_framework import serializers

from {{ cookiecutter.project_slug }}.notes.models import Note


class NoteSerializer(serializers.ModelSerializer):
    author = serializers.EmailField(source="author.email", read_only=True, allow_null=True)
    url = serializers.HyperlinkedIdentityField(view_name="note-detail")
{%- if has_tenancy %}
    # Set from the request's organisation; a body naming another one changes nothing.
    organization = serializers.IntegerField(source="organization_id", read_only=True)
{%- endif %}

    class Meta:
        model = Note
{%- if has_tenancy %}
        fields = [
            "id",
            "url",
            "title",
            "body",
            "author",
            "organization",
            "created_at",
            "updated_at",
        ]
{%- else %}
        fields = ["id", "url", "title", "body", "author", "created_at", "updated_at"]
{%- endif %}
        read_only_fields = ["created_at", "updated_at"]
