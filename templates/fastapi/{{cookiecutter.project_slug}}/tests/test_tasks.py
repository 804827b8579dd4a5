import os
from collections.abc import Iterator
from datetime import datetime

import pytest
import redis
from celery.contrib.testing.worker import start_worker

from {{ cookiecutter.project_slug }}.tasks import count_words, heartbeat
from {{ cookiecutter.project_slug }}.worker import celery_app

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


def test_count_words_runs_in_process() -> None:
    result = count_words.apply(args=("the cat and the hat",)).get()

    assert result == {"the": 2, "cat": 1, "and": 1, "hat": 1}


@pytest.fixture(scope="module")
def reachable_redis() -> str:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as err:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {REDIS_URL} is unreachable under CI: {err}")
        pytest.skip(f"Redis at {REDIS_URL} is unreachable: {err}")
    return REDIS_URL


@pytest.fixture(scope="module")
def worker(reachable_redis: str) -> Iterator[None]:
    celery_app.conf.update(broker_url=reachable_redis, result_backend=reachable_redis)
    with start_worker(celery_app, pool="solo", perform_ping_check=False):
        yield


def test_count_words_runs_on_a_worker_through_redis(worker: None) -> None:
    result = count_words.delay("Redis carries the task, Redis carries the result")

    assert result.get(timeout=20) == {"redis": 2, "carries": 2, "the": 2, "task": 1, "result": 1}


def test_beat_sends_the_heartbeat_every_five_minutes() -> None:
    entry = celery_app.conf.beat_schedule["heartbeat"]

    assert entry["task"] == heartbeat.name and entry["schedule"] == 300.0


def test_heartbeat_returns_the_time_it_ran() -> None:
    stamp = heartbeat.apply().get()

    assert datetime.fromisoformat(stamp).tzinfo is not None
