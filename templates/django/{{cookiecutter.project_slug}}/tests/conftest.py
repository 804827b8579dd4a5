{% set has_celery = cookiecutter.task_queue == "celery" -%}
{% set on_sqlite = cookiecutter.database == "sqlite" -%}
import importlib
import logging
{%- if has_celery %}
import os
{%- endif %}
import sys
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest

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
