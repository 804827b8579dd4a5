"""docs/questions.md and docs/tradeoffs.md, written from the registry and the trade-offs so neither can drift.

``python -m scaffold.docgen`` rewrites both pages; ``tests/test_docs.py`` fails when one is out of date.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .questions import NEED_QUESTIONS, OPTION_QUESTIONS, TEXT_QUESTIONS, Question
from .recommend import close_margin
from .stack import CONFLICTS
from .tradeoffs import BY_ID, DEFAULT_ORDER, GROUPS, RETIRED, SOURCES, TRADEOFFS

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGE = DOCS / "questions.md"
TRADEOFFS_PAGE = DOCS / "tradeoffs.md"


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


def tradeoffs_markdown() -> str:
    """The page: the sources, the scoring rules, and every trade-off with what each source claims."""
    lines = [
        "# The trade-offs",
        "",
        "<!-- Written by `python -m scaffold.docgen` from src/scaffold/tradeoffs.py; do not edit by hand. -->",
        "",
        "`scaffold recommend` weighs Django, Flask and FastAPI with the trade-offs below. Each comes from five",
        "published comparison articles, cited by file name; what each article claims is paraphrased here, never",
        "quoted. The articles themselves are not part of this repository.",
        "",
        "## The sources",
        "",
        "| file | what it is |",
        "|---|---|",
        *[f"| `{name}` | {what} |" for name, what in SOURCES.items()],
        "",
        "## How the score is made",
        "",
        "1. Each trade-off whose condition holds adds its points to the framework it favours. Points are never",
        "   negative: a weakness of one framework is written as the strength of another.",
        "2. Related trade-offs form a group: one idea said several ways. Per framework, a group adds at most its",
        "   cap, so one answer cannot stack restatements of one idea. The team's expertise and the built-in",
        "   pieces of a multi-user site are the heaviest groups.",
        "3. The highest total wins. A tie is broken by the team's expertise (the one tied framework the team",
        "   knows), then by the articles' default order for the kind of project (below); never by list order.",
        "   The output says which rule decided.",
        f"4. A close call: the runner-up is within {close_margin(0)} point, or a fifth of the winner's score if",
        "   that is more; twice that where sources that disagree about the top two both apply. A close call",
        "   lists the answers one change away that would tip it. Disagreeing sources are named whenever both apply.",
        "",
        "| group | cap |",
        "|---|---|",
        *[f"| {group} | {cap} |" for group, cap in GROUPS.items()],
        "",
        "### The articles' default order, for ties",
        "",
        "| kind of project | order | why |",
        "|---|---|---|",
        *[f"| `{kind}` | {', '.join(order)} | {why} |" for kind, (order, why) in DEFAULT_ORDER.items()],
        "",
        "## The trade-offs",
        "",
    ]
    for t in TRADEOFFS:
        lines += [
            f"### {t.id}: {t.favours} +{t.points} ({t.group})",
            "",
            t.claim,
            "",
            f"- Applies when: {t.trigger}.",
            *[f"- `{name}`: {says}" for name, says in t.sources.items()],
        ]
        if t.disputes:
            lines.append(f"- The sources disagree: see {t.disputes} ({BY_ID[t.disputes].favours}).")
        lines.append("")
    lines += ["## Retired ids", "", "Never reused.", ""]
    lines += [f"- {tid}: {why}." for tid, why in RETIRED.items()]
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    DOCS.mkdir(exist_ok=True)
    for page, text in ((PAGE, questions_markdown()), (TRADEOFFS_PAGE, tradeoffs_markdown())):
        page.write_text(text, encoding="utf-8")
        print(f"wrote {page}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
