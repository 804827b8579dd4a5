import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from uuid import uuid4

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_failure, task_success
from django.utils import timezone

from {{ cookiecutter.project_slug }}.notes.models import Note
from {{ cookiecutter.project_slug }}.notes.tasks import delete_stale_notes


@pytest.mark.django_db
def test_delete_stale_notes_keeps_recent_ones(make_note):
    stale = make_note("Stale")
    fresh = make_note("Fresh")
    Note.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(days=400))

    result = delete_stale_notes.apply(kwargs={"days": 365})

    assert result.get() == 1
    assert list(Note.objects.all()) == [fresh]


@contextmanager
def publishing(redis_client) -> Iterator[tuple[str, Callable[..., object]]]:
    """A queue of its own, and a function publishing `delete_stale_notes` to it over a connection of
    its own (closed after, so no socket outlives the test); the queue's keys are deleted after."""
    from config.celery import app

    queue = f"test-{uuid4().hex}"
    try:
        with app.connection_for_write() as connection:
            producer = app.amqp.Producer(connection)

            def publish(**kwargs: object) -> object:
                return delete_stale_notes.apply_async(kwargs=kwargs, queue=queue, producer=producer)

            yield queue, publish
    finally:
        # The queue and the routing keys kombu made for it are named after it.
        for key in redis_client.scan_iter(f"*{queue}*"):
            redis_client.delete(key)


def test_tasks_are_published_to_the_redis_broker(redis_client):
    with publishing(redis_client) as (queue, publish):
        publish(days=365)

        assert redis_client.llen(queue) == 1


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_takes_the_task_from_redis_and_runs_it(make_note, redis_client):
    """Published to the Redis broker, taken by a worker, run against the database."""
    from config.celery import app

    stale = make_note("Stale")
    Note.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(days=400))
    outcomes: list[object] = []
    finished = threading.Event()

    def record(sender: object = None, result: object = None, exception: object = None, **_: object):
        outcomes.append(exception or result)
        finished.set()

    # Waiting for the worker's signal, not polling the table, keeps this thread off the database
    # while the worker writes to it.
    task_success.connect(record, sender=delete_stale_notes, weak=False)
    task_failure.connect(record, sender=delete_stale_notes, weak=False)
    try:
        with publishing(redis_client) as (queue, publish):
            with start_worker(app, pool="solo", queues=[queue], perform_ping_check=False):
                publish(days=365)
                assert finished.wait(timeout=30), "no worker ran the task within 30 s"
    finally:
        task_success.disconnect(record, sender=delete_stale_notes)
        task_failure.disconnect(record, sender=delete_stale_notes)

    assert outcomes == [1]
    assert not Note.objects.filter(pk=stale.pk).exists()


def test_beat_deletes_stale_notes_every_night(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["delete-stale-notes"]

    assert entry["task"] == delete_stale_notes.name and entry["kwargs"] == {"days": 365}
    assert entry["schedule"].hour == {3} and entry["schedule"].minute == {0}
