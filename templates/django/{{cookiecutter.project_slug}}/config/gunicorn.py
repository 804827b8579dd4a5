"""gunicorn's configuration (`gunicorn --config python:config.gunicorn`): load the settings once in
the master process, so a missing required variable stops the server with one line and a non-zero
exit instead of a traceback in every worker that keeps being restarted."""

import importlib
import os
import sys

from django.core.exceptions import ImproperlyConfigured

# The same default as config/wsgi.py: a server is production unless told otherwise.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

try:
    importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
except ImproperlyConfigured as error:
    sys.exit(f"Cannot start ({os.environ['DJANGO_SETTINGS_MODULE']}): {error}")
