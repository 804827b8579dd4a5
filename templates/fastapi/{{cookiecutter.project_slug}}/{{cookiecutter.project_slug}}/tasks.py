"""Background tasks. Arguments and results travel as JSON through Redis."""

import re

from {{ cookiecutter.project_slug }}.worker import celery_app

WORD = re.compile(r"\w+")


@celery_app.task
def count_words(text: str) -> dict[str, int]:
    """Count how often each word occurs, case-insensitively."""
    counts: dict[str, int] = {}
    for word in WORD.findall(text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts
