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
import tarfile
from dataclasses import dataclass
from pathlib import Path

BASE_PATH = ".scaffold/base.tar.gz"
METADATA_PATH = ".scaffold.json"
#: Files of a generated project that belong to no template version.
NOT_TEMPLATE = frozenset({".env", METADATA_PATH, BASE_PATH})


@dataclass(frozen=True)
class File:
    data: bytes
    mode: int = 0o644


Tree = dict[str, File]


def read_tree(root: Path) -> Tree:
    """Every file under ``root`` that a template produced, by POSIX path."""
    tree = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and not path.is_symlink() and relative not in NOT_TEMPLATE:
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


def unpack(data: bytes) -> Tree:
    tree = {}
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(data)), mode="r:") as tar:
        for member in tar.getmembers():
            extracted = tar.extractfile(member) if member.isfile() else None
            if extracted is not None:
                tree[member.name] = File(extracted.read(), member.mode & 0o777)
    return tree


def write_base(project: Path, tree: Tree) -> None:
    path = project / BASE_PATH
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(pack(tree))


def read_base(project: Path) -> Tree | None:
    path = project / BASE_PATH
    return unpack(path.read_bytes()) if path.is_file() else None
