"""Background tasks. Arguments and results travel as JSON through Redis."""

import logging
import re
from datetime import UTC, datetime

from {{ cookiecutter.project_slug }}.worker import celery_app

WORD = re.compile(r"\w+")
logger = logging.getLogger(__name__)


@celery_app.task
def count_words(text: str) -> dict[str, int]:
    """Count how often each word occurs, case-insensitively."""
    counts: dict[str, int] = {}
    for word in WORD.findall(text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts


@celery_app.task
def heartbeat() -> str:
    """The example periodic task, every five minutes on beat's schedule (worker.py): a line in the
    logs that shows workers take scheduled work. Replace it with your own."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    logger.info("heartbeat at %s", now)
    return now
