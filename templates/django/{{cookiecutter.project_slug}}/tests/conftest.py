{% set has_celery = cookiecutter.task_queue == "celery" -%}
{% set on_sqlite = cookiecutter.database == "sqlite" -%}
{% set has_tenancy = cookiecutter.tenancy == "yes" -%}
import importlib
import logging
{%- if has_celery %}
import os
{%- endif %}
import sys
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest
from django.test import Client

from {{ cookiecutter.project_slug }}.notes.models import Note
{%- if has_tenancy %}
from {{ cookiecutter.project_slug }}.organizations.models import Membership, Organization, Role
from {{ cookiecutter.project_slug }}.organizations.tenant import tenant_for
{%- endif %}

PASSWORD = "correct-horse-battery-staple"

# Enough for config.settings.production to load; nothing here signs anything real.
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "test-only-" + "x7Kq2" * 10,
    "DJANGO_ALLOWED_HOSTS": "example.com",
    "DATABASE_URL": "{{ 'sqlite:///production.sqlite3' if on_sqlite else 'postgresql://app@db.example.com:5432/app' }}",
{%- if has_celery %}
    "REDIS_URL": "redis://redis.example.com:6379/0",
{%- endif %}
}
# What production refuses to start without (the README's deploy section lists the same).
REQUIRED_IN_PRODUCTION = list(PRODUCTION_ENV)

LoadSettings = Callable[..., ModuleType]


{% include "keep_root_logger.py.j2" %}


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(email="ada@example.com", password=PASSWORD)


@pytest.fixture
def other_user(django_user_model):
    return django_user_model.objects.create_user(email="grace@example.com", password=PASSWORD)


@pytest.fixture
def make_note(user) -> Callable[..., Note]:
{%- if has_tenancy %}
    """Save a note; it belongs to its author's own organisation unless `organization` is given."""
{%- else %}
    """Save a note, written by `user` unless `author` is given."""
{%- endif %}

    def make(title: str = "A note", *, author=user, **fields: object) -> Note:
{%- if has_tenancy %}
        if "organization" not in fields:
            tenant = tenant_for(author)
            assert tenant is not None
            fields["organization"] = tenant.organization
{%- endif %}
        return Note.objects.create(title=title, author=author, **fields)

    return make


@pytest.fixture
def reader(client: Client, user) -> Client:
{%- if has_tenancy %}
    """A browser that may read `user`'s notes: signed in as a member of their organisation."""
    client.force_login(user)
{%- else %}
    """A browser that may read `user`'s notes: notes are public, so an anonymous one."""
{%- endif %}
    return client


@pytest.fixture
def colleague(user, other_user):
{%- if has_tenancy %}
    """Another account that reads `user`'s notes: a member of `user`'s organisation only."""
    Organization.objects.filter(memberships__user=other_user).delete()
    tenant = tenant_for(user)
    assert tenant is not None
    Membership.objects.create(user=other_user, organization=tenant.organization, role=Role.MEMBER)
{%- else %}
    """Another account that reads `user`'s notes (all signed-in users read every note)."""
{%- endif %}
    return other_user


@pytest.fixture
def load_settings(monkeypatch: pytest.MonkeyPatch) -> LoadSettings:
    """Import a settings module afresh under a given environment; all of it is undone after."""

    def load(module: str, unset: tuple[str, ...] = (), **environment: str) -> ModuleType:
        for key in unset:
            monkeypatch.delenv(key, raising=False)
        for key, value in environment.items():
            monkeypatch.setenv(key, value)
        package = importlib.import_module("config.settings")
        for name in {"base", module.rsplit(".", 1)[-1]}:
            monkeypatch.delitem(sys.modules, f"config.settings.{name}", raising=False)
            monkeypatch.setattr(package, name, None, raising=False)
        return importlib.import_module(module)

    return load
{%- if has_celery %}


@pytest.fixture
def redis_client(settings):
    """A client for the broker's Redis; skips without one, except in CI where it must exist."""
    import redis

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        client.close()
        reason = f"Redis at {settings.CELERY_BROKER_URL} is unreachable ({error}); set REDIS_URL"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    yield client
    client.close()
{%- endif %}
