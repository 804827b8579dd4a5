"""Ctrl-C, SIGTERM and SIGHUP through a real pseudo-terminal, and two runs racing for one target.

The randomized test sends a signal at a random moment (start-up, questions skipped, rendering, a hook, the
move into place) and checks the one thing that matters: what scaffold says is what is on disk. Set
SCAFFOLD_INTERRUPT_RUNS for more runs per case (the default keeps the quick suite quick on a loaded machine).
"""

from __future__ import annotations

import json
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


# -- randomized: a signal at any moment, and the message must match the file system ----------------------

RANDOM_HOOK = (
    "import os, pathlib, random, time\n"
    "pathlib.Path(os.environ['HOOK_MARKER']).write_text(str(os.getpid()))\n"
    "time.sleep(random.uniform(0, 0.4))\n"
)
SIGNALS = {"SIGINT": (signal.SIGINT, 130), "SIGTERM": (signal.SIGTERM, 143), "SIGHUP": (signal.SIGHUP, 129)}
RUNS = int(os.environ.get("SCAFFOLD_INTERRUPT_RUNS", "3"))


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def run_and_interrupt(pid: int, fd: int, delay: float, send: str) -> tuple[int, str]:
    """Let it run ``delay`` seconds, then signal it (Ctrl-C through the terminal); its code and everything it said.

    The delay starts once scaffold's start-up guard is in place: before that the interpreter is still
    starting (the console script imports ``re`` before scaffold), and Python's own start-up is not ours.
    """
    seen, deadline = "", time.monotonic() + 30
    while not guarded(pid) and time.monotonic() < deadline:
        seen += drain(fd)
        time.sleep(0.002)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), seen + drain(fd)
        seen += drain(fd)
        time.sleep(0.01)
    if send == "SIGINT":
        os.write(fd, b"\x03")  # the terminal signals its foreground group; a hook has a group of its own
    else:
        os.kill(pid, SIGNALS[send][0])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        seen += drain(fd)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), seen + drain(fd)
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError(f"the program did not exit after {send}; it said:\n{seen}")


def guarded(pid: int) -> bool:
    """Whether the process catches SIGHUP, which only scaffold's start-up guard does (or it has exited)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    caught = next((line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), "0")
    return bool(int(caught, 16) & (1 << (signal.SIGHUP - 1))) or "State:\tZ" in status


def drain(fd: int) -> str:
    import select

    text = ""
    while select.select([fd], [], [], 0)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        text += chunk.decode(errors="replace")
    return text


@pytest.mark.parametrize("force", [False, True], ids=["new", "force"])
@pytest.mark.parametrize("send", list(SIGNALS))
def test_random_interrupts_leave_what_the_message_says(
    tmp_path: Path, env: dict[str, str], send: str, force: bool
) -> None:
    import random

    root = tmp_path / "templates"
    for framework in ("django", "flask", "fastapi"):
        make_template(root, framework=framework, hooks={"post_gen_project": RANDOM_HOOK})
    seen_outcomes = set()
    for attempt in range(RUNS):
        work = tmp_path / f"work{attempt}"
        target = work / "shop"
        target.mkdir(parents=True)
        if force:
            (target / "README.md").write_text("the old readme\n")
            (target / "mine.txt").write_text("mine\n")
        before = tree(target)
        marker = Path(env["HOOK_MARKER"])
        marker.unlink(missing_ok=True)
        args = [str(root), "new", "shop", "--no-input", "--framework", "flask", *(["--force"] if force else [])]
        pid, fd = spawn(args, work, env)
        code, said = run_and_interrupt(pid, fd, random.uniform(0.0, 2.5), send)
        os.close(fd)

        assert "Traceback" not in said, said
        if "Created a flask project" in said:
            outcome = "finished"  # a signal after the end may still kill the interpreter as it exits
            assert code in (0, -SIGNALS[send][0], SIGNALS[send][1]), said
        else:
            assert code == SIGNALS[send][1], said
            outcome = "nothing" if "nothing was written" in said else "written"
            assert outcome == "nothing" or "the project was written to" in said, said
        if outcome == "nothing":
            assert tree(target) == before  # exactly what was there: for --force the old files, else empty
        else:
            after = tree(target)
            assert after["README.md"].startswith(b"# shop") and ".scaffold.json" in after
            assert (not force) or after["mine.txt"] == b"mine\n"
        assert [p.name for p in work.iterdir()] == ["shop"]  # no staging folder beside it
        assert not [p for p in target.iterdir() if p.name.startswith(".scaffold-")]  # nor inside it
        assert list(Path(env["TMPDIR"]).iterdir()) == []
        if marker.exists():
            hook = int(marker.read_text() or 0)
            assert hook == 0 or not alive(hook), "the hook outlived scaffold"
        seen_outcomes.add(outcome)
    print(f"{send} {'--force' if force else ''}: {sorted(seen_outcomes)}")


# -- two runs into one target never merge ---------------------------------------------------------------


@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "empty-folder"])
def test_two_runs_into_one_target_never_merge(tmp_path: Path, env: dict[str, str], existing: bool) -> None:
    import subprocess

    root = tmp_path / "templates"
    for framework in ("django", "flask", "fastapi"):
        make_template(root, framework=framework, hooks={"post_gen_project": RANDOM_HOOK})
    for attempt in range(3):
        work = tmp_path / f"race{attempt}"
        work.mkdir()
        if existing:
            (work / "shop").mkdir()
        runs = {
            framework: subprocess.Popen(
                [sys.executable, "-c", LAUNCH, str(root), "new", "shop", "--no-input", "--framework", framework],
                cwd=work,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for framework in ("django", "fastapi")
        }
        results = {fw: (proc.wait(timeout=120), *proc.communicate()) for fw, proc in runs.items()}
        winners = [fw for fw, (code, _, _) in results.items() if code == 0]
        assert len(winners) == 1, results
        loser = next(fw for fw in results if fw not in winners)
        code, _, err = results[loser]
        assert code == 2 and err.count("\n") == 1 and err.startswith("Error: "), results
        record = json.loads((work / "shop" / ".scaffold.json").read_text())
        assert record["framework"] == winners[0]
        assert [p.name for p in work.iterdir()] == ["shop"]
        assert sorted(tree(work / "shop")) == [
            ".scaffold.json",
            ".scaffold/base.tar.gz",
            "Procfile",
            "README.md",
            "shop/__init__.py",
        ]


@pytest.mark.parametrize("send", list(SIGNALS))
def test_random_interrupts_of_update_leave_what_the_message_says(
    tmp_path: Path, env: dict[str, str], send: str
) -> None:
    import random
    import shutil
    import subprocess

    from tests.test_update import V1, V2, version

    v1, v2 = version(tmp_path / "v1", V1), version(tmp_path / "v2", V2)
    pristine = tmp_path / "pristine"
    pristine.mkdir()
    made = subprocess.run(
        [sys.executable, "-c", LAUNCH, str(v1), "new", "shop", "--no-input", "--framework", "flask"],
        cwd=pristine,
        env=env,
        capture_output=True,
    )
    assert made.returncode == 0, made.stderr
    before = tree(pristine / "shop")
    updated = tmp_path / "updated"
    shutil.copytree(pristine, updated)
    subprocess.run([sys.executable, "-c", LAUNCH, str(v2), "update", "shop"], cwd=updated, env=env)
    after = tree(updated / "shop")
    assert after != before
    for attempt in range(RUNS):
        work = tmp_path / f"update{attempt}"
        shutil.copytree(pristine, work)
        pid, fd = spawn([str(v2), "update", "shop"], work, env)
        code, said = run_and_interrupt(pid, fd, random.uniform(0.0, 2.0), send)
        os.close(fd)
        assert "Traceback" not in said, said
        now = tree(work / "shop")
        if "Updated shop" in said:
            assert now == after, said
        elif "nothing was written" in said:
            assert code == SIGNALS[send][1] and now == before, said
        else:
            assert code == SIGNALS[send][1] and "was updated completely" in said and now == after, said
        assert list(Path(env["TMPDIR"]).iterdir()) == []
