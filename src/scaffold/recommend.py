"""recommend(needs) -> Recommendation: pure, no I/O, no third-party imports.

Each trade-off whose condition holds adds its points to the framework it names; the highest total wins.
Ties keep the order of :data:`FRAMEWORKS` only as a last resort, and are always reported as close calls.
"""

from __future__ import annotations

from dataclasses import replace

from .needs import FRAMEWORKS, NEED_CHOICES, NEED_KEYS, Needs, Reason, Recommendation
from .tradeoffs import TRADEOFFS

#: The top two within this many points are "close": the README explains what would tip them.
CLOSE_MARGIN = 1


def score(needs: Needs) -> tuple[dict[str, int], tuple[Reason, ...]]:
    """Points per framework and the reasons that gave them, in trade-off order."""
    totals = dict.fromkeys(FRAMEWORKS, 0)
    reasons = []
    for tradeoff in TRADEOFFS:
        if tradeoff.applies(needs):
            totals[tradeoff.favours] += tradeoff.points
            reasons.append(Reason(tradeoff.favours, tradeoff.points, tradeoff.id, tradeoff.why))
    return totals, tuple(reasons)


def rank(totals: dict[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(totals.items(), key=lambda item: (-item[1], FRAMEWORKS.index(item[0]))))


def suggest_stack(needs: Needs, framework: str) -> dict[str, str]:
    """The stack options that follow from the needs, for the given framework."""
    if not needs.relational:
        database = "none"
    elif (
        needs.team_size == "large"
        or needs.maintenance == "long"
        or needs.yes("multi_tenant")
        or needs.yes("complex_data_model")
    ):
        database = "postgresql"
    else:
        database = "sqlite"
    if framework == "django" and database == "none":
        database = "sqlite"  # Django keeps sessions, users and admin in a database of its own
    wants_api = needs.project_type in ("api", "microservice", "ml_api") or needs.yes("api_docs")
    casual = needs.project_type in ("learning", "prototype")
    return {
        "database": database,
        "auth": "yes" if needs.yes("user_accounts") and database != "none" else "no",
        "api": "yes" if framework == "fastapi" or wants_api else "no",
        "task_queue": "none",
        "docker": "no" if casual else "yes",
        "ci": "none" if needs.project_type == "learning" else "github",
    }


def _winner(needs: Needs) -> str:
    return rank(score(needs)[0])[0][0]


def tips(needs: Needs, runner_up: str) -> tuple[str, ...]:
    """Single answers that would put the runner-up first: what would tip a close call."""
    found = []
    for key in NEED_KEYS:
        for value in NEED_CHOICES[key]:
            if value != getattr(needs, key) and _winner(replace(needs, **{key: value})) == runner_up:
                found.append(f"{key}={value}")
    return tuple(found)


def recommend(needs: Needs) -> Recommendation:
    """Score every framework against the trade-offs and explain the result."""
    totals, reasons = score(needs)
    ranking = rank(totals)
    (first, top), (second, runner) = ranking[0], ranking[1]
    close = top - runner <= CLOSE_MARGIN
    return Recommendation(
        framework=first,
        close_call=close,
        ranking=ranking,
        reasons=reasons,
        stack=suggest_stack(needs, first),
        needs=needs,
        tips=tips(needs, second) if close else (),
    )
