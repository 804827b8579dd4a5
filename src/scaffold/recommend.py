"""recommend(needs) -> Recommendation: pure, no I/O, no third-party imports.

Each trade-off whose condition holds adds its points to the framework it names; the highest total wins.
Ties keep the order of :data:`FRAMEWORKS` only as a last resort, and are always reported as close calls.
"""

from __future__ import annotations

from .needs import FRAMEWORKS, Needs, Reason, Recommendation
from .questions import NEED_CHOICES, NEED_KEYS, OPTION_QUESTIONS
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
    """The stack options that follow from the needs, for the given framework (each option's ``suggest``)."""
    return {q.key: q.suggest(needs, framework) for q in OPTION_QUESTIONS if q.suggest is not None}


def _winner(needs: Needs) -> str:
    return rank(score(needs)[0])[0][0]


def tips(needs: Needs, runner_up: str) -> tuple[str, ...]:
    """Single answers that would put the runner-up first: what would tip a close call."""
    found = []
    for key in NEED_KEYS:
        for value in NEED_CHOICES[key]:
            if value != getattr(needs, key) and _winner(needs.replace(**{key: value})) == runner_up:
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
