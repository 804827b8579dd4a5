"""The pristine render of a project, kept inside it, so ``scaffold update`` can merge three ways.

Why keep the base in the project: ``update`` needs the template output as it was when the project was made
(the merge base). Rendering it again from the recorded version would need that version's templates, which the
installed scaffold no longer has and cannot fetch without a package index that serves old releases; keeping it
in the project's git history would need every project to be a git repository with a ref that survives clones
and pushes. A small deterministic archive, ``.scaffold/base.tar.gz``, committed with the project like a lock
file, works with or without git, offline, and for the whole team.

``.env`` is never part of it: it holds per-checkout secrets, and ``update`` never touches it.
"""

from __future__ import annotations

import gzip
import io
import os
import tarfile
from dataclasses import dataclass
from pathlib import Path

from . import inside
from .errors import UnsafeError, reading

BASE_PATH = ".scaffold/base.tar.gz"
METADATA_PATH = ".scaffold.json"
#: Files of a generated project that belong to no template version.
NOT_TEMPLATE = frozenset({".env", METADATA_PATH, BASE_PATH})
#: Never part of a render: bytecode that ``pip install`` or a test run leaves beside the templates.
BYTECODE_DIRS = frozenset({"__pycache__"})
BYTECODE_SUFFIXES = (".pyc", ".pyo")

# The archive is committed with the project, so a pull request can plant anything in it: it is read as a
# stream and refused at the first header past these bounds, before the member's data is decompressed.
# Our largest template file is about 10 KB and a whole render under 1 MB.
MAX_ARCHIVE = 8 * 2**20
MAX_MEMBERS = 2_000
MAX_MEMBER_SIZE = 4 * 2**20
MAX_TOTAL_SIZE = 32 * 2**20
#: Headers, padding and PAX records on top of the data; past this the stream itself is refused.
MAX_STREAM = MAX_TOTAL_SIZE + 8 * 2**20


@dataclass(frozen=True)
class File:
    data: bytes
    mode: int = 0o644


Tree = dict[str, File]


def is_bytecode(relative: str) -> bool:
    parts = relative.split("/")
    return any(part in BYTECODE_DIRS for part in parts) or parts[-1].endswith(BYTECODE_SUFFIXES)


def read_tree(root: Path) -> Tree:
    """Every file under ``root`` that a template produced, by POSIX path."""
    tree = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and not path.is_symlink() and relative not in NOT_TEMPLATE and not is_bytecode(relative):
            tree[relative] = File(path.read_bytes(), path.stat().st_mode & 0o777)
    return tree


def pack(tree: Tree) -> bytes:
    """A byte-for-byte reproducible archive: same tree, same bytes (no times, owners or order drift)."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(tree):
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(tree[name].data), tree[name].mode, 0
            tar.addfile(info, io.BytesIO(tree[name].data))
    return gzip.compress(raw.getvalue(), mtime=0)


class _Bounded(io.RawIOBase):
    """A read-only stream that refuses to yield more than ``limit`` bytes."""

    def __init__(self, stream: io.BufferedIOBase, limit: int, label: str) -> None:
        self._stream, self._left, self._label = stream, limit, label

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._left <= 0:
            raise UnsafeError(f"{self._label} unpacks to more than {MAX_STREAM // 2**20} MiB; refused")
        view = memoryview(buffer)[: min(len(buffer), self._left)]
        data = self._stream.read(len(view))
        view[: len(data)] = data
        self._left -= len(data)
        return len(data)


def _check_member(member: tarfile.TarInfo, tree: Tree, folders: set[str], total: int, label: str) -> None:
    name = member.name
    if not inside.plain_relative(name) or name in NOT_TEMPLATE or ".git" in name.split("/"):
        raise UnsafeError(f"{label} holds the entry {name!r}, which is not a template file's path; refused")
    if not member.isreg():
        raise UnsafeError(f"{label} holds {name!r}, which is not a regular file (a link or device?); refused")
    if name in tree:
        raise UnsafeError(f"{label} holds {name!r} twice; refused")
    if len(tree) >= MAX_MEMBERS:
        raise UnsafeError(f"{label} holds more than {MAX_MEMBERS} files; refused")
    if member.size > MAX_MEMBER_SIZE:
        raise UnsafeError(f"{label} holds {name!r} of {member.size} bytes, over {MAX_MEMBER_SIZE} bytes; refused")
    if total + member.size > MAX_TOTAL_SIZE:
        raise UnsafeError(f"{label} unpacks to more than {MAX_TOTAL_SIZE // 2**20} MiB; refused")
    parents = {"/".join(name.split("/")[:i]) for i in range(1, name.count("/") + 1)}
    if name in folders or not parents.isdisjoint(tree):
        raise UnsafeError(f"{label} holds {name!r} both as a file and as a folder; refused")
    folders.update(parents)


def unpack(data: bytes, label: str = "the base archive") -> Tree:
    """The files of an archive that is hostile until proven otherwise: bounded, regular, relative, unique."""
    if len(data) > MAX_ARCHIVE:
        raise UnsafeError(f"{label} is {len(data)} bytes, over {MAX_ARCHIVE} bytes; refused")
    tree: Tree = {}
    folders: set[str] = set()
    total = 0
    with reading(label, "archive"), gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
        stream = io.BufferedReader(_Bounded(unzipped, MAX_STREAM, label))
        with tarfile.open(fileobj=stream, mode="r|") as tar:
            for member in tar:
                _check_member(member, tree, folders, total, label)
                extracted = tar.extractfile(member)
                content = extracted.read() if extracted is not None else b""
                if len(content) != member.size:
                    raise EOFError
                total += member.size
                tree[member.name] = File(content, member.mode & 0o755)
    return tree


def write_base(project: Path, tree: Tree) -> None:
    inside.write(project, BASE_PATH, pack(tree))


def read_base(project: Path) -> Tree | None:
    """The kept base of ``project``, validated, or None when there is none."""
    found = inside.kind(project, BASE_PATH)
    if found == inside.MISSING:
        return None
    path = project / BASE_PATH
    if found != inside.FILE:
        raise UnsafeError(f"{path} is not a regular file (a link?); refused")
    with reading(path, "base archive"):
        if os.stat(path, follow_symlinks=False).st_size > MAX_ARCHIVE:
            raise UnsafeError(f"{path} is over {MAX_ARCHIVE} bytes; refused")
        data = inside.read(project, BASE_PATH) or b""
    return unpack(data, str(path))
