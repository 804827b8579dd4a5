"""The templates' hooks: one body in all three, data that matches each cookiecutter.json, and a plain
``cookiecutter`` run that refuses what scaffold refuses (cookiecutter-django's negative tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cookiecutter.environment import StrictEnvironment
from cookiecutter.exceptions import FailedHookException
from cookiecutter.main import cookiecutter

from scaffold.errors import InputError
from scaffold.needs import FRAMEWORKS
from scaffold.questions import OPTION_KEYS
from scaffold.stack import CONFLICTS, SHADOWED, check_slug
from scaffold.templates import load_template

MARKER = "# ---- shared body:"
HOOKS = ("pre_gen_project", "post_gen_project")
#: Slugs each side must judge alike: good ones, and each way of being bad.
SLUGS = (
    "my_service",
    "shop2",
    "_private",
    "a" * 58,
    "a" * 59,
    "",
    "2fast",
    "My_Service",
    "my-service",
    "café",
    "class",
    "match",
    "django",
    "tests",
    "os",
    "json",
    "config",
    "manage",
    "flask_login",
    "asyncpg",
)


def hook_text(framework: str, hook: str) -> str:
    return (load_template(framework).path / "hooks" / f"{hook}.py").read_text(encoding="utf-8")


def load_hook(framework: str, hook: str, **answers: str) -> dict[str, Any]:
    """The pre-generation hook rendered with ``answers`` over the defaults, run as a module (not as main)."""
    template = load_template(framework)
    context = {key: values[0] for key, values in template.options.items()}
    context |= {"project_slug": "demo", **answers}
    source = StrictEnvironment().from_string(hook_text(framework, hook)).render(cookiecutter=context)
    namespace: dict[str, Any] = {"__name__": "hook"}
    exec(compile(source, f"{framework}/{hook}.py", "exec"), namespace)  # noqa: S102 - our own template's hook
    return namespace


@pytest.mark.parametrize("hook", HOOKS)
def test_every_template_shares_one_hook_body(hook: str) -> None:
    bodies = {fw: hook_text(fw, hook).partition(MARKER) for fw in FRAMEWORKS}
    assert all(sep for _, sep, _ in bodies.values()), "each hook marks where its shared body starts"
    assert len({body for _, _, body in bodies.values()}) == 1


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_hook_data_matches_the_template_and_scaffold(framework: str) -> None:
    hook = load_hook(framework, "pre_gen_project")
    template = load_template(framework)
    assert {key: tuple(values) for key, values in hook["CHOICES"].items()} == template.options
    assert set(hook["ANSWERS"]) == {"project_slug", *OPTION_KEYS}
    assert hook["OWN_MODULES"] == template.top_level_modules - SHADOWED
    assert hook["SHADOWED"] == SHADOWED
    assert hook["CONFLICTS"] == tuple((dict(c.when), c.message, c.frameworks) for c in CONFLICTS)
    assert hook["FRAMEWORK"] == framework


def scaffold_accepts(slug: str, taken: frozenset[str]) -> bool:
    try:
        check_slug(slug, taken=taken)
    except InputError:
        return False
    return True


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_hook_and_scaffold_judge_slugs_alike(framework: str) -> None:
    hook = load_hook(framework, "pre_gen_project")
    taken = load_template(framework).top_level_modules
    verdicts = {slug: (hook["slug_problem"](slug) is None, scaffold_accepts(slug, taken)) for slug in SLUGS}
    assert {slug for slug, (by_hook, by_us) in verdicts.items() if by_hook != by_us} == set()
    assert verdicts["my_service"] == (True, True) and verdicts["class"] == (False, False)


def refused_combinations(framework: str) -> list[dict[str, str]]:
    offered = load_template(framework).options
    return [
        dict(c.when)
        for c in CONFLICTS
        if c.applies(c.when, framework) and all(value in offered[key] for key, value in c.when.items())
    ] + [{"project_slug": slug} for slug in ("class", "2fast", "django", "a" * 59)]


CASES = [(fw, answers) for fw in FRAMEWORKS for answers in refused_combinations(fw)]


@pytest.mark.parametrize(("framework", "answers"), CASES, ids=[f"{fw}-{json.dumps(a)}" for fw, a in CASES])
def test_plain_cookiecutter_refuses_what_scaffold_refuses(
    tmp_path: Path, framework: str, answers: dict[str, str]
) -> None:
    with pytest.raises(FailedHookException):
        cookiecutter(str(load_template(framework).path), no_input=True, extra_context=answers, output_dir=str(tmp_path))
    assert list(tmp_path.iterdir()) == []
