"""The command line of docs/contract.md ("The command line"): each flag maps to the core call, each failure has its
message and code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scaffold import __version__
from scaffold import cli as cli_module
from scaffold.cli import cli
from scaffold.questions import OPTION_KEYS
from scaffold.tradeoffs import BY_ID

pytestmark = pytest.mark.usefixtures("tiny_templates")


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def one_line_error(result: Result, code: int, text: str) -> None:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and text in lines[0], lines[0]
    assert "Traceback" not in result.output


# -- basics ----------------------------------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"scaffold, version {__version__}"


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("new", "recommend", "frameworks"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.M)


def test_unknown_command_is_a_usage_error() -> None:
    one_line_error(run("bake"), 2, "No such command 'bake'")


# -- recommend ---------------------------------------------------------------------------------------------


def test_recommend_json_is_one_object_in_the_contract_shape() -> None:
    result = run("recommend", "--no-input", "--json", "--set", "project_type=ml_api", "--set", "data_store=none")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {"framework", "close_call", "ranking", "reasons", "stack", "runner_up", "tips"} <= data.keys()
    assert {"decided_by", "disagreements", "notes"} <= data.keys()
    assert data["framework"] == "fastapi" and data["close_call"] is False
    assert [r["framework"] for r in data["ranking"]] == ["fastapi", "flask", "django"]
    assert all(isinstance(r["score"], int) for r in data["ranking"])
    for reason in data["reasons"]:
        assert reason["tradeoff"] in BY_ID and isinstance(reason["points"], int) and reason["why"]
    assert data["stack"]["database"] == "none"


def test_recommend_table_for_people() -> None:
    result = run("recommend", "--no-input", "--set", "project_type=learning")
    assert result.exit_code == 0
    assert result.stdout.startswith("Recommended: flask")
    assert "T16" in result.stdout and "Suggested stack:" in result.stdout


def test_recommend_reports_a_close_call() -> None:
    result = run("recommend", "--no-input", "--set", "project_type=api", "--set", "team_expertise=flask")
    assert "A close call: fastapi is 1 point behind." in result.stdout
    assert "It would win with: team_expertise=none, team_expertise=flask,fastapi." in result.stdout


def test_recommend_says_how_a_tie_was_broken() -> None:
    result = run("recommend", "--no-input", "--set", "project_type=api", "--set", "team_expertise=django")
    assert result.stdout.startswith("Recommended: django")
    assert "A tie: django and fastapi tie at 3; your team already knows django, so it goes first." in result.stdout
    assert "A close call: fastapi has as many points." in result.stdout


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["--set", "colour=blue"], "--set: unknown key 'colour'; allowed keys: project_type,"),
        (["--set", "project_type=blog"], "project_type=blog is not allowed; choose one of: web_app, api,"),
        (["--set", "novalue"], "--set expects KEY=VALUE, got 'novalue'"),
        (["--set", "=x"], "--set expects KEY=VALUE, got '=x'"),
    ],
)
def test_recommend_bad_answers(args: list[str], text: str) -> None:
    one_line_error(run("recommend", "--no-input", *args), 2, text)


def test_without_a_terminal_and_without_no_input_it_fails_at_once() -> None:
    one_line_error(run("recommend", input=""), 2, "stdin is not a terminal; pass --no-input")
    one_line_error(run("new", "x", input=""), 2, "pass --no-input")


# -- answers files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.json", '{"project_type": "learning", "docker": "no"}'),
        ("a.yaml", "project_type: learning\ndocker: no\n"),  # YAML reads `no` as False
        ("a.yml", "project_type: learning\ndocker: false\n"),
        ("a.toml", 'project_type = "learning"\ndocker = false\n'),
    ],
)
def test_answers_files(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    result = run("recommend", "--no-input", "--json", "--answers", str(path))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["framework"] == "flask"


def test_set_wins_over_answers_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"project_type": "learning"}')
    result = run("recommend", "--no-input", "--json", "--answers", str(path), "--set", "project_type=ml_api")
    assert json.loads(result.stdout)["framework"] == "fastapi"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.txt", "x", "must end in one of: .json, .yaml, .yml, .toml"),
        ("a.json", "{not json", "is not valid JSON"),
        ("a.toml", "= 1", "is not valid TOML"),
        ("a.yaml", "a: [", "is not valid YAML"),
        ("a.json", "[1, 2]", "must hold a mapping of keys to values"),
        ("a.json", '{"nope": 1}', "unknown key 'nope'"),
        ("a.json", '{"project_type": ["api"]}', "project_type must be a single value, not list"),
    ],
)
def test_bad_answers_files(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    one_line_error(run("recommend", "--no-input", "--answers", str(path)), 2, message)


def test_missing_answers_file() -> None:
    one_line_error(run("recommend", "--no-input", "--answers", "nowhere.json"), 2, "does not exist")


# -- new -------------------------------------------------------------------------------------------------


def test_new_no_input_uses_the_recommendation(workdir: Path) -> None:
    result = run("new", "--no-input", "--set", "project_type=learning", "--set", "project_name=First Steps")
    assert result.exit_code == 0, result.output
    project = workdir / "first_steps"
    meta = json.loads((project / ".scaffold.json").read_text())
    assert meta["framework"] == "flask" and meta["scaffold_version"] == __version__
    assert meta["answers"]["needs"]["project_type"] == "learning"
    assert meta["answers"]["stack"] == {
        "project_name": "First Steps",
        "project_slug": "first_steps",
        "description": "A web service.",
        "author_name": "Your Name",
        "author_email": "you@example.com",
        "database": "sqlite",
        "auth": "no",
        "api": "no",
        "inference": "no",
        "tenancy": "no",
        "realtime": "no",
        "task_queue": "none",
        "error_tracking": "none",
        "docker": "no",
        "ci": "none",
    }
    assert meta["recommendation"]["framework"] == "flask"
    assert f"Created a flask project in {project}" in result.stdout


def git_config(home: Path, text: str) -> None:
    (home / ".gitconfig").write_text(text, encoding="utf-8")


def test_author_defaults_come_from_git_config(workdir: Path, isolated_home: Path) -> None:
    git_config(isolated_home, "[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n")
    assert run("new", "shop", "--no-input").exit_code == 0
    stack = json.loads((workdir / "shop" / ".scaffold.json").read_text())["answers"]["stack"]
    assert (stack["author_name"], stack["author_email"]) == ("Ada Lovelace", "ada@example.org")
    # A given answer still wins over git's.
    assert run("new", "two", "--no-input", "--set", "author_name=Grace").exit_code == 0
    assert json.loads((workdir / "two" / ".scaffold.json").read_text())["answers"]["stack"]["author_name"] == "Grace"


def test_a_git_identity_scaffold_would_refuse_is_ignored(workdir: Path, isolated_home: Path) -> None:
    git_config(isolated_home, "[user]\n\tname = Ada\n\temail = not-an-address\n")
    assert run("new", "shop", "--no-input").exit_code == 0
    stack = json.loads((workdir / "shop" / ".scaffold.json").read_text())["answers"]["stack"]
    assert (stack["author_name"], stack["author_email"]) == ("Ada", "you@example.com")


def test_directory_names_the_project(workdir: Path) -> None:
    result = run("new", "Book Club", "--no-input", "--framework", "django")
    assert result.exit_code == 0, result.output
    meta = json.loads((workdir / "Book Club" / ".scaffold.json").read_text())
    assert meta["framework"] == "django"
    assert meta["answers"]["stack"]["project_name"] == "Book Club"
    assert meta["answers"]["stack"]["project_slug"] == "book_club"


def test_dry_run_prints_the_tree_and_writes_nothing(workdir: Path) -> None:
    result = run("new", "shop", "--no-input", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ["shop/", "  .scaffold.json"]
    assert "    __init__.py" in result.stdout
    assert "Dry run: nothing was written." in result.stderr
    assert list(workdir.iterdir()) == []


def test_answers_from_scaffold_json_render_the_same_project(workdir: Path) -> None:
    first = run(
        "new",
        "one",
        "--no-input",
        "--set",
        "description={{ 7*7 }}",
        "--set",
        "database=postgresql",
        "--set",
        "user_accounts=yes",
        "--framework",
        "flask",
    )
    assert first.exit_code == 0, first.output
    again = run("new", "two", "--no-input", "--answers", str(workdir / "one" / ".scaffold.json"))
    assert again.exit_code == 0, again.output

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert files(workdir / "one") == files(workdir / "two")
    assert "{{ 7*7 }}" in (workdir / "one" / "README.md").read_text()


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["--set", "project_name="], "project_name is empty"),
        (["--set", "project_name=!!!"], "project_name=!!! gives no package name"),
        (["--set", "project_name=class"], "project_slug=class is a Python keyword"),
        (["--set", "project_name=Django"], "project_slug=django would shadow the module 'django'"),
        (["--set", "project_name=test"], "project_slug=test would shadow"),
        (["--set", "project_name=json"], "project_slug=json would shadow the module 'json'"),
        (["--set", "project_slug=My-Shop"], "project_slug=My-Shop is not a lower-case Python identifier"),
        (["--set", "description=two\nlines"], "description contains the control character '\\n'"),
        (["--set", "author_email=nobody"], "author_email=nobody is not an e-mail address"),
        (["--set", "database=mysql"], "database=mysql is not offered for flask; choose one of: sqlite, postgresql"),
        (["--set", "auth=yes", "--set", "database=none"], "auth=yes needs a database: set database=sqlite"),
        (["--framework", "django", "--set", "database=none"], "database=none is not offered for django"),
        (["--framework", "fastapi", "--set", "api=no"], "api=no is not offered for fastapi; choose one of: yes"),
        (
            ["--framework", "django", "--set", "api=yes", "--set", "inference=yes"],
            "inference=yes is not offered for django; choose one of: no",
        ),
        (["--set", "inference=yes", "--set", "api=no"], "inference=yes serves predictions through the JSON API"),
        (
            ["--framework", "django", "--set", "realtime=yes"],
            "realtime=yes is not offered for django; choose one of: no",
        ),
        (
            ["--framework", "flask", "--set", "realtime=yes", "--set", "api=no"],
            "realtime=yes in Flask streams the notes, which come with its JSON API: set api=yes",
        ),
        (
            ["--framework", "flask", "--set", "auth=yes", "--set", "tenancy=yes", "--set", "api=no"],
            "tenancy=yes in Flask scopes the notes, which come with its JSON API: set api=yes",
        ),
        (
            ["--framework", "fastapi", "--set", "tenancy=yes", "--set", "auth=no"],
            "tenancy=yes makes organisations of users: set auth=yes",
        ),
        (["--framework", "fastapi", "--set", "realtime=yes", "--set", "database=none"], "realtime=yes streams"),
        (["--set", "framework=rails"], "framework=rails is not allowed; choose one of: django, flask, fastapi"),
        (["--framework", "rails"], "framework=rails is not allowed; choose one of: django, flask, fastapi"),
    ],
)
def test_new_bad_input_writes_nothing(workdir: Path, args: list[str], text: str) -> None:
    one_line_error(run("new", "--no-input", *args), 2, text)
    assert list(workdir.iterdir()) == []


def test_a_rule_of_one_template_binds_only_that_template(workdir: Path) -> None:
    """Flask's organisations scope its API's notes; Django's have pages of their own."""
    result = run(
        "new", "svc", "--no-input", "--framework", "django", "--set", "auth=yes", "--set", "tenancy=yes",
        "--set", "api=no",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    stack = json.loads((workdir / "svc" / ".scaffold.json").read_text())["answers"]["stack"]
    assert (stack["tenancy"], stack["api"]) == ("yes", "no")


def test_a_default_that_contradicts_a_given_answer_gives_way(workdir: Path) -> None:
    result = run(
        "new", "svc", "--no-input", "--set", "user_accounts=yes", "--set", "database=none", "--framework", "flask"
    )
    assert result.exit_code == 0, result.output
    assert json.loads((workdir / "svc" / ".scaffold.json").read_text())["answers"]["stack"]["auth"] == "no"


def test_a_suggested_model_gives_way_to_a_chosen_api_no(workdir: Path) -> None:
    result = run("new", "svc", "--no-input", "--set", "project_type=ml_api", "--set", "api=no", "--framework", "flask")
    assert result.exit_code == 0, result.output
    assert json.loads((workdir / "svc" / ".scaffold.json").read_text())["answers"]["stack"]["inference"] == "no"


def test_path_like_names_stay_inside_the_parent(workdir: Path) -> None:
    result = run("new", "--no-input", "--set", "project_name=../../escape")
    assert result.exit_code == 0, result.output
    assert [p.name for p in workdir.iterdir()] == ["escape"]
    assert not (workdir.parent / "escape").exists()


def test_non_empty_directory_needs_force(workdir: Path) -> None:
    (workdir / "shop").mkdir()
    (workdir / "shop" / "mine.txt").write_text("mine")
    one_line_error(run("new", "shop", "--no-input"), 2, "is not empty; choose another DIRECTORY or pass --force")
    assert [p.name for p in (workdir / "shop").iterdir()] == ["mine.txt"]
    assert run("new", "shop", "--no-input", "--force").exit_code == 0
    assert (workdir / "shop" / "mine.txt").read_text() == "mine"
    assert (workdir / "shop" / ".scaffold.json").is_file()


def test_render_failure_exits_1_and_leaves_nothing(workdir: Path, tiny_templates: Path) -> None:
    hooks = tiny_templates / "flask" / "hooks"
    hooks.mkdir()
    (hooks / "post_gen_project.py").write_text("import sys\nsys.exit(3)\n")
    result = run("new", "shop", "--no-input", "--framework", "flask")
    assert result.exit_code == 1
    assert "Error: rendering the flask template failed" in result.stderr
    assert list(workdir.iterdir()) == []


def test_interrupt_exits_130_and_leaves_nothing(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scaffold import render

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "render", interrupted)
    result = run("new", "shop", "--no-input")
    assert result.exit_code == 130
    assert "Interrupted; nothing was written." in result.stderr
    assert list(workdir.iterdir()) == []


# -- frameworks ------------------------------------------------------------------------------------------


def test_frameworks_json_lists_each_template_with_options() -> None:
    result = run("frameworks", "--json")
    data = json.loads(result.stdout)
    by_name = {f["framework"]: f for f in data["frameworks"]}
    assert list(by_name) == ["django", "flask", "fastapi"]
    assert by_name["django"]["options"]["database"]["choices"] == ["sqlite", "postgresql"]
    assert by_name["fastapi"]["options"]["api"]["choices"] == ["yes"]
    assert set(by_name["flask"]["options"]) == set(OPTION_KEYS)


def test_frameworks_text() -> None:
    result = run("frameworks")
    assert result.exit_code == 0 and "django: Django 5.2 LTS" in result.stdout


# -- shell completion ------------------------------------------------------------------------------------


def test_set_completes_keys_and_need_values() -> None:
    complete = cli_module._complete_set
    assert "database=" in [c.value for c in complete(None, None, "data")]  # type: ignore[arg-type]
    values = [c.value for c in complete(None, None, "team_size=s")]  # type: ignore[arg-type]
    assert values == ["team_size=solo", "team_size=small"]


def test_click_completion_script_is_served() -> None:
    result = CliRunner().invoke(cli, [], prog_name="scaffold", env={"_SCAFFOLD_COMPLETE": "bash_source"})
    assert "_SCAFFOLD_COMPLETE=bash_complete" in result.stdout
