"""Where `new` writes: into the current folder, over existing files with --force, all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scaffold import render as render_module
from scaffold.cli import cli
from tests.test_hostile import snapshot

pytestmark = pytest.mark.usefixtures("tiny_templates")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_new_dot_renders_into_the_current_folder_itself(workdir: Path) -> None:
    """The shell that ran it stays in a live folder: the same inode, not a deleted one."""
    inode = os.stat(".").st_ino
    result = run("new", ".", "--no-input", "--framework", "flask")
    assert result.exit_code == 0, result.output
    assert os.stat(".").st_ino == inode and Path.cwd() == workdir
    assert (workdir / "README.md").read_text().startswith(f"# {workdir.name}")
    assert sorted(p.name for p in workdir.iterdir()) == [".scaffold", ".scaffold.json", "Procfile", "README.md", "work"]


def test_new_dot_with_files_needs_force_and_keeps_them(workdir: Path) -> None:
    (workdir / "notes.txt").write_text("mine\n")
    assert run("new", ".", "--no-input").exit_code == 2
    inode = os.stat(".").st_ino
    assert run("new", ".", "--no-input", "--force").exit_code == 0
    assert os.stat(".").st_ino == inode
    assert (workdir / "notes.txt").read_text() == "mine\n" and (workdir / ".scaffold.json").is_file()


@pytest.mark.parametrize("fail_at", [1, 3, 5])
def test_force_swap_is_undone_when_a_move_fails(workdir: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int) -> None:
    target = workdir / "shop"
    target.mkdir()
    (target / "README.md").write_text("the old readme\n")
    (target / "Procfile").write_text("web: old\n")
    (target / "mine.txt").write_text("mine\n")
    before = snapshot(workdir)
    real_rename, calls = os.rename, []

    def rename(src: str | Path, dst: str | Path) -> None:
        calls.append(dst)
        if len(calls) == fail_at:
            raise OSError(28, "No space left on device", str(dst))
        real_rename(src, dst)

    monkeypatch.setattr(render_module.os, "rename", rename)
    result = run("new", "shop", "--no-input", "--force")
    assert result.exit_code == 2 and "no space left on device" in result.stderr, result.output
    assert snapshot(workdir) == before


def test_a_second_run_into_a_folder_another_run_is_writing_into_is_refused(workdir: Path) -> None:
    import fcntl

    target = workdir / "shop"
    target.mkdir()
    fd = os.open(target, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        result = run("new", "shop", "--no-input")
    finally:
        os.close(fd)
    assert result.exit_code == 2 and "another scaffold run is writing into" in result.stderr
    assert list(target.iterdir()) == []
