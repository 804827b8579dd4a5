import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from tests.conftest import PASSWORD, PRODUCTION_ENV

ONE_YEAR = 60 * 60 * 24 * 365
PRODUCTION = "config.settings.production"


def test_production_refuses_to_load_without_a_secret_key(load_settings):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SECRET_KEY"}

    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        load_settings(PRODUCTION, unset=("DJANGO_SECRET_KEY",), **env)


@pytest.mark.parametrize("missing", ["DJANGO_ALLOWED_HOSTS", "DJANGO_ADMIN_URL"])
def test_production_refuses_to_load_without_its_other_settings(load_settings, missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}

    with pytest.raises(ImproperlyConfigured, match=missing):
        load_settings(PRODUCTION, unset=(missing,), **env)


def test_production_sends_hsts_for_at_least_a_year(load_settings):
    production = load_settings(PRODUCTION, unset=("DJANGO_SECURE_HSTS_SECONDS",), **PRODUCTION_ENV)

    assert production.SECURE_HSTS_SECONDS >= ONE_YEAR
    assert production.SECURE_HSTS_INCLUDE_SUBDOMAINS
    assert production.SECURE_HSTS_PRELOAD


def test_production_hsts_is_configurable(load_settings):
    production = load_settings(
        PRODUCTION, DJANGO_SECURE_HSTS_SECONDS=str(2 * ONE_YEAR), **PRODUCTION_ENV
    )

    assert production.SECURE_HSTS_SECONDS == 2 * ONE_YEAR


def test_production_cookies_and_redirects_are_secure(load_settings):
    production = load_settings(PRODUCTION, **PRODUCTION_ENV)

    assert production.DEBUG is False
    assert production.SECURE_SSL_REDIRECT
    assert production.SESSION_COOKIE_SECURE
    assert production.CSRF_COOKIE_SECURE
    assert production.ALLOWED_HOSTS == ["example.com"]
    assert production.SECRET_KEY == PRODUCTION_ENV["DJANGO_SECRET_KEY"]


@pytest.mark.django_db
def test_health_is_exempt_from_the_https_redirect(client, settings, load_settings):
    production = load_settings(PRODUCTION, **PRODUCTION_ENV)
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = production.SECURE_REDIRECT_EXEMPT

    assert client.get("/health").status_code == 200
    response = client.get(reverse("notes:list"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_production_passes_the_deployment_checklist():
    env = {**os.environ, **PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": PRODUCTION}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_argon2_hashes_new_passwords(settings, load_settings):
    base = load_settings("config.settings.base")
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"

    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    assert make_password(PASSWORD).startswith("argon2$")


def test_admin_url_comes_from_the_environment(load_settings):
    base = load_settings("config.settings.base", DJANGO_ADMIN_URL="/back-office")

    assert base.ADMIN_URL == "back-office/"


def test_admin_is_served_at_the_configured_url():
    assert reverse("admin:index") == f"/{django_settings.ADMIN_URL}"
{%- if cookiecutter.api == "yes" %}


def test_api_default_permission_is_not_allow_any():
    permissions = django_settings.REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"]

    assert permissions
    assert "rest_framework.permissions.AllowAny" not in permissions
{%- endif %}
