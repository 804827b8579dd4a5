"""Ctrl-C and SIGTERM, through a real pseudo-terminal: during the prompts and during rendering."""

from __future__ import annotations

import os
import pty
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.tiny_template import LAUNCH, make_template

SLOW_HOOK = "import os, pathlib, time\npathlib.Path(os.environ['HOOK_MARKER']).write_text('started')\ntime.sleep(10)\n"


def spawn(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the program on the terminal
        os.chdir(cwd)
        os.execve(sys.executable, [sys.executable, "-c", LAUNCH, *args], env)
    return pid, fd


def read_until(fd: int, text: str, timeout: float = 30) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    while text not in seen:
        if time.monotonic() > deadline:
            raise AssertionError(f"never saw {text!r}; the terminal showed:\n{seen[-2000:]}")
        try:
            seen += os.read(fd, 4096).decode(errors="replace")
        except OSError:
            break
    return seen


def exit_code(pid: int, fd: int, timeout: float = 30) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.read(fd, 4096)  # keep the terminal drained so the program can finish writing
        except OSError:
            pass
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError("the program did not exit")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    return {**os.environ, "TMPDIR": str(private_tmp), "TERM": "xterm", "HOOK_MARKER": str(tmp_path / "marker")}


def leftovers(work: Path, env: dict[str, str]) -> list[str]:
    return sorted(p.name for p in [*work.iterdir(), *Path(env["TMPDIR"]).iterdir()])


@pytest.mark.parametrize(("send", "code"), [("ctrl-c", 130), ("sigterm", 143)])
def test_interrupt_at_a_prompt(tmp_path: Path, env: dict[str, str], send: str, code: int) -> None:
    work = tmp_path / "work"
    work.mkdir()
    pid, fd = spawn(["-", "new", "shop"], work, env)
    read_until(fd, "What are you building?")
    if send == "ctrl-c":
        os.write(fd, b"\x03")
    else:
        os.kill(pid, signal.SIGTERM)
    assert exit_code(pid, fd) == code
    assert leftovers(work, env) == []


@pytest.mark.parametrize(("send", "code"), [("ctrl-c", 130), ("sigterm", 143)])
def test_interrupt_while_a_hook_runs(tmp_path: Path, env: dict[str, str], send: str, code: int) -> None:
    root = tmp_path / "templates"
    for framework in ("django", "flask", "fastapi"):
        make_template(root, framework=framework, hooks={"post_gen_project": SLOW_HOOK})
    work = tmp_path / "work"
    work.mkdir()
    pid, fd = spawn([str(root), "new", "shop", "--no-input", "--framework", "flask"], work, env)
    deadline = time.monotonic() + 30
    while not Path(env["HOOK_MARKER"]).exists():
        assert time.monotonic() < deadline, "the hook never started"
        time.sleep(0.05)
    if send == "ctrl-c":
        os.write(fd, b"\x03")  # the terminal signals the whole foreground group, hook included
    else:
        os.kill(pid, signal.SIGTERM)  # a supervisor stopping scaffold alone
    assert exit_code(pid, fd) == code
    assert leftovers(work, env) == []
