"""`scaffold update` across two real versions of a template, and `scaffold check`'s exit codes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scaffold import plan as plan_module
from scaffold import templates
from scaffold import update as update_module
from scaffold.cli import cli
from tests.tiny_template import make_template

LINES = [f"line {i}" for i in range(1, 13)]


def text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def edit(lines: list[str], index: int, value: str) -> list[str]:
    changed = list(lines)
    changed[index] = value
    return changed


V1 = {
    "README.md": "# {{ cookiecutter.project_name }}\n",
    "both.txt": text(LINES),
    "overlap.txt": text(LINES),
    "untouched.txt": text(LINES),
    "deleted.txt": text(LINES),
    "deleted_edited.txt": text(LINES),
    "old_name.py": text(LINES),
    "tasks.py": "{% if cookiecutter.task_queue == 'celery' %}def ping() -> str:\n    return 'pong'\n{% endif %}",
}
V2 = {
    "README.md": "# {{ cookiecutter.project_name }}\n",
    "both.txt": text(edit(LINES, 9, "line 10 from the template")),
    "overlap.txt": text(edit(LINES, 4, "line 5 from the template")),
    "untouched.txt": text(edit(LINES, 0, "line 1 from the template")),
    "deleted_edited.txt": text(LINES),  # replaced below: v2 removes both deleted files
    "new_name.py": text(edit(LINES, 11, "line 12 from the template")),
    "added.txt": "new in v2\n",
    "tasks.py": "{% if cookiecutter.task_queue == 'celery' %}def ping() -> str:\n    return 'pong'\n{% endif %}",
}
del V2["deleted_edited.txt"]
REMOVE_EMPTY = "import pathlib\nt = pathlib.Path('tasks.py')\nif not t.read_text().strip():\n    t.unlink()\n"


def version(root: Path, files: dict[str, str]) -> Path:
    """Both fixture versions name their template folder "flask", as a newer scaffold would ship it."""
    for framework in ("django", "flask", "fastapi"):
        make_template(root, framework=framework, files=files, hooks={"post_gen_project": REMOVE_EMPTY})
    return root


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    return version(tmp_path / "v1", V1), version(tmp_path / "v2", V2)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def project(versions: tuple[Path, Path], workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project made from v1, edited by its user, with the templates then upgraded to v2."""
    v1, v2 = versions
    monkeypatch.setattr(templates, "template_root", lambda: v1)
    result = run("new", "shop", "--no-input", "--framework", "flask")
    assert result.exit_code == 0, result.output
    project = workdir / "shop"
    (project / "both.txt").write_text(text(edit(LINES, 1, "line 2 mine")))
    (project / "overlap.txt").write_text(text(edit(LINES, 4, "line 5 mine")))
    (project / "deleted_edited.txt").write_text(text(edit(LINES, 0, "kept by me")))
    (project / "old_name.py").write_text(text(edit(LINES, 2, "line 3 mine")))
    (project / "notes.md").write_text("my own file\n")
    monkeypatch.setattr(templates, "template_root", lambda: v2)
    for module in (plan_module, update_module):
        monkeypatch.setattr(module, "__version__", "9.9.9")
    return project


def test_update_merges_three_ways_and_loses_nothing(project: Path) -> None:
    result = run("update", str(project))
    assert result.exit_code == 1, result.output  # like `git merge`: conflict markers were written
    read = {p: (project / p).read_text() for p in ("both.txt", "overlap.txt", "untouched.txt")}

    assert read["both.txt"] == text(edit(edit(LINES, 1, "line 2 mine"), 9, "line 10 from the template"))
    assert read["untouched.txt"] == text(edit(LINES, 0, "line 1 from the template"))
    assert "<<<<<<< yours\nline 5 mine\n=======\nline 5 from the template\n>>>>>>> scaffold" in read["overlap.txt"]

    assert (project / "added.txt").read_text() == "new in v2\n"
    assert not (project / "deleted.txt").exists()
    assert (project / "deleted_edited.txt").read_text().startswith("kept by me")
    assert not (project / "old_name.py").exists()
    renamed = (project / "new_name.py").read_text()
    assert "line 3 mine" in renamed and "line 12 from the template" in renamed
    assert (project / "notes.md").read_text() == "my own file\n"
    assert not list(project.rglob("*.rej")) and not list(project.rglob("*.orig"))

    assert "overlap.txt" in result.stdout.splitlines()[-1]
    assert "keep     deleted_edited.txt  (the template removed it; your edits keep it here)" in result.stdout
    assert "rename   old_name.py -> new_name.py" in result.stdout
    assert json.loads((project / ".scaffold.json").read_text())["scaffold_version"] == "9.9.9"


def test_dry_run_shows_the_plan_and_writes_nothing(project: Path) -> None:
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = run("update", str(project), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Would update shop")
    for line in (
        "update   untouched.txt",
        "merge    both.txt",
        "conflict overlap.txt",
        "add      added.txt",
        "delete   deleted.txt",
    ):
        assert line in result.stdout
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_changing_an_answer_on_the_way(project: Path) -> None:
    result = run("update", str(project), "--set", "task_queue=celery")
    assert result.exit_code == 1, result.output  # overlap.txt conflicts
    assert "def ping()" in (project / "tasks.py").read_text()
    assert json.loads((project / ".scaffold.json").read_text())["answers"]["stack"]["task_queue"] == "celery"
    again = run("update", str(project))  # nothing left to do, and the answer stays changed
    assert "nothing to change" in again.stdout and (project / "tasks.py").exists()


def test_bad_answer_on_the_way_is_refused(project: Path) -> None:
    result = run("update", str(project), "--set", "task_queue=rq")
    assert result.exit_code == 2
    assert "task_queue=rq is not offered for flask; choose one of: none, celery" in result.stderr


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


def test_dirty_git_tree_is_refused_unless_forced(project: Path) -> None:
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "start")
    (project / "both.txt").write_text("uncommitted\n")
    result = run("update", str(project))
    assert result.exit_code == 2 and "has uncommitted changes; commit or stash them first" in result.stderr
    assert (project / "both.txt").read_text() == "uncommitted\n"
    assert run("update", str(project), "--force").exit_code == 1  # applied, with overlap.txt in conflict


def test_check_exit_codes(project: Path, workdir: Path) -> None:
    behind = run("check", str(project))
    assert behind.exit_code == 1 and "is behind scaffold 9.9.9" in behind.stdout
    data = json.loads(run("check", str(project), "--json").stdout)
    assert data["status"] == "behind"
    assert {"path": "added.txt", "action": "add", "note": "", "from": None} in data["changes"]
    assert run("update", str(project)).exit_code == 1
    current = run("check", str(project), "--json")
    assert current.exit_code == 0 and json.loads(current.stdout)["status"] == "current"
    (workdir / "plain").mkdir()
    missing = run("check", str(workdir / "plain"))
    assert missing.exit_code == 2 and "has no .scaffold.json" in missing.stderr
