"""The release step (`python -m config.release`, the Procfile's `release:` line): migrate the
database and collect static files, under production settings unless DJANGO_SETTINGS_MODULE says
otherwise, before the new version serves. Production serves static files from the manifest that
collectstatic writes, so a release without it would answer 500 on every page."""

import os
import sys

import django
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    try:
        django.setup()
    except ImproperlyConfigured as error:
        sys.exit(f"Cannot release ({os.environ['DJANGO_SETTINGS_MODULE']}): {error}")
    call_command("migrate", interactive=False)
    call_command("collectstatic", interactive=False, verbosity=1)


if __name__ == "__main__":
    main()
