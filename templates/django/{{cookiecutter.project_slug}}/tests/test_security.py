{% set has_celery = cookiecutter.task_queue == "celery" -%}
{% set has_api = cookiecutter.api == "yes" -%}
import importlib
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.urls import Resolver404, clear_url_caches, resolve, reverse

from tests.conftest import PASSWORD, PRODUCTION_ENV, REQUIRED_IN_PRODUCTION

ONE_YEAR = 60 * 60 * 24 * 365
PRODUCTION = "config.settings.production"


@pytest.mark.parametrize("missing", REQUIRED_IN_PRODUCTION)
def test_production_refuses_to_load_without_a_required_variable(load_settings, missing):
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


def run_python(*args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    """Python in a fresh process, in the project folder, with only the given Django variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=django_settings.BASE_DIR,
        env={**env, **environment},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_production_passes_the_deployment_checklist():
    result = run_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        **PRODUCTION_ENV,
    )

    assert result.returncode == 0, result.stdout + result.stderr


SERVER_ENTRY_POINTS = [
    "import config.wsgi",
    "import config.asgi",
{%- if has_celery %}
    "import config.celery",
{%- endif %}
]
PRINT_SETTINGS = "; from django.conf import settings; print(settings.SETTINGS_MODULE)"


@pytest.mark.parametrize("entry_point", SERVER_ENTRY_POINTS)
def test_servers_run_production_settings_unless_told_otherwise(entry_point):
    result = run_python("-c", entry_point + PRINT_SETTINGS, **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == PRODUCTION


@pytest.mark.parametrize("entry_point", SERVER_ENTRY_POINTS)
def test_servers_refuse_to_start_without_a_secret_key(entry_point):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SECRET_KEY"}

    result = run_python("-c", entry_point + PRINT_SETTINGS, **env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_gunicorn_stops_with_one_line_when_a_variable_is_missing():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SECRET_KEY"}

    result = run_python("-c", "import config.gunicorn", **env)

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"Cannot start ({PRODUCTION}): Set the DJANGO_SECRET_KEY environment variable"
    ]


def test_manage_py_runs_development_settings_unless_told_otherwise():
    result = run_python(
        "manage.py",
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SETTINGS_MODULE)",
        DJANGO_SECRET_KEY="local-only",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "config.settings.local"


def test_argon2_hashes_new_passwords(settings, load_settings):
    base = load_settings("config.settings.base")
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"

    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    assert make_password(PASSWORD).startswith("argon2$")


def test_production_trusts_forwarded_headers_only_through_gunicorn(load_settings):
    production = load_settings(PRODUCTION, **PRODUCTION_ENV)

    # gunicorn sets the scheme from X-Forwarded-Proto only for FORWARDED_ALLOW_IPS; this setting
    # would believe the header from anyone, and X-Forwarded-Host is never believed.
    assert getattr(production, "SECURE_PROXY_SSL_HEADER", None) is None
    assert production.USE_X_FORWARDED_HOST is False


@pytest.mark.django_db
def test_a_foreign_host_is_refused_and_never_echoed(client, settings):
    settings.ALLOWED_HOSTS = ["example.com"]
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    response = client.get("/", HTTP_HOST="example.com", HTTP_X_FORWARDED_HOST="evil.example")
    assert response.status_code == 301
    assert response["Location"] == "https://example.com/"


def test_production_mounts_the_admin_only_where_configured(load_settings):
    without = load_settings(PRODUCTION, unset=("DJANGO_ADMIN_URL",), **PRODUCTION_ENV)
    assert without.ADMIN_URL == ""

    configured = load_settings(PRODUCTION, DJANGO_ADMIN_URL="/back-office/", **PRODUCTION_ENV)
    assert configured.ADMIN_URL == "back-office/"


def test_no_admin_url_means_no_admin_site(settings):
    import config.urls

    configured = settings.ADMIN_URL
    settings.ADMIN_URL = ""
    try:
        importlib.reload(config.urls)
        clear_url_caches()
        with pytest.raises(Resolver404):
            resolve("/admin/")
    finally:
        settings.ADMIN_URL = configured
        importlib.reload(config.urls)
        clear_url_caches()


def test_admin_url_comes_from_the_environment(load_settings):
    base = load_settings("config.settings.base", DJANGO_ADMIN_URL="/back-office")

    assert base.ADMIN_URL == "back-office/"


def test_admin_is_served_at_the_configured_url():
    assert reverse("admin:index") == f"/{django_settings.ADMIN_URL}"
{%- if has_api %}


def test_production_publishes_api_docs_only_when_asked(load_settings):
    production = load_settings(PRODUCTION, unset=("DJANGO_API_DOCS",), **PRODUCTION_ENV)
    assert production.API_DOCS is False

    production = load_settings(PRODUCTION, DJANGO_API_DOCS="true", **PRODUCTION_ENV)
    assert production.API_DOCS is True


def test_api_default_permission_is_not_allow_any():
    permissions = django_settings.REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"]

    assert isinstance(permissions, list | tuple) and permissions
    assert "rest_framework.permissions.AllowAny" not in permissions
{%- endif %}
