"""The only module that imports cookiecutter: render a template atomically.

Safety beyond what cookiecutter gives by itself:

* Answers are data. We build the context ourselves and call ``generate_files`` directly, so cookiecutter
  never renders an answer as a template (``{{ 7*7 }}`` in a description stays literal), and it writes no
  replay file into the home directory.
* Nothing half-done is left: the project renders into a staging folder and is moved into place only when
  complete; any failure, Ctrl-C, SIGTERM or SIGHUP stops the hooks and removes the staging folder. A new
  folder arrives by one ``rename`` that fails if another run got there first; into an existing folder (``--force``,
  or ``new .``) the files are swapped in under a lock with signals held back, and put back on any error.
* Nothing is written through a symbolic link, and no bytecode (``__pycache__``) from the template folder
  reaches a project: two installs of one version render the same bytes.
* Hooks run in their own process group: Ctrl-C on the terminal reaches scaffold only, which stops the hook,
  waits for it, and only then removes the folder it was writing into.
* cookiecutter writes each rendered hook to a temporary file it never deletes; ``tempfile`` points into the
  staging folder while we render, so those files go with it.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from . import inside
from .errors import InputError, RenderError, TargetExistsError, UnsafeError
from .record import ProjectRecord
from .signals import STOPPING, deferred, progress
from .snapshot import BASE_PATH, METADATA_PATH, Tree, is_bytecode, read_tree, write_base
from .templates import Template

STAGING_PREFIX, STAGING_SUFFIX = ".scaffold-", ".tmp"
#: cookiecutter logs a failing hook's traceback; our one-line error says it instead.
logging.getLogger("cookiecutter").addHandler(logging.NullHandler())
logging.getLogger("cookiecutter").propagate = False


def build_context(template: Template, stack: Mapping[str, str]) -> dict[str, Any]:
    """The cookiecutter context: answers as given, private keys raw, ``__`` keys rendered from them."""
    from cookiecutter.environment import StrictEnvironment

    env = StrictEnvironment(context={"cookiecutter": template.spec})
    context: dict[str, Any] = {}
    for key, raw in template.spec.items():
        if key == "__prompts__":
            continue
        if key.startswith("__"):
            context[key] = _render_value(env, raw, context)
        elif key.startswith("_"):
            context[key] = raw
        else:
            context[key] = stack[key]
    context["_template"] = str(template.path)
    return context


def _render_value(env: Any, raw: Any, context: dict[str, Any]) -> Any:
    if isinstance(raw, list):
        return [_render_value(env, item, context) for item in raw]
    if isinstance(raw, str):
        return env.from_string(raw).render(cookiecutter=context)
    return raw


def name_limit(folder: Path) -> int:
    """The longest file name, in bytes, the file system under ``folder`` takes (255 almost everywhere)."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def check_target(target: Path, *, force: bool) -> None:
    """Refuse a target that cannot be one: a file, a link, a path under a file, a name too long, files without force."""
    target = target.absolute()
    limit = name_limit(target.parent)
    for part in target.parts:
        if len(os.fsencode(part)) > limit:
            raise InputError(
                f"the folder name {part[:40]}... is {len(os.fsencode(part))} bytes long; "
                f"the file system allows at most {limit}"
            )
    if target.is_symlink():
        raise TargetExistsError(f"{target} is a symbolic link; give the folder it points to, or another DIRECTORY")
    for parent in target.parents:
        if os.path.lexists(parent):
            if not parent.is_dir():
                raise TargetExistsError(f"{parent} is a file, not a folder; {target} cannot be made inside it")
            break
    if os.path.lexists(target) and not target.is_dir():
        raise TargetExistsError(f"{target} exists and is not a directory; choose another DIRECTORY")
    if target.is_dir() and any(not _is_staging(p.name) for p in target.iterdir()) and not force:
        raise TargetExistsError(f"{target} is not empty; choose another DIRECTORY or pass --force to write into it")


@contextmanager
def _temp_files_in(folder: Path) -> Iterator[None]:
    """Point ``tempfile`` (ours and the hooks') at ``folder`` for the duration."""
    saved_module, saved_env = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = str(folder)
    os.environ["TMPDIR"] = str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = saved_module
        if saved_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved_env


def _unblock_signals() -> None:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)


class _HookLauncher:
    """Stands in for the ``subprocess`` module inside ``cookiecutter.hooks`` while we render.

    Each hook gets its own process group (so the terminal's Ctrl-C reaches scaffold alone) and writes its
    output to ``log`` (so a failure is one line, not the hook's traceback).
    """

    def __init__(self, log: IO[bytes]) -> None:
        self.log = log
        self.children: list[subprocess.Popen[bytes]] = []

    def Popen(self, args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:  # noqa: N802 - subprocess's name
        with deferred():  # started and recorded, or neither: an interrupt cannot fall in between
            child = subprocess.Popen(
                args,
                process_group=0,
                preexec_fn=_unblock_signals,  # noqa: PLW1509 - the child must not inherit our blocked signals
                stdin=subprocess.DEVNULL,
                stdout=self.log,
                stderr=self.log,
                **kwargs,
            )
            self.children.append(child)
        return child

    def stop(self) -> None:
        """Stop every hook still running (its whole group) and wait until it is gone."""
        for child in self.children:
            if child.poll() is None:
                with suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGTERM)
                try:
                    child.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    with suppress(ProcessLookupError):
                        os.killpg(child.pid, signal.SIGKILL)
                    child.wait()
            with suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)  # what the hook left running in its group


@contextmanager
def _hooks_contained(log: IO[bytes]) -> Iterator[None]:
    import cookiecutter.hooks

    launcher = _HookLauncher(log)
    saved = cookiecutter.hooks.subprocess
    cookiecutter.hooks.subprocess = launcher
    try:
        yield
    finally:
        cookiecutter.hooks.subprocess = saved
        with deferred():  # a second signal must not leave a hook writing into a folder about to be removed
            launcher.stop()


def _ignore_bytecode(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if is_bytecode(name)]


def _last_line(log: Path) -> str:
    lines = [line.strip() for line in log.read_text(errors="replace").splitlines() if line.strip()]
    return f": {lines[-1]}" if lines else ""


def _generate(template: Template, context: dict[str, Any], staging: Path) -> Path:
    """Render into ``staging/out`` from a bytecode-free copy of the template; the hooks stay contained."""
    from cookiecutter.exceptions import CookiecutterException
    from cookiecutter.generate import generate_files
    from jinja2 import TemplateError

    out, scratch, source = staging / "out", staging / "tmp", staging / "template"
    out.mkdir()
    scratch.mkdir()
    shutil.copytree(template.path, source, ignore=_ignore_bytecode)
    log_path = scratch / "hooks.log"
    try:
        with _temp_files_in(scratch), open(log_path, "wb") as log, _hooks_contained(log):
            project = Path(generate_files(repo_dir=source, context={"cookiecutter": context}, output_dir=out))
    except (CookiecutterException, TemplateError, OSError) as err:
        detail = _last_line(log_path) if log_path.exists() else ""
        raise RenderError(f"rendering the {template.framework} template failed: {err}{detail}") from err
    if project.resolve().parent != out.resolve():
        raise RenderError(f"the {template.framework} template tried to write outside its output folder")
    for path in sorted(project.rglob("*"), reverse=True):  # what a hook compiled: the project never holds it
        if is_bytecode(path.relative_to(project).as_posix()):
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    return project


def _rename_into_place(project: Path, target: Path) -> None:
    """One rename: the project appears whole, or the run fails if the target appeared meanwhile."""
    try:
        os.rename(project, target)  # an empty folder is replaced; one with files makes this fail
    except OSError as err:
        if err.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
            message = f"{target} appeared while rendering (another scaffold run?); it was not touched"
            raise TargetExistsError(message) from err
        raise


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder itself: released with the process, never left behind."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise TargetExistsError(f"another scaffold run is writing into {folder}; it was not touched") from err
        yield
    finally:
        os.close(fd)


def _is_staging(name: str) -> bool:
    return name.startswith(STAGING_PREFIX) and name.endswith(STAGING_SUFFIX)


def _moves(project: Path, target: Path, folder: str = "") -> list[str]:
    """What to move from ``project`` into ``target``: whole new folders, and files (replacing files or links)."""
    moves = []
    for entry in sorted(os.scandir(project / folder) if folder else os.scandir(project), key=lambda e: e.name):
        name = f"{folder}/{entry.name}" if folder else entry.name
        found = inside.kind(target, name)
        if entry.is_dir(follow_symlinks=False):
            if found == inside.FOLDER:
                moves += _moves(project, target, name)
            elif found in (inside.MISSING, inside.LINK):
                moves.append(name)
            else:
                raise UnsafeError(f"{target / name} is a file where the template needs a folder; move it away")
        elif found in (inside.FOLDER, inside.OTHER):
            raise UnsafeError(f"{target / name} is a folder where the template writes a file; move it away")
        else:
            moves.append(name)
    return moves


def _swap_in(project: Path, target: Path, staging: Path, *, force: bool) -> None:
    """Move the rendered files into an existing folder, all or nothing; what they replace is removed last.

    Called with signals held back, so only an error can stop it half-way, and then every move is undone.
    """
    with _locked(target):
        # Staging folders of runs still rendering are not content: the first to take the lock wins.
        others = [p.name for p in target.iterdir() if not _is_staging(p.name)]
        if others and not force:
            raise TargetExistsError(f"{target} is no longer empty (another scaffold run?); it was not touched")
        moves = _moves(project, target)
        replaced = staging / "replaced"
        journal: list[tuple[str, bool]] = []  # (name, whether something was there and went to `replaced`)
        try:
            for name in moves:
                there = os.path.lexists(target / name)
                if there:
                    (replaced / name).parent.mkdir(parents=True, exist_ok=True)
                    os.rename(target / name, replaced / name)
                journal.append((name, there))
                os.rename(project / name, target / name)
        except BaseException:
            for name, there in reversed(journal):
                with suppress(OSError):
                    if os.path.lexists(target / name):
                        os.rename(target / name, project / name)
                    if there:
                        os.rename(replaced / name, target / name)
            raise


def _missing_parents(folder: Path) -> list[Path]:
    missing = []
    while not os.path.lexists(folder):
        missing.append(folder)
        folder = folder.parent
    return missing


def render(
    template: Template, stack: Mapping[str, str], target: Path, *, force: bool, record: ProjectRecord | None
) -> Path:
    """Render ``template`` with ``stack`` into ``target``, all or nothing; return the project path.

    A target that exists (``--force``, an empty folder, ``new .``) stays the same folder, so a shell inside
    it is not left in a deleted directory: the staging folder is made inside it and the files move in.
    """
    target = target.absolute()
    check_target(target, force=force)
    existed = target.is_dir()
    created = _missing_parents(target.parent)
    staging: Path | None = None
    done = False
    try:
        with deferred():  # the folders exist and are known, or neither
            target.parent.mkdir(parents=True, exist_ok=True)
            home = target if existed else target.parent
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, suffix=STAGING_SUFFIX, dir=home))
        project = _generate(template, build_context(template, stack), staging)
        write_base(project, read_tree(project))
        if record is not None:  # tests render without one
            record.write(project)
        with deferred():  # moved in and recorded as done, or neither
            if existed:
                _swap_in(project, target, staging, force=force)
            else:
                _rename_into_place(project, target)
            done = True
            progress.record(f"the project was written to {target}")
    finally:
        with deferred():
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            if not done:
                for folder in created:  # innermost first; only the folders this run made
                    with suppress(OSError):
                        folder.rmdir()
    return target


@contextmanager
def _rendered_elsewhere(template: Template, stack: Mapping[str, str]) -> Iterator[Path]:
    """The project rendered in a temporary folder, removed on leaving (a second Ctrl-C cannot stop that)."""
    with deferred():
        staging = Path(tempfile.mkdtemp(prefix="scaffold-render."))
    try:
        yield _generate(template, build_context(template, stack), staging)
    finally:
        with deferred():
            shutil.rmtree(staging, ignore_errors=True)


def render_tree(template: Template, stack: Mapping[str, str]) -> Tree:
    """The template's output for ``stack``, in memory."""
    with _rendered_elsewhere(template, stack) as project:
        return read_tree(project)


def preview(template: Template, stack: Mapping[str, str]) -> list[str]:
    """The files a render would write, as sorted relative paths; writes nothing that stays."""
    with _rendered_elsewhere(template, stack) as project:
        files = [p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()]
    return sorted([*files, METADATA_PATH, BASE_PATH])
