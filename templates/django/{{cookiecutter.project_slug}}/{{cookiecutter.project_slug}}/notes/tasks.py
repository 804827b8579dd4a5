from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from {{ cookiecutter.project_slug }}.notes.models import Note


@shared_task
def delete_stale_notes(days: int = 365) -> int:
    """Delete notes not updated for `days` days; returns how many were deleted."""
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = Note.objects.filter(updated_at__lt=cutoff).delete()
    return deleted
