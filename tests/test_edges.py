"""Broken environments and odd input, run as a real process: one line on stderr, the right code, nothing written.

Each case runs the real CLI (against the small stand-in templates) in a work folder of its own, through a
shell so that redirections like ``<&-`` and ``> /dev/full`` are real, and checks the whole contract: the
exit code, exactly one line on stderr naming the problem, no traceback anywhere, the work folder exactly as
it was, and nothing left in the temp folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.test_hostile import snapshot
from tests.tiny_template import LAUNCH, make_template, make_templates

FAILING_HOOK = "import sys\nprint('hook says no', file=sys.stderr)\nraise SystemExit(3)\n"
RECORD = {"scaffold_version": "0.1.0", "framework": "flask", "answers": {"needs": {}, "stack": {}}}


def write(name: str, text: str | bytes) -> Callable[[Path], None]:
    def setup(work: Path) -> None:
        path = work / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())

    return setup


def project(record: object, base: bytes | None = None) -> Callable[[Path], None]:
    """A folder ``p`` that claims to be a project: its record, and optionally its base archive."""

    def setup(work: Path) -> None:
        write("p/.scaffold.json", json.dumps(record))(work)
        if base is not None:
            write("p/.scaffold/base.tar.gz", base)(work)

    return setup


def team(work: Path) -> None:
    """A preset whose templates folder has a space in its name and a flask template whose hook fails."""
    make_template(work / "team templates", framework="django")
    make_template(work / "team templates", framework="flask", hooks={"post_gen_project": FAILING_HOOK})
    write("preset.toml", '[preset]\nname = "team"\ntemplates = "team templates"\n')(work)


def link(name: str, to: str, make_target: bool) -> Callable[[Path], None]:
    def setup(work: Path) -> None:
        if make_target:
            (work / to).mkdir()
        (work / name).symlink_to(work / to)

    return setup


@dataclass
class Case:
    args: list[str]
    code: int
    text: str
    setup: Callable[[Path], None] = field(default=lambda work: None)
    redirect: str = ""


CASES = {
    "slug of 240": Case(["new", "--no-input", "--set", "project_slug=" + "a" * 240], 2, "at most 58 are allowed"),
    "target name of 300": Case(["new", "x" * 300, "--no-input"], 2, "the file system allows at most 255"),
    "answers: needs a list": Case(
        ["recommend", "--no-input", "--answers", "a.json"],
        2,
        "answers.needs must be an object",
        write("a.json", json.dumps({**RECORD, "answers": {"needs": [1], "stack": {}}})),
    ),
    "answers: stack value a table": Case(
        ["new", "--no-input", "--answers", "a.json"],
        2,
        "database must be a single value, not dict",
        write("a.json", json.dumps({**RECORD, "answers": {"needs": {}, "stack": {"database": {"a": 1}}}})),
    ),
    "answers: TOML date": Case(
        ["new", "--no-input", "--answers", "a.toml"],
        2,
        "project_name must be a single value, not date",
        write("a.toml", "project_name = 1979-05-27\n"),
    ),
    "answers: FIFO": Case(
        ["recommend", "--no-input", "--answers", "a.json"],
        2,
        "is not a regular file",
        lambda work: os.mkfifo(work / "a.json"),
    ),
    "answers: not UTF-8": Case(
        ["recommend", "--no-input", "--answers", "a.json"], 2, "not UTF-8 text", write("a.json", b'{"a": "\xff"}')
    ),
    "record: [1]": Case(["check", "p"], 2, "must hold a JSON object, not list", project([1])),
    "record: a string": Case(["update", "p"], 2, "must hold a JSON object, not str", project("x")),
    "record: null": Case(["check", "p"], 2, "must hold a JSON object, not NoneType", project(None)),
    "record: needs [1]": Case(
        ["update", "p"], 2, "answers.needs must be an object", project({**RECORD, "answers": {"needs": [1]}})
    ),
    "base: junk": Case(["check", "p"], 2, "cannot be read", project(RECORD, b"junk")),
    "base: gzip, not tar": Case(
        ["update", "p"],
        2,
        "cannot be read",
        project(RECORD, bytes.fromhex("1f8b0800000000000003cb48cdc9c9070086a6103605000000")),
    ),
    "update: no such folder": Case(["update", "nosuchdir"], 2, "nosuchdir does not exist"),
    "check: a file": Case(["check", "f"], 2, "'f' is a file", write("f", "x")),
    "stdin closed: recommend": Case(["recommend"], 2, "stdin is not a terminal", redirect="<&-"),
    "stdin closed: new": Case(["new", "shop"], 2, "stdin is not a terminal", redirect="<&-"),
    "target: link to a folder": Case(
        ["new", "shop", "--no-input"], 2, "is a symbolic link", link("shop", "real", make_target=True)
    ),
    "target: dangling link": Case(
        ["new", "shop", "--no-input", "--force"], 2, "is a symbolic link", link("shop", "gone", make_target=False)
    ),
    "target: under a file": Case(["new", "f/shop", "--no-input"], 2, "is a file, not a folder", write("f", "x")),
    "target: a file": Case(["new", "f", "--no-input", "--force"], 2, "exists and is not a directory", write("f", "x")),
    "--force: folder where README.md goes": Case(
        ["new", "shop", "--no-input", "--force"],
        2,
        "is a folder where the template writes a file",
        write("shop/README.md/mine.txt", "mine"),
    ),
    "team hook fails": Case(
        ["new", "a", "--no-input", "--preset", "preset.toml", "--framework", "flask"], 1, "hook says no", team
    ),
    "stdout full": Case(["frameworks"], 2, "no space left on device", redirect="> /dev/full"),
    "stdout full, json": Case(
        ["recommend", "--no-input", "--json"], 2, "no space left on device", redirect="> /dev/full"
    ),
}
if os.geteuid() != 0:  # root writes into read-only folders; the in-process test below covers it then
    CASES["read-only parent"] = Case(
        ["new", "ro/shop", "--no-input"], 2, "permission denied", lambda work: (work / "ro").mkdir(mode=0o555)
    )


@pytest.fixture
def stand_ins(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_templates(tmp_path_factory.mktemp("templates"))


def scaffold(work: Path, stand_ins: Path, args: list[str], redirect: str = "") -> subprocess.CompletedProcess[str]:
    tmp = work.parent / "tmp"
    tmp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(tmp), "HOME": str(work.parent / "home")}
    argv = [sys.executable, "-c", LAUNCH, str(stand_ins), *args]
    return subprocess.run(
        ["bash", "-c", f'exec "$@" {redirect}', "bash", *argv],
        cwd=work,
        env=env,
        capture_output=not redirect.startswith(">"),
        stdout=subprocess.DEVNULL if redirect.startswith(">") else None,
        stderr=subprocess.PIPE if redirect.startswith(">") else None,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("name", list(CASES))
def test_one_line_the_right_code_and_nothing_written(tmp_path: Path, stand_ins: Path, name: str) -> None:
    case = CASES[name]
    work = tmp_path / "work"
    work.mkdir()
    case.setup(work)
    before = snapshot(work)
    result = scaffold(work, stand_ins, case.args, case.redirect)
    output = (result.stdout or "") + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == case.code, output
    assert len(lines) == 1 and lines[0].startswith("Error: ") and case.text in lines[0], output
    assert "Traceback" not in output
    assert snapshot(work) == before
    assert list((tmp_path / "tmp").iterdir()) == []


def test_read_only_parent_is_one_line(workdir: Path, tiny_templates: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root nothing is read-only, so the refusal of the file system is simulated where it happens."""
    from click.testing import CliRunner

    from scaffold import render
    from scaffold.cli import cli

    def refused(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied", str(workdir / "ro"))

    monkeypatch.setattr(render.tempfile, "mkdtemp", refused)
    for force in ([], ["--force"]):
        result = CliRunner().invoke(cli, ["new", "ro/shop", "--no-input", *force])
        assert result.exit_code == 2, result.output
        assert result.stderr.strip() == f"Error: {workdir / 'ro'}: permission denied"
        assert list(workdir.iterdir()) == []


def test_team_templates_in_a_folder_with_spaces_work(tmp_path: Path, stand_ins: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    team(work)
    result = scaffold(work, stand_ins, ["new", "a", "--no-input", "--preset", "preset.toml", "--framework", "django"])
    assert result.returncode == 0, result.stderr
    assert json.loads((work / "a" / ".scaffold.json").read_text())["preset"]["name"] == "team"


def test_json_answers_with_a_byte_order_mark(tmp_path: Path, stand_ins: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.json").write_bytes(b"\xef\xbb\xbf" + json.dumps({"project_type": "ml_api"}).encode())
    result = scaffold(work, stand_ins, ["recommend", "--no-input", "--json", "--answers", "a.json"])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["framework"] == "fastapi"
