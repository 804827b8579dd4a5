"""Accounts made before organisations existed get one of their own, as a new account does."""

from django.conf import settings
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def give_every_account_an_organization(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Organization = apps.get_model("organizations", "Organization")
    Membership = apps.get_model("organizations", "Membership")
    for user in User.objects.filter(memberships__isnull=True).order_by("pk").iterator():
        organization = Organization.objects.create(name=f"{user.email}'s organisation")
        Membership.objects.create(user=user, organization=organization, role="owner")


class Migration(migrations.Migration):

    dependencies = [
        ("organizations", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(give_every_account_an_organization, migrations.RunPython.noop),
    ]
