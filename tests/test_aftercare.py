"""`new --git` and `new --install`: optional, and a missing or failing tool is a clear message."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from scaffold.cli import cli

pytestmark = pytest.mark.usefixtures("tiny_templates")


def test_git_makes_a_first_commit_signed_by_the_author(workdir: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "new",
            "shop",
            "--no-input",
            "--git",
            "--set",
            "author_name=Ada Lovelace",
            "--set",
            "author_email=ada@example.com",
        ],
    )
    assert result.exit_code == 0, result.output
    log = subprocess.run(
        ["git", "log", "--format=%an <%ae>|%s"], cwd=workdir / "shop", capture_output=True, text=True, check=True
    ).stdout.strip()
    assert log.startswith("Ada Lovelace <ada@example.com>|Start shop from scaffold")
    status = subprocess.run(["git", "status", "--porcelain"], cwd=workdir / "shop", capture_output=True, text=True)
    assert status.stdout == ""


def test_missing_git_is_a_message_and_the_project_stays(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "git" else real_which(name, *a, **k))
    result = CliRunner().invoke(cli, ["new", "shop", "--no-input", "--git"])
    assert result.exit_code == 1
    assert (
        result.stderr.strip() == f"Error: the project is in {workdir / 'shop'}, but --git needs git, which is "
        "not installed"
    )
    assert (workdir / "shop" / ".scaffold.json").is_file()


def test_failing_install_is_a_message_and_the_project_stays(workdir: Path) -> None:
    # The stand-in template has no pyproject.toml, so installing it must fail, and say so in one line.
    result = CliRunner().invoke(cli, ["new", "shop", "--no-input", "--install"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: the project is in {workdir / 'shop'}, but ")
    assert "install failed" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (workdir / "shop" / ".scaffold.json").is_file()
