"""The only module that imports cookiecutter: render a template atomically.

Safety beyond what cookiecutter gives by itself:

* Answers are data. We build the context ourselves and call ``generate_files`` directly, so cookiecutter
  never renders an answer as a template (``{{ 7*7 }}`` in a description stays literal), and it writes no
  replay file into the home directory.
* Nothing half-done is left: the project renders into a staging folder beside the target and is moved into
  place only when complete; any failure, Ctrl-C or SIGTERM removes the staging folder.
* cookiecutter writes each rendered hook to a temporary file it never deletes; ``tempfile`` points into the
  staging folder while we render, so those files go with it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from .errors import RenderError, TargetExistsError
from .snapshot import BASE_PATH, METADATA_PATH, Tree, read_tree, write_base
from .templates import Template


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


def check_target(target: Path, *, force: bool) -> None:
    """Refuse a file, or a directory with files in it unless ``force``."""
    if target.exists() and not target.is_dir():
        raise TargetExistsError(f"{target} exists and is not a directory; choose another DIRECTORY")
    if target.is_dir() and any(target.iterdir()) and not force:
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


def _generate(template: Template, context: dict[str, Any], staging: Path) -> Path:
    from cookiecutter.exceptions import CookiecutterException
    from cookiecutter.generate import generate_files
    from jinja2 import TemplateError

    out, scratch = staging / "out", staging / "tmp"
    out.mkdir()
    scratch.mkdir()
    try:
        with _temp_files_in(scratch):
            project = Path(generate_files(repo_dir=template.path, context={"cookiecutter": context}, output_dir=out))
    except (CookiecutterException, TemplateError, OSError) as err:
        raise RenderError(f"rendering the {template.framework} template failed: {err}") from err
    if project.resolve().parent != out.resolve():
        raise RenderError(f"the {template.framework} template tried to write outside its output folder")
    return project


def write_metadata(project: Path, metadata: Mapping[str, Any]) -> None:
    text = json.dumps(metadata, indent=2, ensure_ascii=False) + "\n"
    (project / METADATA_PATH).write_text(text, encoding="utf-8")


def _move_into_place(project: Path, target: Path) -> None:
    if target.is_dir() and not any(target.iterdir()):
        target.rmdir()
    if not target.exists():
        project.rename(target)  # same filesystem: the project appears whole or not at all
    else:  # --force into a directory with files: the template's files win, the others stay
        shutil.copytree(project, target, dirs_exist_ok=True)


def _missing_parents(folder: Path) -> list[Path]:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    return missing


def render(
    template: Template, stack: Mapping[str, str], target: Path, *, force: bool, metadata: Mapping[str, Any]
) -> Path:
    """Render ``template`` with ``stack`` into ``target``, all or nothing; return the project path."""
    target = target.absolute()
    check_target(target, force=force)
    created = _missing_parents(target.parent)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".scaffold-tmp", dir=target.parent))
    done = False
    try:
        project = _generate(template, build_context(template, stack), staging)
        write_base(project, read_tree(project))
        write_metadata(project, metadata)
        _move_into_place(project, target)
        done = True
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if not done:
            for folder in created:  # innermost first; only the folders this run made
                with suppress(OSError):
                    folder.rmdir()
    return target


@contextmanager
def _rendered_elsewhere(template: Template, stack: Mapping[str, str]) -> Iterator[Path]:
    """The project rendered in a temporary folder, removed on leaving."""
    staging = Path(tempfile.mkdtemp(prefix="scaffold-render."))
    try:
        yield _generate(template, build_context(template, stack), staging)
    finally:
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
