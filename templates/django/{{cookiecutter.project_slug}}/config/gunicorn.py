"""gunicorn's configuration (`gunicorn config.wsgi --config python:config.gunicorn`).

It loads the settings once in the master process, so a missing required variable stops the server
with one line and a non-zero exit instead of a traceback in every worker that keeps being restarted.
gunicorn listens on 0.0.0.0:$PORT when the platform sets PORT (127.0.0.1:8000 otherwise), runs
WEB_CONCURRENCY workers, and believes X-Forwarded-Proto only from FORWARDED_ALLOW_IPS."""

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

# Access log on stdout, where platforms collect it, without the load balancer's successful probes.
accesslog = "-"
logger_class = "config.access_log.AccessLog"
# No control socket in $HOME: nothing here uses gunicornc.
control_socket_disable = True
