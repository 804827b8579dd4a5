"""`scaffold update --set ...` (celery, model serving) on real projects that a team has edited."""

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


def recorded_stack(project: Path) -> dict[str, str]:
    stack: dict[str, str] = json.loads((project / ".scaffold.json").read_text())["answers"]["stack"]
    return stack


def passes_its_checks(project: Path, framework: str, label: str) -> None:
    """The updated project installs, lints, type-checks and passes its own tests."""
    context = build_context(load_template(framework), recorded_stack(project))
    with services_for(context, label) as overrides:
        checked = Project(project, context, overrides)
        checked.install()
        checked.lint()
        checked.typecheck()
        checked.test()


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

    assert recorded_stack(target)["task_queue"] == "celery"
    passes_its_checks(target, framework, f"{framework}_update")


#: Options added to an edited project: the framework, the option, a file both the edit and the option
#: change, and a file only the option adds.
ADDED_OPTIONS = [
    ("fastapi", "inference", "my_service/core/config.py", "my_service/ml/artifact.json"),
    ("flask", "inference", "my_service/config.py", "my_service/ml/artifact.json"),
    ("fastapi", "realtime", "my_service/core/config.py", "my_service/core/events.py"),
    ("fastapi", "tenancy", "my_service/services/users.py", "my_service/models/organization.py"),
    ("django", "tenancy", "config/settings/base.py", "my_service/organizations/tenant.py"),
    ("flask", "tenancy", "my_service/auth/views.py", "my_service/organizations/tenant.py"),
    ("flask", "realtime", "my_service/config.py", "my_service/events.py"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("framework", "option", "edited", "added"), ADDED_OPTIONS)
def test_adding_an_option_keeps_a_users_edit_and_the_tests_pass(
    tmp_path: Path, framework: str, option: str, edited: str, added: str
) -> None:
    """The option changes the edited file too: the update merges both (and trains a model)."""
    target = tmp_path / "app"
    runner = CliRunner()
    made = runner.invoke(
        cli,
        ["new", str(target), "--no-input", "--framework", framework, "--set", "project_name=My Service"]
        + ["--set", "api=yes", "--set", "auth=yes", "--set", f"{option}=no"],
    )
    assert made.exit_code == 0, made.output
    config = target / edited
    before = config.read_text()
    config.write_text(before + EDIT)

    updated = runner.invoke(cli, ["update", str(target), "--set", f"{option}=yes"])
    assert updated.exit_code == 0, updated.output
    assert "conflict" not in updated.stdout, updated.stdout
    merged = config.read_text()
    assert merged.endswith(EDIT) and merged != before + EDIT  # the option's change and the edit
    assert (target / added).is_file()

    assert recorded_stack(target)[option] == "yes"
    passes_its_checks(target, framework, f"{framework}_update_{option}")
