"""Optional steps after generation (``--git``, ``--install``): conveniences, never needed for the project itself.

Each returns nothing on success and raises :class:`AftercareError` with a clear message when a tool is missing
or fails; the project stays as generated either way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .errors import ScaffoldError


class AftercareError(ScaffoldError):
    """An optional step failed; the project was still created."""

    exit_code = 1


def _run(argv: list[str], cwd: Path, what: str, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        last = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise AftercareError(f"the project is in {cwd}, but {what} failed: {last[0]}")


def init_git(project: Path, author_name: str, author_email: str, message: str) -> None:
    """``git init`` and a first commit; the answers' author signs it when git has no identity configured."""
    if shutil.which("git") is None:
        raise AftercareError(f"the project is in {project}, but --git needs git, which is not installed")
    _run(["git", "init", "-q"], project, "git init")
    _run(["git", "add", "-A"], project, "git add")
    identity = subprocess.run(["git", "config", "user.email"], cwd=project, capture_output=True, text=True)
    env = dict(os.environ)
    if not identity.stdout.strip():
        env |= {
            "GIT_AUTHOR_NAME": author_name,
            "GIT_AUTHOR_EMAIL": author_email,
            "GIT_COMMITTER_NAME": author_name,
            "GIT_COMMITTER_EMAIL": author_email,
        }
    _run(["git", "commit", "-q", "-m", message], project, "the first commit", env)


def install(project: Path) -> str:
    """A ``.venv`` with the project and its ``dev`` extra, the way its README says.

    ``uv sync --extra dev`` when uv is on PATH (which also writes the ``uv.lock`` to commit), else venv and pip.
    """
    if not (project / "pyproject.toml").is_file():
        # Checked here because uv would look for one in the parent folders and install that project instead.
        raise AftercareError(f"the project is in {project}, but install failed: it has no pyproject.toml")
    uv = shutil.which("uv")
    if uv:
        _run([uv, "sync", "-q", "--extra", "dev"], project, "uv sync")
        return "uv sync"
    _run([sys.executable, "-m", "venv", ".venv"], project, "python -m venv")
    _run([".venv/bin/python", "-m", "pip", "install", "-q", "-e", ".[dev]"], project, "pip install")
    return "venv + pip"
