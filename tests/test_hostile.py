"""A project's `.scaffold/base.tar.gz` and `.scaffold.json` are hostile until validated; links are never followed.

Every case: one line on stderr, exit 2, and nothing inside or outside the project changes.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scaffold import plan as plan_module
from scaffold import templates
from scaffold import update as update_module
from scaffold.cli import cli
from scaffold.errors import UnsafeError
from scaffold.snapshot import MAX_MEMBER_SIZE, MAX_MEMBERS, File, pack, unpack
from tests.test_update import V1, V2, version

BASE = ".scaffold/base.tar.gz"
pytestmark = pytest.mark.usefixtures("tiny_templates")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def one_line_error(result: Result, code: int, text: str) -> None:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and text in lines[0], result.stderr
    assert "Traceback" not in result.output


def snapshot(*roots: Path) -> dict[str, tuple[str, bytes]]:
    """Every entry under the roots: its kind and content (a link's target), to prove nothing changed."""
    seen = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_symlink():
                seen[str(path)] = ("link", os.readlink(path).encode())
            elif path.is_file():
                seen[str(path)] = ("file", path.read_bytes())
            else:
                seen[str(path)] = ("dir", b"")
    return seen


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """Files outside the project that a hostile archive or link points at."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "victim.txt").write_text(V1["deleted.txt"])
    (folder / "secret.txt").write_text("do not read me\n")
    return folder


@pytest.fixture
def project(tmp_path: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project made from v1, with the templates then upgraded to v2 (which adds, removes and renames)."""
    v1, v2 = version(tmp_path / "v1", V1), version(tmp_path / "v2", V2)
    monkeypatch.setattr(templates, "template_root", lambda: v1)
    assert run("new", "shop", "--no-input", "--framework", "flask").exit_code == 0
    monkeypatch.setattr(templates, "template_root", lambda: v2)
    for module in (plan_module, update_module):
        monkeypatch.setattr(module, "__version__", "9.9.9")
    return workdir / "shop"


def tar_gz(add: Callable[[tarfile.TarFile], None]) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        add(tar)
    return gzip.compress(raw.getvalue())


def member(name: str, data: bytes = b"x\n", kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.type, info.linkname = (len(data) if kind == tarfile.REGTYPE else 0), kind, link
    return info


def archive(*entries: tuple[tarfile.TarInfo, bytes]) -> bytes:
    def add(tar: tarfile.TarFile) -> None:
        for info, data in entries:
            tar.addfile(info, io.BytesIO(data) if info.isreg() else None)

    return tar_gz(add)


def victim_data(outside: Path) -> bytes:
    return (outside / "victim.txt").read_bytes()


HOSTILE: dict[str, Callable[[Path], bytes]] = {
    # update took the outside file for "unchanged, removed by the template" and deleted it
    "absolute path": lambda out: archive((member(str(out / "victim.txt"), victim_data(out)), victim_data(out))),
    "parent path": lambda out: archive((member("../../outside/victim.txt", victim_data(out)), victim_data(out))),
    "dot part": lambda out: archive((member("./README.md"), b"x\n")),
    "the .env file": lambda out: archive((member(".env"), b"x\n")),
    "the record": lambda out: archive((member(".scaffold.json"), b"x\n")),
    "inside .git": lambda out: archive((member(".git/config"), b"x\n")),
    "symbolic link": lambda out: archive((member("link", kind=tarfile.SYMTYPE, link="/etc/passwd"), b"")),
    "hard link": lambda out: archive((member("hard", kind=tarfile.LNKTYPE, link="README.md"), b"")),
    "device": lambda out: archive((member("dev", kind=tarfile.CHRTYPE), b"")),
    "fifo": lambda out: archive((member("pipe", kind=tarfile.FIFOTYPE), b"")),
    "folder entry": lambda out: archive((member("sub", kind=tarfile.DIRTYPE), b"")),
    "duplicate": lambda out: archive((member("a.txt"), b"x\n"), (member("a.txt"), b"x\n")),
    "file and folder": lambda out: archive((member("a"), b"x\n"), (member("a/b"), b"x\n")),
    "junk": lambda out: b"this is not an archive",
    "gzip but not tar": lambda out: gzip.compress(b"just some text, " * 100),
    "truncated": lambda out: pack({"README.md": File(os.urandom(5_000))})[:2_000],
    "empty file": lambda out: b"",
}


@pytest.mark.parametrize("command", ["update", "check"])
@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_base_archive_is_refused_and_nothing_is_touched(
    project: Path, outside: Path, command: str, case: str
) -> None:
    (project / BASE).write_bytes(HOSTILE[case](outside))
    (project / "deleted.txt").write_text(V1["deleted.txt"])
    before = snapshot(project, outside)
    result = run(command, str(project))
    one_line_error(result, 2, str(project / BASE))
    assert "Interrupted" not in result.output
    assert snapshot(project, outside) == before


def test_truncated_archive_is_damage_not_an_interrupt(project: Path) -> None:
    (project / BASE).write_bytes((project / BASE).read_bytes()[:-30])
    one_line_error(run("update", str(project)), 2, "cannot be read: it ends too early (truncated)")


def bomb(size: int) -> bytes:
    """A well-formed archive of one member of ``size`` zero bytes, compressed in a stream (about 1/1000)."""
    header = member("bomb.txt", b"")
    header.size = size
    squeeze = zlib.compressobj(1, zlib.DEFLATED, 31)
    parts = [squeeze.compress(header.tobuf(tarfile.PAX_FORMAT))]
    chunk = bytes(2**20)
    for _ in range(size // len(chunk)):
        parts.append(squeeze.compress(chunk))
    parts.append(squeeze.compress(bytes(1024 * 2)) + squeeze.flush())
    return b"".join(parts)


@pytest.mark.parametrize(
    ("name", "make", "limit"),
    [
        ("one 1 GiB member", lambda: bomb(2**30), 1.0),
        ("one member just over the limit", lambda: bomb(MAX_MEMBER_SIZE + 2**20), 1.0),
        ("too many members", lambda: pack({f"f{i}": File(b"") for i in range(MAX_MEMBERS + 1)}), 1.0),
        # 32 MiB of allowed members are read before the one that goes over: seconds only on a loaded machine
        ("too much in total", lambda: pack({f"f{i}": File(bytes(MAX_MEMBER_SIZE)) for i in range(9)}), 3.0),
    ],
)
def test_decompression_bombs_are_refused_at_once(
    project: Path, name: str, make: Callable[[], bytes], limit: float, capsys: pytest.CaptureFixture[str]
) -> None:
    data = make()
    started = time.perf_counter()
    with pytest.raises(UnsafeError, match="refused"):
        unpack(data)
    elapsed = time.perf_counter() - started
    (project / BASE).write_bytes(data)
    started = time.perf_counter()
    result = run("check", str(project))
    cli_elapsed = time.perf_counter() - started
    one_line_error(result, 2, "refused")
    with capsys.disabled():
        print(f"\n  {name}: {len(data)} bytes refused in {elapsed * 1000:.0f} ms (check: {cli_elapsed * 1000:.0f} ms)")
    assert elapsed < limit


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1]", "must hold a JSON object, not list"),
        ('"a string"', "must hold a JSON object, not str"),
        ("null", "must hold a JSON object, not NoneType"),
        ("{not json", "cannot be read"),
        (b"\xff\xfe".decode("latin-1"), "cannot be read"),
        ('{"scaffold_version": "0.1.0", "answers": {"needs": [1], "stack": {}}}', "answers.needs must be an object"),
        ('{"scaffold_version": "0.1.0", "answers": {"needs": {}, "stack": "x"}}', "answers.stack must be an object"),
        ('{"scaffold_version": "0.1.0", "answers": {"needs": {"team_size": [1]}}}', "must be a single value"),
        ('{"scaffold_version": "0.1.0", "answers": []}', "'answers' must be an object"),
        ('{"scaffold_version": [1], "answers": {}}', "scaffold_version must be a version"),
        ('{"answers": {}}', "scaffold_version must be a version"),
    ],
)
@pytest.mark.parametrize("command", ["update", "check"])
def test_hostile_record_is_refused(project: Path, text: str, message: str, command: str) -> None:
    (project / ".scaffold.json").write_text(text, encoding="latin-1")
    before = snapshot(project)
    one_line_error(run(command, str(project)), 2, message)
    assert snapshot(project) == before


def test_record_from_a_newer_scaffold_is_not_downgraded_without_force(project: Path) -> None:
    record = json.loads((project / ".scaffold.json").read_text())
    (project / ".scaffold.json").write_text(json.dumps({**record, "scaffold_version": "10.0.0"}))
    before = snapshot(project)
    one_line_error(run("update", str(project)), 2, "made with scaffold 10.0.0, newer than this 9.9.9")
    assert snapshot(project) == before
    assert run("update", str(project), "--force").exit_code == 0
    assert json.loads((project / ".scaffold.json").read_text())["scaffold_version"] == "9.9.9"


@pytest.mark.parametrize("command", ["update", "check"])
def test_missing_folder_is_named(workdir: Path, command: str) -> None:
    one_line_error(run(command, "nosuchdir"), 2, f"{workdir / 'nosuchdir'} does not exist")


# -- links: replaced, never followed -------------------------------------------------------------------------


def test_update_never_writes_or_reads_through_a_linked_file(project: Path, outside: Path) -> None:
    """untouched.txt changes in v2 and added.txt is new: both are links to outside files here."""
    (project / "untouched.txt").unlink()
    (project / "untouched.txt").symlink_to(outside / "victim.txt")
    (project / "added.txt").symlink_to(outside / "secret.txt")
    before = snapshot(outside)
    result = run("update", str(project))
    assert result.exit_code == 0, result.output
    assert snapshot(outside) == before
    assert not (project / "added.txt").is_symlink() and (project / "added.txt").read_text() == "new in v2\n"
    assert (project / "untouched.txt").is_symlink()  # "yours" is not a file: kept as it is, not followed
    assert "keep     untouched.txt" in result.stdout


@pytest.mark.parametrize("linked", [".scaffold", "sub"])
def test_update_refuses_a_linked_folder(
    project: Path, outside: Path, linked: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder on the way to a template file (`.scaffold/`, `.github/`...) that is a link stops the update."""
    if linked == ".scaffold":
        (outside / "base.tar.gz").write_bytes((project / BASE).read_bytes())
        for path in (project / ".scaffold").iterdir():
            path.unlink()
        (project / ".scaffold").rmdir()
    else:  # v3 adds sub/new.txt: the link `sub` must not receive it
        version(tmp_path / "v3", {**V2, "sub/new.txt": "new\n"})
        monkeypatch.setattr(templates, "template_root", lambda: tmp_path / "v3")
    (project / linked).symlink_to(outside, target_is_directory=True)
    before = snapshot(project, outside)
    one_line_error(run("update", str(project)), 2, f"{project / linked} is a symbolic link")
    assert snapshot(project, outside) == before


def test_update_is_all_or_nothing_when_a_folder_is_in_the_way(project: Path) -> None:
    """v2 adds added.txt; a folder of that name is found only after several files would have been written."""
    (project / "added.txt").mkdir()
    (project / "added.txt" / "mine").write_text("mine\n")
    before = snapshot(project)
    one_line_error(run("update", str(project)), 2, f"{project / 'added.txt'} is a folder where the template needs")
    assert snapshot(project) == before


def test_update_rolls_back_when_a_write_fails(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scaffold import inside

    before = snapshot(project)
    real_write, calls = inside.write, []

    def failing(root: Path, name: str, data: bytes, mode: int | None = None) -> None:
        calls.append(name)
        if len(calls) == 4:
            raise OSError(28, "No space left on device", str(root / name))
        real_write(root, name, data, mode)

    monkeypatch.setattr(inside, "write", failing)
    one_line_error(run("update", str(project)), 2, "no space left on device")
    monkeypatch.setattr(inside, "write", real_write)
    assert snapshot(project) == before


def test_new_force_replaces_a_link_and_never_writes_through_it(workdir: Path, outside: Path) -> None:
    target = workdir / "shop"
    target.mkdir()
    (target / "README.md").symlink_to(outside / "secret.txt")
    before = snapshot(outside)
    assert run("new", "shop", "--no-input", "--force", "--framework", "flask").exit_code == 0
    assert snapshot(outside) == before
    assert not (target / "README.md").is_symlink() and (target / "README.md").read_text().startswith("# shop")


def test_new_force_refuses_a_folder_where_a_file_goes(workdir: Path) -> None:
    target = workdir / "shop"
    (target / "README.md").mkdir(parents=True)
    before = snapshot(workdir)
    one_line_error(
        run("new", "shop", "--no-input", "--force", "--framework", "flask"), 2, "is a folder where the template"
    )
    assert snapshot(workdir) == before
