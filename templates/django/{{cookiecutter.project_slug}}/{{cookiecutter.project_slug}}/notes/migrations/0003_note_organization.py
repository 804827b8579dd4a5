"""Every note belongs to an organisation: existing notes go to their author's own organisation.

Notes whose author was deleted go to one organisation, "Notes without an author", that nobody is a
member of: a superuser finds them in the admin and moves them. No note is lost or left unscoped.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def assign_existing_notes(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Note = apps.get_model("notes", "Note")
    Membership = apps.get_model("organizations", "Membership")
    Organization = apps.get_model("organizations", "Organization")
    orphans = None
    for note in Note.objects.filter(organization__isnull=True).order_by("pk").iterator():
        membership = None
        if note.author_id is not None:
            membership = Membership.objects.filter(user_id=note.author_id).order_by("pk").first()
        if membership is not None:
            note.organization_id = membership.organization_id
        else:
            if orphans is None:
                orphans = Organization.objects.create(name="Notes without an author")
            note.organization_id = orphans.pk
        note.save(update_fields=["organization"])


class Migration(migrations.Migration):

    dependencies = [
        ("notes", "0002_notes_newest_first_index"),
        ("organizations", "0002_personal_organizations"),
    ]

    operations = [
        migrations.AddField(
            model_name="note",
            name="organization",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notes",
                to="organizations.organization",
            ),
        ),
        migrations.RunPython(assign_existing_notes, migrations.RunPython.noop),
    ]
