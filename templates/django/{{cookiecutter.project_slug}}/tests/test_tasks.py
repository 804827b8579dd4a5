from datetime import timedelta
from uuid import uuid4

import pytest
from django.utils import timezone

from {{ cookiecutter.project_slug }}.notes.models import Note
from {{ cookiecutter.project_slug }}.notes.tasks import delete_stale_notes


@pytest.mark.django_db
def test_delete_stale_notes_keeps_recent_ones(user):
    stale = Note.objects.create(title="Stale", author=user)
    fresh = Note.objects.create(title="Fresh", author=user)
    Note.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(days=400))

    result = delete_stale_notes.apply(kwargs={"days": 365})

    assert result.get() == 1
    assert list(Note.objects.all()) == [fresh]


def test_tasks_are_published_to_the_redis_broker(redis_client):
    from config.celery import app

    queue = f"test-{uuid4().hex}"
    try:
        delete_stale_notes.apply_async(kwargs={"days": 365}, queue=queue)
        assert redis_client.llen(queue) == 1
    finally:
        # The queue and the routing keys kombu made for it are named after it.
        for key in redis_client.scan_iter(f"*{queue}*"):
            redis_client.delete(key)
        app.pool.force_close_all()
