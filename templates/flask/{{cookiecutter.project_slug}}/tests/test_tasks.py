{% set has_db = cookiecutter.database != "none" -%}
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from celery import Task
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from flask import Flask

from {{ cookiecutter.project_slug }} import create_app
from {{ cookiecutter.project_slug }}.config import DEFAULT_REDIS_URL, Config
{%- if has_db %}
from {{ cookiecutter.project_slug }}.extensions import db
{%- endif %}
from {{ cookiecutter.project_slug }}.tasks import health_report

from tests.conftest import EntryPoint

EXPECTED = {"status": "ok"{% if has_db %}, "database": "ok"{% endif %}{% if cookiecutter.inference == "yes" %}, "model": "ok"{% endif %}}


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The real Redis from `REDIS_URL`; skipped when unreachable, except under CI=true."""
    url = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    try:
        with redis.Redis.from_url(url, socket_connect_timeout=2) as client:
            client.ping()
    except redis.RedisError as err:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {url} is unreachable and CI=true: {err}")
        pytest.skip(f"Redis at {url} is unreachable: {err}")
    return url


@pytest.fixture
def redis_app(config: Config, redis_url: str) -> Iterator[Flask]:
    config.CELERY = config.celery_settings(redis_url)
    app = create_app(config)
    yield app
    # Close the broker and result-backend sockets now rather than whenever they are collected.
    celery_app = app.extensions["celery"]
    celery_app.pool.force_close_all(close_pool=False)
    celery_app.backend.client.connection_pool.disconnect()
{%- if has_db %}
    with app.app_context():
        db.engine.dispose()  # the worker's database connections
{%- endif %}


def test_beat_sends_the_health_report_every_five_minutes(config: Config) -> None:
    entry = config.celery_settings(DEFAULT_REDIS_URL)["beat_schedule"]["health-report"]

    assert entry["task"] == health_report.name and entry["schedule"] == 300.0


def test_task_runs_inside_the_app_context(app: Flask) -> None:
    celery_app = app.extensions["celery"]

    result = celery_app.tasks[health_report.name].apply()

    assert result.get() == EXPECTED


def close_worker_backend(task: Task, **_: Any) -> None:
    # Celery keeps one result backend per thread; the worker thread's would otherwise leave its
    # Redis socket open until garbage collection.
    task.backend.client.connection_pool.disconnect()  # type: ignore[attr-defined]


def test_worker_runs_the_task_through_redis(redis_app: Flask) -> None:
    celery_app = redis_app.extensions["celery"]
    task_postrun.connect(close_worker_backend)
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False):
            result = celery_app.tasks[health_report.name].delay()

            assert result.get(timeout=20) == EXPECTED
    finally:
        task_postrun.disconnect(close_worker_backend)


def test_worker_reads_dotenv_like_the_flask_command(
    entry_point: EntryPoint, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text("APP_ENV=development\n", encoding="utf-8")

    result = entry_point("worker")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"  # development: no HTTPS redirect


def test_worker_without_dotenv_means_production(entry_point: EntryPoint) -> None:
    result = entry_point("worker")

    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr
    assert "Traceback" not in result.stderr
