"""recommend(needs) -> Recommendation: pure, no I/O, no third-party imports.

The rules, in the order they apply (docs/tradeoffs.md states them for users):

1. Each trade-off of :mod:`scaffold.tradeoffs` whose condition holds adds its points to the framework it
   favours, but a group of related trade-offs adds at most the group's cap to any one framework.
2. The highest total wins. A tie is broken by the team's expertise (a tied framework the team knows, if only
   one of them is known), then by the articles' default order for that kind of project. Never by list order.
3. The result is a close call when the runner-up is within :func:`close_margin` points (twice that when
   sources that disagree about the top two both applied); a close call lists the answers one change away
   that would tip it, and disagreeing sources are named whenever both apply.
"""

from __future__ import annotations

from .needs import FRAMEWORKS, Needs, Reason, Recommendation
from .questions import BY_KEY, NEED_CHOICES, NEED_KEYS, NEED_QUESTIONS, OPTION_QUESTIONS
from .templates import load_template
from .tradeoffs import BY_ID, GROUPS, TRADEOFFS, default_order


def close_margin(top: int) -> int:
    """How near the runner-up must be for a close call: one point, or a fifth of the winner's score."""
    return max(1, top // 5)


def score(needs: Needs) -> tuple[dict[str, int], tuple[Reason, ...]]:
    """Points per framework and the reasons that gave them, in trade-off order, each group capped."""
    totals = dict.fromkeys(FRAMEWORKS, 0)
    filled: dict[tuple[str, str], int] = {}
    reasons = []
    for tradeoff in TRADEOFFS:
        if not tradeoff.applies(needs):
            continue
        slot = (tradeoff.group, tradeoff.favours)
        counted = min(tradeoff.points, GROUPS[tradeoff.group] - filled.get(slot, 0))
        filled[slot] = filled.get(slot, 0) + counted
        totals[tradeoff.favours] += counted
        reasons.append(Reason(tradeoff.favours, tradeoff.points, tradeoff.id, tradeoff.why, tradeoff.group, counted))
    return totals, tuple(reasons)


def rank(totals: dict[str, int], needs: Needs) -> tuple[tuple[tuple[str, int], ...], str]:
    """The frameworks best first, and the words saying how a tie at the top was broken ("" if none)."""
    order, because = default_order(needs)
    known = needs.known

    def key(framework: str) -> tuple[int, int, int]:
        return (-totals[framework], framework not in known, order.index(framework))

    ranked = sorted(FRAMEWORKS, key=key)
    top = totals[ranked[0]]
    tied = [fw for fw in ranked if totals[fw] == top]
    decided_by = ""
    if len(tied) > 1:
        names = " and ".join(tied)
        if sum(fw in known for fw in tied) == 1:
            decided_by = f"{names} tie at {top}; your team already knows {ranked[0]}, so it goes first"
        else:
            # The default order may start with a framework outside the tie: name the whole order, so the
            # words never read as if that one had won.
            decided_by = (
                f"{names} tie at {top}; the articles' default order for this kind of project ({because}) is "
                f"{', '.join(order)}, so {ranked[0]} goes first"
            )
    return tuple((fw, totals[fw]) for fw in ranked), decided_by


def suggest_stack(needs: Needs, framework: str) -> dict[str, str]:
    """The stack options that follow from the needs, for the given framework (each option's ``suggest``)."""
    return {q.key: q.suggest(needs, framework) for q in OPTION_QUESTIONS if q.suggest is not None}


def offered_stack(needs: Needs, framework: str) -> dict[str, str]:
    """The suggestion as the framework's template can render it.

    A value the template does not offer gives way to the option's preferred value or the template's default,
    as :func:`scaffold.stack.resolve_options` does, so the "Suggested stack" line shows what would be made.
    """
    options = load_template(framework).options
    offered = {}
    for key, value in suggest_stack(needs, framework).items():
        choices = options.get(key, (value,))
        prefer = BY_KEY[key].prefer
        offered[key] = value if value in choices else prefer if prefer in choices else choices[0]
    return offered


def _winner(needs: Needs) -> str:
    return rank(score(needs)[0], needs)[0][0][0]


def _one_step(key: str, value: str) -> tuple[str, ...]:
    """The answers one change away: any other choice, or for a several-choice answer one choice added or dropped."""
    question = BY_KEY[key]
    if not question.multiple:
        return tuple(v for v in NEED_CHOICES[key] if v != value)
    held = set(question.picked(value))
    return tuple(v for v in question.values if len(held ^ set(question.picked(v))) == 1)


def tips(needs: Needs, runner_up: str) -> tuple[str, ...]:
    """Answers one change away that would put the runner-up first: what would tip a close call."""
    found = []
    for key in NEED_KEYS:
        for value in _one_step(key, needs[key]):
            if _winner(needs.replace(**{key: value})) == runner_up:
                found.append(f"{key}={value}")
    return tuple(found)


def disputed_pairs(reasons: tuple[Reason, ...]) -> tuple[tuple[str, str], ...]:
    """Pairs of applied trade-offs whose sources say opposite things, each pair once, in trade-off order."""
    applied = [r.tradeoff for r in reasons]
    return tuple(
        (tid, other)
        for tid in applied
        if (other := BY_ID[tid].disputes) in applied and applied.index(other) > applied.index(tid)
    )


def moot_notes(needs: Needs) -> tuple[str, ...]:
    """Answers given for questions that other answers made moot: they are set aside, and this says why."""
    answers = needs.as_dict()
    return tuple(
        f"{q.key}={answers[q.key]} is set aside: {q.moot}."
        for q in NEED_QUESTIONS
        if q.moot and not q.ask_if(answers) and answers[q.key] != q.default
    )


def recommend(needs: Needs) -> Recommendation:
    """Score every framework against the trade-offs and explain the result."""
    totals, reasons = score(needs)
    ranking, decided_by = rank(totals, needs)
    (first, top), (second, runner) = ranking[0], ranking[1]
    pairs = disputed_pairs(reasons)
    # Where the sources disagree about the top two, the margin for a close call doubles.
    disputed = any({BY_ID[a].favours, BY_ID[b].favours} == {first, second} for a, b in pairs)
    close = top - runner <= close_margin(top) * (2 if disputed else 1)
    return Recommendation(
        framework=first,
        close_call=close,
        ranking=ranking,
        reasons=reasons,
        stack=offered_stack(needs, first),
        needs=needs,
        tips=tips(needs, second) if close else (),
        decided_by=decided_by,
        disagreements=tuple(f"{a} ({BY_ID[a].favours}) and {b} ({BY_ID[b].favours}) both apply" for a, b in pairs),
        notes=moot_notes(needs),
    )
