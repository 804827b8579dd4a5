"""docs/questions.md, written from the question registry so the page and the code cannot drift.

``python -m scaffold.docgen`` rewrites the page; ``tests/test_docs.py`` fails when it is out of date.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .questions import NEED_QUESTIONS, OPTION_QUESTIONS, TEXT_QUESTIONS, Question
from .stack import CONFLICTS

PAGE = Path(__file__).resolve().parents[2] / "docs" / "questions.md"


def _choices(question: Question) -> str:
    return "<br>".join(f"`{value}`: {words}" for value, words in question.choices.items())


def _table(
    questions: tuple[Question, ...], columns: tuple[str, ...], row: Callable[[Question], tuple[str, ...]]
) -> list[str]:
    lines = [f"| {' | '.join(columns)} |", f"|{'---|' * len(columns)}"]
    return lines + [f"| {' | '.join(row(q))} |" for q in questions]


def questions_markdown() -> str:
    """The page: every question scaffold can ask, its key for ``--set``, its choices and defaults."""
    lines = [
        "# The questions",
        "",
        "<!-- Written by `python -m scaffold.docgen` from src/scaffold/questions.py; do not edit by hand. -->",
        "",
        "Every question has a key; `--set KEY=VALUE`, an answers file (`--answers`), a preset and a project's",
        "`.scaffold.json` all use these keys. A question is asked only when its answer can still change the",
        "outcome; with `--no-input` every unanswered one takes its default. Where an answer comes from, and which",
        "source wins, is stated in `src/scaffold/layers.py`: template default < suggestion < preset default <",
        "given (`--set`, `--answers`, a preset's locked answers) < answered at a prompt.",
        "",
        "## What you are building (the recommender's input)",
        "",
        *_table(
            NEED_QUESTIONS,
            ("key", "question", "choices", "default"),
            lambda q: (f"`{q.key}`", q.prompt, _choices(q), f"`{q.default}`"),
        ),
        "",
        "## The stack (what the template renders)",
        "",
        "Each template offers some of these values; its `cookiecutter.json` lists them, first the default, and",
        "`scaffold frameworks` prints them. Unless you choose, each option takes what the needs suggest.",
        "",
        *_table(
            OPTION_QUESTIONS,
            ("key", "question", "choices", "in the bake matrix"),
            lambda q: (f"`{q.key}`", q.prompt, _choices(q), "yes" if q.in_matrix else "no"),
        ),
        "",
        "Answers that cannot go together are refused when you chose both, and fixed quietly when one of them",
        "was only a default or a suggestion:",
        "",
        *[f"- {conflict.message}" for conflict in CONFLICTS],
        "",
        "## Free text",
        "",
        *_table(
            TEXT_QUESTIONS,
            ("key", "question", "at most"),
            lambda q: (f"`{q.key}`", q.prompt, f"{q.limit} characters"),
        ),
        "",
        "`project_slug` follows from the project name unless given: a lower-case Python identifier that is not a",
        "keyword, not a module of the standard library and not a package the project uses. Free text is one",
        "printable line; it is data in every generated file and never evaluated as a template.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    PAGE.parent.mkdir(exist_ok=True)
    PAGE.write_text(questions_markdown(), encoding="utf-8")
    print(f"wrote {PAGE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
