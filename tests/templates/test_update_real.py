"""`scaffold update --set task_queue=celery` on real Flask and Django projects that a team has edited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scaffold.cli import cli
from scaffold.render import build_context
from scaffold.templates import load_template
from tests.harness import Project, services_for

EDIT = "\n\n# The team's own note: this line must survive every update.\n"


def views_file(project: Path) -> Path:
    found = sorted(p for p in project.rglob("views.py") if "tests" not in p.parts)
    assert found, "the template has no views.py to edit"
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize("framework", ["flask", "django"])
def test_adding_celery_keeps_a_users_edit_and_the_tests_pass(tmp_path: Path, framework: str) -> None:
    target = tmp_path / "app"
    runner = CliRunner()
    made = runner.invoke(
        cli,
        [
            "new",
            str(target),
            "--no-input",
            "--framework",
            framework,
            "--set",
            "user_accounts=yes",
            "--set",
            "task_queue=none",
        ],
    )
    assert made.exit_code == 0, made.output
    view = views_file(target)
    view.write_text(view.read_text() + EDIT)

    updated = runner.invoke(cli, ["update", str(target), "--set", "task_queue=celery"])
    assert updated.exit_code == 0, updated.output
    assert "conflict" not in updated.stdout, updated.stdout
    assert view.read_text().endswith(EDIT)

    stack = json.loads((target / ".scaffold.json").read_text())["answers"]["stack"]
    assert stack["task_queue"] == "celery"
    context = build_context(load_template(framework), stack)
    with services_for(context, f"{framework}_update") as overrides:
        project = Project(target, context, overrides)
        project.install()
        project.lint()
        project.typecheck()
        project.test()
