"""``scaffold update`` and ``scaffold check``: bring a generated project up to the installed templates.

The merge is three-way, per file: the base is the template output the project started from (kept in
``.scaffold/base.tar.gz``), "theirs" is the installed templates' output for the project's answers, "yours" is
the file on disk. Text merges use ``git merge-file``, so real conflicts get the usual inline markers; there are
no ``.rej`` files, and a change is never dropped silently: every file whose outcome is not a clean update is
listed. Files the template added, removed or renamed are handled as such.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from . import __version__, inside
from .errors import InputError, RenderError, UnsafeError
from .plan import Plan, plan_new
from .presets import Preset
from .record import ProjectRecord, release
from .render import render_tree
from .signals import deferred, progress
from .snapshot import BASE_PATH, METADATA_PATH, File, Tree, pack, read_base

RENAME_SIMILARITY = 0.5
#: Rename detection compares every removed file with every added one; past this size it is not worth it.
RENAME_MAX_SIZE = 256 * 1024
Action = Literal["add", "update", "merge", "conflict", "delete", "rename", "keep"]


@dataclass(frozen=True)
class Step:
    """What update does to one path. ``data`` is the new content (``None`` for a deletion or no write)."""

    path: str
    action: Action
    note: str = ""
    data: bytes | None = None
    mode: int | None = None
    source: str | None = None  # the old path of a rename
    #: Whether the written content holds conflict markers (a "conflict", or a rename merged with conflicts).
    conflict: bool = False

    @property
    def writes(self) -> bool:
        return self.action in ("add", "update", "merge", "conflict", "rename")

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "action": self.action, "note": self.note, "from": self.source}


@dataclass(frozen=True)
class Outcome:
    plan: Plan
    steps: list[Step]
    recorded: ProjectRecord

    @property
    def conflicts(self) -> list[str]:
        return [s.path for s in self.steps if s.conflict]


@dataclass(frozen=True)
class CheckResult:
    """What ``scaffold check`` found: whether the project is current, and what update would change."""

    project: Path
    recorded_version: str
    preset_recorded: dict[str, str] | None
    preset_current: dict[str, str] | None
    changes: list[Step]
    template_changed: bool

    @property
    def preset_changed(self) -> bool:
        return self.preset_recorded != self.preset_current

    @property
    def current(self) -> bool:
        return not (self.changes or self.template_changed or self.preset_changed)

    def to_json(self) -> dict[str, Any]:
        """The shape ``scaffold check --json`` prints (docs/contract.md, "scaffold check")."""
        preset = {"recorded": self.preset_recorded, "current": self.preset_current, "changed": self.preset_changed}
        return {
            "project": str(self.project),
            "status": "current" if self.current else "behind",
            "recorded_version": self.recorded_version,
            "installed_version": __version__,
            "preset": preset,
            "changes": [step.to_json() for step in self.changes],
        }


# -- reading the project -------------------------------------------------------------------------------------


def _project_folder(project: Path) -> Path:
    project = project.absolute()
    if not project.is_dir():
        what = "does not exist" if not project.exists() else "is not a folder"
        raise InputError(f"{project} {what}; give the folder of a project scaffold generated")
    return project


def _base(project: Path) -> Tree:
    base = read_base(project)
    if base is None:
        raise InputError(f"{project} has no {BASE_PATH}, the template output it started from; cannot merge")
    return base


def _dirty(project: Path) -> bool:
    if shutil.which("git") is None:
        return False
    inside = subprocess.run(["git", "-C", str(project), "rev-parse", "--is-inside-work-tree"], capture_output=True)
    if inside.returncode != 0:
        return False
    status = subprocess.run(["git", "-C", str(project), "status", "--porcelain"], capture_output=True, text=True)
    return bool(status.stdout.strip())


def replan(project: Path, sets: Mapping[str, str], preset: Preset | None) -> tuple[Plan, ProjectRecord]:
    """The project's recorded answers, changed by ``sets``, planned against the installed templates."""
    recorded = ProjectRecord.read(project)
    given = {**recorded.answers(), **sets}
    return plan_new(given, framework=None, directory=project, prompter=None, preset=preset), recorded


# -- merging -------------------------------------------------------------------------------------------------


def merge3(yours: bytes, base: bytes, theirs: bytes, *, label: str) -> tuple[bytes, bool]:
    """Three-way merge of one file's content; ``True`` when conflict markers were written."""
    if b"\0" in yours + base + theirs:
        return yours, True  # binary: keep yours and report it, there is nothing to mark up
    git = shutil.which("git")
    if git is None:
        raise RenderError("scaffold update needs git on PATH to merge files (it uses `git merge-file`)")
    with tempfile.TemporaryDirectory(prefix="scaffold-merge.") as scratch:
        paths = []
        for name, data in (("yours", yours), ("base", base), ("theirs", theirs)):
            path = Path(scratch) / name
            path.write_bytes(data)
            paths.append(str(path))
        result = subprocess.run(
            [git, "merge-file", "-p", "-L", "yours", "-L", "base", "-L", label, *paths], capture_output=True
        )
    if result.returncode < 0 or result.returncode > 127:
        raise RenderError(f"git merge-file failed: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout, result.returncode > 0


def _renames(base: Tree, new: Tree) -> dict[str, str]:
    """Old path -> new path, for files the template removed in one place and added, similar, in another."""
    removed = [p for p in base if p not in new and len(base[p].data) <= RENAME_MAX_SIZE]
    added = [p for p in new if p not in base and len(new[p].data) <= RENAME_MAX_SIZE]
    pairs = []
    for old in removed:
        for path in added:
            matcher = difflib.SequenceMatcher(None, base[old].data, new[path].data, autojunk=False)
            if matcher.real_quick_ratio() < RENAME_SIMILARITY or matcher.quick_ratio() < RENAME_SIMILARITY:
                continue
            ratio = matcher.ratio()
            if ratio >= RENAME_SIMILARITY:
                pairs.append((ratio, old, path))
    renames: dict[str, str] = {}
    for _, old, path in sorted(pairs, reverse=True):
        if old not in renames and path not in renames.values():
            renames[old] = path
    return renames


def _current(project: Path, path: str) -> bytes | None:
    """Your file, read only if it is a regular file inside the project: a link is not followed."""
    return inside.read(project, path)


def _changed(path: str, yours: bytes | None, base: File, theirs: File, label: str) -> Step | None:
    if base.data == theirs.data or yours == theirs.data:
        return None
    if yours is None:
        return Step(path, "keep", "you deleted it; the template changed it, and it stays deleted")
    if yours == base.data:
        return Step(path, "update", data=theirs.data, mode=theirs.mode)
    merged, conflict = merge3(yours, base.data, theirs.data, label=label)
    return Step(path, "conflict" if conflict else "merge", data=merged, conflict=conflict)


def _removed(path: str, yours: bytes | None, base: File) -> Step | None:
    if yours is None:
        return None
    if yours == base.data:
        return Step(path, "delete")
    return Step(path, "keep", "the template removed it; your edits keep it here")


def _added(path: str, yours: bytes | None, theirs: File, label: str) -> Step | None:
    if yours is None:
        return Step(path, "add", data=theirs.data, mode=theirs.mode)
    if yours == theirs.data:
        return None
    merged, conflict = merge3(yours, b"", theirs.data, label=label)
    note = "the template added a file you already had"
    return Step(path, "conflict" if conflict else "merge", note, merged, conflict=conflict)


def _renamed(old: str, path: str, project: Path, base: File, theirs: File, label: str) -> Step | None:
    yours = _current(project, old)
    if yours is None or _current(project, path) is not None:
        return None
    merged, conflict = merge3(yours, base.data, theirs.data, label=label)
    note = "with conflicts" if conflict else ""
    return Step(path, "rename", note, merged, theirs.mode, source=old, conflict=conflict)


def plan_merge(project: Path, base: Tree, new: Tree, *, label: str) -> list[Step]:
    """Every change update would make, file by file, without writing anything."""
    renames = _renames(base, new)
    steps: list[Step | None] = []
    for path in sorted(base.keys() | new.keys()):
        yours = _current(project, path)
        if path in renames:
            steps.append(_renamed(path, renames[path], project, base[path], new[renames[path]], label))
        elif path in renames.values():
            continue
        elif path in base and path in new:
            steps.append(_changed(path, yours, base[path], new[path], label))
        elif path in base:
            steps.append(_removed(path, yours, base[path]))
        else:
            steps.append(_added(path, yours, new[path], label))
    return [step for step in steps if step is not None]


def _changes(project: Path, steps: list[Step], new: Tree, metadata: bytes) -> list[tuple[str, bytes | None, int]]:
    """Every path update will write (bytes) or delete (None), checked before anything is written."""
    changes: list[tuple[str, bytes | None, int]] = []
    for step in steps:
        if step.writes and step.data is not None:
            changes.append((step.path, step.data, step.mode if step.mode is not None else _mode(project, step.path)))
        if step.action == "delete" or step.source:
            changes.append((step.source or step.path, None, 0))
    changes += [(BASE_PATH, pack(new), 0o644), (METADATA_PATH, metadata, 0o644)]
    for path, data, _ in changes:
        if data is None:
            if inside.kind(project, path) not in (inside.FILE, inside.LINK, inside.MISSING):
                raise UnsafeError(f"{project / path} is not a file the template made; update stopped, nothing written")
        else:
            inside.check_writable(project, path)
    return changes


def _mode(project: Path, path: str) -> int:
    with suppress(OSError):
        if inside.kind(project, path) == inside.FILE:
            return (project / path).stat().st_mode & 0o777
    return 0o644


def apply(project: Path, changes: list[tuple[str, bytes | None, int]]) -> None:
    """Write every change, or (on an error half-way) put back what was there: all or nothing."""
    undo: list[tuple[str, bytes | None, int]] = []
    try:
        for path, data, mode in changes:
            undo.append((path, inside.read(project, path), _mode(project, path)))
            if data is None:
                inside.delete(project, path)
            else:
                inside.write(project, path, data, mode)
    except BaseException:
        for path, data, mode in reversed(undo):
            with suppress(OSError, UnsafeError):
                if data is None:
                    inside.delete(project, path)
                else:
                    inside.write(project, path, data, mode)
        raise


# -- the two commands ----------------------------------------------------------------------------------------


def update_project(
    project: Path, sets: Mapping[str, str], *, preset: Preset | None, dry_run: bool, force: bool
) -> Outcome:
    project = _project_folder(project)
    plan, recorded = replan(project, sets, preset)
    base = _base(project)
    if not force and recorded.release > release(__version__):
        raise InputError(
            f"{project} was made with scaffold {recorded.scaffold_version}, newer than this {__version__}; "
            "updating would downgrade it: install the newer scaffold, or pass --force"
        )
    if not force and not dry_run and _dirty(project):
        raise InputError(f"{project} has uncommitted changes; commit or stash them first, or pass --force")
    new = render_tree(plan.template, plan.stack)
    steps = plan_merge(project, base, new, label=f"scaffold {__version__}")
    changes = _changes(project, steps, new, plan.record().to_bytes())
    if not dry_run:
        with deferred():  # written and recorded as done, or neither: writing takes milliseconds
            apply(project, changes)
            progress.record(f"{project} was updated completely")
    return Outcome(plan, steps, recorded)


def check_project(project: Path, *, preset: Preset | None) -> CheckResult:
    """Whether the project is on the installed templates with its preset, and what update would change."""
    project = _project_folder(project)
    plan, recorded = replan(project, {}, preset)
    base = _base(project)
    new = render_tree(plan.template, plan.stack)
    steps = plan_merge(project, base, new, label=f"scaffold {__version__}") if base != new else []
    return CheckResult(
        project=project,
        recorded_version=recorded.scaffold_version,
        preset_recorded=recorded.preset,
        preset_current=preset.record() if preset else None,
        changes=steps,
        template_changed=base != new,
    )
