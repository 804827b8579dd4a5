"""The combination matrix of each template, baked with pytest-cookies and checked by the harness and the clients."""

from __future__ import annotations

import importlib
import itertools
import random
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from scaffold.layers import Answers
from scaffold.questions import MATRIX_KEYS, OPTION_QUESTIONS
from scaffold.render import build_context, render
from scaffold.stack import CONFLICTS, resolve_options, resolve_text
from scaffold.templates import Template, load_template
from tests.clients import production
from tests.clients.record import record
from tests.harness import Project, services_for

#: Each template's fullest combination, and its smallest: the first value of each list that it offers.
FULLEST = {q.key: q.fullest for q in OPTION_QUESTIONS if q.in_matrix}
SMALLEST = {q.key: q.smallest for q in OPTION_QUESTIONS if q.in_matrix}
SEED = 11
Combo = dict[str, str]


def valid(combo: Mapping[str, str], framework: str) -> bool:
    return not any(conflict.applies(combo, framework) for conflict in CONFLICTS)


def pairs_of(combo: Mapping[str, str]) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    return set(itertools.combinations(sorted(combo.items()), 2))


def pairwise(
    options: Mapping[str, tuple[str, ...]], required: list[Combo], framework: str, tries: int = 20
) -> list[Combo]:
    """``required`` plus a small set of valid combinations that covers every valid pair of option values.

    A pair is valid when some valid combination holds it. Greedy: each step takes a candidate covering most
    of the pairs still uncovered (ties broken by a seeded random draw), then drops any pick whose pairs the
    others cover. The smallest result over ``tries`` fixed seeds wins, so every run bakes the same set.
    """
    keys = list(options)
    candidates = [dict(zip(keys, values, strict=True)) for values in itertools.product(*options.values())]
    covering = [(combo, pairs_of(combo)) for combo in candidates if valid(combo, framework)]
    every_pair = set().union(*(pairs for _, pairs in covering))
    required = [combo for index, combo in enumerate(required) if combo not in required[:index]]
    best: list[Combo] = []
    for seed in range(SEED, SEED + tries):
        draw = random.Random(seed).random
        chosen = list(required)
        uncovered = every_pair - set().union(*(pairs_of(combo) for combo in chosen))
        while uncovered:
            combo, pairs = max(covering, key=lambda candidate: (len(candidate[1] & uncovered), draw()))
            chosen.append(combo)
            uncovered -= pairs
        for index in range(len(chosen) - 1, len(required) - 1, -1):
            others = set().union(*(pairs_of(combo) for combo in chosen[:index] + chosen[index + 1 :]))
            if pairs_of(chosen[index]) <= others:
                del chosen[index]
        if not best or len(chosen) < len(best):
            best = chosen
    return best


def extremes(options: Mapping[str, tuple[str, ...]], framework: str) -> list[Combo]:
    """The fullest and the smallest combination a template offers (each made valid by CONFLICTS' fixes)."""
    fullest = {key: FULLEST[key] if FULLEST[key] in values else values[-1] for key, values in options.items()}
    smallest = {
        key: next((value for value in SMALLEST[key] if value in values), values[0]) for key, values in options.items()
    }
    for combo in (fullest, smallest):
        for conflict in CONFLICTS:
            if conflict.applies(combo, framework):
                combo[conflict.fix_key] = conflict.fix_value
    return [fullest, smallest]


#: Options whose values read well alone in a test id; the others show as key_value.
BARE_IN_IDS = ("database", "task_queue")


def combo_id(combo: Mapping[str, str]) -> str:
    """``postgresql-auth_yes-api_yes-celery-docker_yes-ci_github``: readable, and usable with ``-k``."""
    return "-".join(value if key in BARE_IN_IDS else f"{key}_{value}" for key, value in combo.items())


def matrix(framework: str) -> list[Any]:
    """The pairwise bake set of a template, as pytest params with readable ids (the full product no longer fits CI).

    Options come from the template itself; contradictory combinations (docs/questions.md) are left out by the same
    rules scaffold enforces.
    """
    options = {key: values for key, values in load_template(framework).options.items() if key in MATRIX_KEYS}
    combos = pairwise(options, extremes(options, framework), framework)
    return [pytest.param(combo, id=combo_id(combo)) for combo in combos]


def client_module(framework: str) -> ModuleType | None:
    """``tests/clients/<framework>.py``, the framework's own client checks, when its author has written it."""
    name = f"tests.clients.{framework}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name != name:
            raise
        return None


def run_clients(project: Project, framework: str, label: str) -> None:
    """The harness checks, the production smoke, then the framework's own client checks; timings recorded."""
    started = time.monotonic()
    try:
        project.check_all()
        module = client_module(framework)
        extra: Callable[..., None] | None = getattr(module, "production_checks", None)
        production.smoke(project, extra=extra)
        if module is not None and hasattr(module, "check"):
            clients_started = time.monotonic()
            module.check(project)
            project.timings["framework-clients"] = time.monotonic() - clients_started
    finally:
        project.timings["total"] = time.monotonic() - started
        figures = {step: round(seconds, 1) for step, seconds in project.timings.items()}
        record("bake", label, **figures)
        print(f"bake {label}: " + ", ".join(f"{step} {seconds}s" for step, seconds in figures.items()))


def bake_and_check(cookies: Any, framework: str, combo: dict[str, str]) -> Project:
    template = load_template(framework)
    result = cookies.bake(extra_context={**combo, "project_name": f"{framework} bake"}, template=str(template.path))
    assert result.exception is None, result.exception
    assert result.exit_code == 0
    label = f"{framework}-{combo_id(combo)}"
    with services_for(result.context, "_".join([framework, *(combo[k][:2] for k in MATRIX_KEYS)])) as overrides:
        project = Project(Path(result.project_path), result.context, overrides)
        run_clients(project, framework, label)
    return project


def files_of(project: Path) -> set[str]:
    return {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file() and ".venv" not in p.parts}


def render_through_scaffold(template: Template, given: Mapping[str, str], folder: Path) -> tuple[Path, dict[str, Any]]:
    """Render with scaffold's own renderer (answers stay data; plain cookiecutter would evaluate them)."""
    answers = Answers(given=dict(given))
    stack = {**resolve_text(template, answers), **resolve_options(template, answers)}
    path = render(template, stack, folder / stack["project_slug"], force=False, record=None)
    return path, build_context(template, stack)
