"""The combination matrix of each template, baked with pytest-cookies and checked by the harness."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from scaffold.stack import CONFLICTS
from scaffold.templates import load_template
from tests.harness import Project, services_for

MATRIX_KEYS = ("database", "auth", "api", "task_queue")


def matrix(framework: str) -> list[Any]:
    """Every supported combination of the matrix keys, as pytest params with readable ids.

    Contradictory combinations (CONTRACT 3) are left out by the same rules scaffold enforces. ``docker`` and
    ``ci`` are not part of the product; they rotate through the bakes so every value is generated somewhere.
    """
    options = load_template(framework).options
    params = []
    rotation = itertools.cycle([("yes", "github"), ("no", "gitlab"), ("yes", "none")])
    for values in itertools.product(*(options[key] for key in MATRIX_KEYS)):
        combo = dict(zip(MATRIX_KEYS, values, strict=True))
        if any(conflict.applies(combo) for conflict in CONFLICTS):
            continue
        docker, ci = next(rotation)
        combo |= {"docker": docker, "ci": ci}
        label = "-".join(f"{k}={combo[k]}" for k in MATRIX_KEYS)
        params.append(pytest.param(combo, id=label))
    return params


def bake_and_check(cookies: Any, framework: str, combo: dict[str, str]) -> Project:
    template = load_template(framework)
    result = cookies.bake(extra_context={**combo, "project_name": f"{framework} bake"}, template=str(template.path))
    assert result.exception is None, result.exception
    assert result.exit_code == 0
    label = "_".join([framework, *(combo[k][:2] for k in MATRIX_KEYS)])
    with services_for(result.context, label) as overrides:
        project = Project(Path(result.project_path), result.context, overrides)
        project.check_all()
    return project


def files_of(project: Path) -> set[str]:
    return {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file() and ".venv" not in p.parts}
