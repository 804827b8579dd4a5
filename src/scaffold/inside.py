"""File access that stays inside a project: never through a symbolic link, never outside the root.

Every path ``new``, ``update`` and ``check`` read, write or delete in a project goes through here as a
POSIX path relative to the project root. A name that is absolute, holds ``..`` or an empty part is refused;
a folder on the way that is a link is refused (scaffold will not guess what the link was meant for); a link
in the place of a file is replaced by the file, never written through, and never read.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import UnsafeError

MISSING, FILE, FOLDER, LINK, OTHER = "missing", "file", "folder", "link", "other"


def plain_relative(name: str) -> bool:
    """Whether ``name`` is a plain relative POSIX path: no root, no ``..`` or ``.``, no empty or odd parts."""
    parts = name.split("/")
    return bool(name) and all(part not in ("", ".", "..") and "\\" not in part and "\0" not in part for part in parts)


def kind(root: Path, name: str) -> str:
    """What is at ``root/name``, having checked every folder on the way is a real folder inside ``root``."""
    if not plain_relative(name):
        raise UnsafeError(f"{name!r} is not a plain relative path inside {root}; refused")
    parts = name.split("/")
    here = root
    for part in parts[:-1]:
        here = here / part
        found = _kind(here)
        if found == MISSING:
            return MISSING
        if found == LINK:
            raise UnsafeError(f"{here} is a symbolic link; scaffold never writes through one: make it a real folder")
        if found != FOLDER:
            raise UnsafeError(f"{here} is a file where the template needs a folder; move it away")
    return _kind(root / name)


def _kind(path: Path) -> str:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return MISSING
    if stat.S_ISLNK(mode):
        return LINK
    if stat.S_ISDIR(mode):
        return FOLDER
    return FILE if stat.S_ISREG(mode) else OTHER


def read(root: Path, name: str) -> bytes | None:
    """The bytes of a regular file, or None when there is none (a link or a folder is not your file)."""
    if kind(root, name) != FILE:
        return None
    fd = os.open(root / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as file:
        return file.read()


def check_writable(root: Path, name: str) -> None:
    """Refuse, before anything is written, a write that would need to replace a folder or something odd."""
    found = kind(root, name)
    if found == FOLDER:
        raise UnsafeError(f"{root / name} is a folder where the template needs a file; move it away")
    if found == OTHER:
        raise UnsafeError(f"{root / name} is not a regular file; move it away")


def write(root: Path, name: str, data: bytes, mode: int | None = None) -> None:
    """Write atomically: a temporary file beside it, renamed over the old file or link (never followed)."""
    check_writable(root, name)
    parent = root
    for part in name.split("/")[:-1]:
        parent = parent / part
        if _kind(parent) == MISSING:
            parent.mkdir()
    fd, temp = tempfile.mkstemp(prefix=".scaffold-", dir=parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.chmod(temp, mode if mode is not None else 0o644)
        os.replace(temp, root / name)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def delete(root: Path, name: str) -> None:
    """Remove a file (or a link in its place), then every folder it leaves empty up to ``root``."""
    if kind(root, name) in (FILE, LINK):
        (root / name).unlink()
    folder = (root / name).parent
    while folder != root and not folder.is_symlink() and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
