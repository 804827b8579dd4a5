"""Every note now has an organisation (0003): the column becomes required, and indexed for listing a
tenant's notes newest first.

Apart from 0003 because PostgreSQL refuses to alter a table whose rows the same transaction updated.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("notes", "0003_note_organization"),
    ]

    operations = [
        migrations.AlterField(
            model_name="note",
            name="organization",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notes",
                to="organizations.organization",
            ),
        ),
        migrations.AddIndex(
            model_name="note",
            index=models.Index(
                fields=["organization", "-created_at", "-id"], name="notes_tenant_newest_first_idx"
            ),
        ),
    ]
