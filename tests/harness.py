"""Bake-install-test harness: run a generated project's own checks in a fresh virtual environment.

Used by the template tests (``tests/templates/``) and, by hand, as
``python tests/harness.py FRAMEWORK [KEY=VALUE ...] [--clients] [--keep]`` to bake through scaffold's own
renderer and check; ``--clients`` adds the external clients of ``tests/clients/`` as the slow suite runs them.

Each project gets its own venv made by uv from a shared package cache (so the whole matrix stays cheap),
its own empty PostgreSQL database when it uses PostgreSQL, and its own Redis database number when it uses
Celery. What runs is what the project's README and CI promise: install the ``dev`` extra, ruff, mypy (strict),
pytest under its coverage gate, the template's CI checks (migrations), then the Procfile ``release:`` and
``web:`` lines until ``/health`` answers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

PG = ("127.0.0.1", 5432)
REDIS = ("127.0.0.1", 6379)
IN_CI = os.environ.get("CI", "").lower() == "true"
UV_CACHE = Path(os.environ.get("SCAFFOLD_UV_CACHE", Path(tempfile.gettempdir()) / "scaffold-uv-cache"))
# One mypy cache for the bakes of each test worker: the libraries' analysis is reused (20 s cold, 2-4 s warm);
# mypy checks each cached module against its source's hash, so bakes that share module names do not mix
# results. Not one cache for all workers: two mypy runs writing the same module's entry at once left it
# unreadable (an INTERNAL ERROR in the next run).
MYPY_CACHE = Path(tempfile.gettempdir()) / "scaffold-mypy-cache" / os.environ.get("PYTEST_XDIST_WORKER", "main")
LEFTOVER = re.compile(r"\{\{\s*cookiecutter|\{%-?\s*(if|for|endif|endfor|include|set)\b")
TEXT_SUFFIXES = {
    ".py",
    ".toml",
    ".md",
    ".txt",
    ".cfg",
    ".ini",
    ".yml",
    ".yaml",
    ".json",
    ".html",
    ".css",
    ".js",
    ".mako",
    ".example",
    "",
}


class CheckFailed(AssertionError):
    """A generated project failed one of its own checks; the message carries the command's output."""


def reachable(address: tuple[str, int]) -> bool:
    try:
        with socket.create_connection(address, timeout=1):
            return True
    except OSError:
        return False


def require_service(name: str, address: tuple[str, int]) -> None:
    """Skip when a service is down on a developer's machine; fail under CI=true, where it must be up."""
    if not reachable(address):
        skip_or_fail(f"{name} is not reachable at {address[0]}:{address[1]}")


def require_tool(*commands: str) -> None:
    """Skip when a command-line tool is not installed on a developer's machine; fail under CI=true."""
    absent = [command for command in commands if shutil.which(command) is None]
    if absent:
        skip_or_fail(f"{', '.join(absent)} not installed (.ci/run installs it)")


def skip_or_fail(message: str) -> NoReturn:
    """pytest.skip on a developer's machine; under CI=true, where nothing may be skipped, a failure."""
    if IN_CI:
        raise CheckFailed(f"{message}, and CI=true requires it")
    import pytest

    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _admin(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", PG[0], "-p", str(PG[1]), "-U", "postgres", "-d", "test", "-v", "ON_ERROR_STOP=1", "-qc", sql],
        check=True,
        capture_output=True,
        text=True,
    )


@contextmanager
def fresh_database(name: str) -> Iterator[str]:
    """An empty PostgreSQL database for one bake, dropped afterwards."""
    _admin(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@{PG[0]}:{PG[1]}/{name}"
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def read_dotenv(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return values


def procfile(path: Path) -> dict[str, str]:
    entries = {}
    for line in (path / "Procfile").read_text(encoding="utf-8").splitlines():
        name, sep, command = line.partition(":")
        if sep and name.strip() and not name.startswith("#"):
            entries[name.strip()] = command.strip()
    return entries


@dataclass
class Project:
    """A baked project and the environment its checks run in."""

    path: Path
    context: Mapping[str, Any]
    overrides: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    #: How the project's README installs it: "uv" (`uv sync --extra dev`, the first path) or "pip" (the other).
    installer: str = "uv"

    @property
    def venv(self) -> Path:
        return self.path / ".venv"

    def env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON", "PYTEST_"))}
        env.update(
            {
                "CI": "true",
                "VIRTUAL_ENV": str(self.venv),
                "PYTHONDONTWRITEBYTECODE": "1",
                "PATH": f"{self.venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
            }
        )
        env.update(self.overrides)
        env.update(extra or {})
        return env

    def run(self, command: str, *, step: str, timeout: float = 600, env: Mapping[str, str] | None = None) -> str:
        started = time.monotonic()
        proc = subprocess.run(
            ["bash", "-c", command],
            cwd=self.path,
            env=dict(env or self.env()),
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=timeout,
        )
        self.timings[step] = self.timings.get(step, 0.0) + time.monotonic() - started
        if proc.returncode != 0:
            raise CheckFailed(f"[{step}] `{command}` exited {proc.returncode} in {self.path}:\n{proc.stdout[-6000:]}")
        return proc.stdout

    # -- the checks, in the order a newcomer meets them -------------------------------------------------

    def check_rendered(self) -> None:
        """No template syntax survives in any file."""
        for file in self.path.rglob("*"):
            if ".venv" in file.parts or not file.is_file() or file.suffix not in TEXT_SUFFIXES:
                continue
            text = file.read_text(encoding="utf-8", errors="replace")
            if file.suffix == ".html":
                continue  # the framework's own Jinja templates use {% %} on purpose
            match = LEFTOVER.search(text)
            if match:
                raise CheckFailed(f"{file.relative_to(self.path)} still holds template syntax: {match.group(0)!r}")

    def install(self) -> None:
        """As the README says: `uv sync --extra dev` (which writes uv.lock), or venv and pip."""
        python = shlex.quote(sys.executable)
        if self.installer == "pip":
            self.run(f"{python} -m venv .venv", step="venv")
            self.run("python -m pip install -q -e '.[dev]'", step="install")
            return
        uv = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
        cache = f"UV_CACHE_DIR={shlex.quote(str(UV_CACHE))}"
        self.run(f"{cache} {uv} sync -q --extra dev --python {python}", step="install")
        if not (self.path / "uv.lock").is_file():
            raise CheckFailed("[install] uv sync wrote no uv.lock")
        self.run(f"{cache} {uv} sync -q --locked --extra dev --python {python}", step="install")

    def lint(self) -> None:
        self.run("ruff check . && ruff format --check .", step="ruff")

    def typecheck(self) -> None:
        """mypy in the strict mode the project's pyproject.toml configures, as its CI runs it."""
        self.run("mypy", step="mypy", env=self.env({"MYPY_CACHE_DIR": str(MYPY_CACHE)}))

    def test(self) -> None:
        """The project's tests under its own coverage gate (`fail_under` in pyproject.toml)."""
        self.run("python -m pytest -q -p no:cacheprovider --cov", step="pytest")

    def ci_checks(self) -> None:
        for command in self.context.get("__ci_checks", []):
            if command.strip():
                self.run(command, step="ci-checks")

    def serve_health(self, timeout: float = 30) -> dict[str, Any]:
        """Run the Procfile's release then web command, as a platform would, until /health answers 200."""
        from tests.clients.server import dev_env, fetch, serve

        with serve(self, dev_env(self), timeout=timeout) as server:
            body = fetch(server.url, "/health").json()
        if body.get("status") != "ok":
            raise CheckFailed(f"[health] /health answered 200 without status ok: {body}")
        return dict(body)

    def bandit(self) -> None:
        """Medium and high findings in the generated code (tests excluded) fail the check."""
        self.run(
            f"{shlex.quote(sys.executable)} -m bandit -q -r . -x ./tests,./.venv -ll",
            step="bandit",
            env=self.env({"PATH": os.environ.get("PATH", "")}),
        )

    def ci_files_valid(self) -> None:
        """CI workflows and the compose file follow their published schemas, and hadolint passes the Dockerfile
        at warning level (Docker itself cannot run here)."""
        checks = {
            ".github/workflows/ci.yml": "vendor.github-workflows",
            ".gitlab-ci.yml": "vendor.gitlab-ci",
            "compose.yaml": "vendor.compose-spec",
        }
        for relative, schema in checks.items():
            if (self.path / relative).is_file():
                self.run(
                    f"{shlex.quote(sys.executable)} -m check_jsonschema --builtin-schema {schema} {relative}",
                    step="ci-yaml",
                    env=self.env({"PATH": os.environ.get("PATH", "")}),
                )
        if (self.path / "Dockerfile").is_file():
            hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
            self.run(f"{shlex.quote(hadolint)} --failure-threshold warning Dockerfile", step="hadolint")

    def check_all(self) -> None:
        self.check_rendered()
        self.ci_files_valid()
        self.install()
        self.lint()
        self.typecheck()
        self.test()
        self.ci_checks()
        self.serve_health()
        self.bandit()


@contextmanager
def services_for(context: Mapping[str, Any], label: str) -> Iterator[dict[str, str]]:
    """The environment overrides a bake needs: a fresh PostgreSQL database, a Redis database number."""
    overrides: dict[str, str] = {}
    if context.get("task_queue") == "celery" or context.get("realtime") == "yes":
        require_service("Redis", REDIS)
        overrides["REDIS_URL"] = f"redis://{REDIS[0]}:{REDIS[1]}/{1 + uuid.uuid4().int % 15}"
    if context.get("database") == "postgresql":
        require_service("PostgreSQL", PG)
        require_tool("psql")
        name = re.sub(r"[^a-z0-9_]", "_", f"bake_{label[:30]}_{uuid.uuid4().hex[:8]}".lower())
        with fresh_database(name) as url:
            overrides["DATABASE_URL"] = url
            yield overrides
        return
    yield overrides


def _main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("framework", choices=["django", "flask", "fastapi"])
    parser.add_argument("answers", nargs="*", metavar="KEY=VALUE", help="stack options, e.g. database=postgresql")
    parser.add_argument("--keep", action="store_true", help="keep the baked project and print its path")
    parser.add_argument(
        "--clients",
        action="store_true",
        help="then the production smoke and tests/clients/FRAMEWORK.py's checks, as the slow suite runs them",
    )
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from scaffold.templates import load_template
    from tests.templates.conftest import render_through_scaffold

    given = dict(item.split("=", 1) for item in args.answers)
    workdir = Path(tempfile.mkdtemp(prefix=f"harness-{args.framework}-"))
    project_path, context = render_through_scaffold(load_template(args.framework), given, workdir)
    stack = {key: str(context[key]) for key in given}
    label = "_".join([args.framework, *stack.values()])
    with services_for(context, label) as overrides:
        project = Project(project_path, context, overrides)
        try:
            if args.clients:
                from tests.templates.conftest import run_clients

                run_clients(project, args.framework, label)
            else:
                project.check_all()
        finally:
            print(json.dumps({"project": str(project_path), "timings": project.timings}, indent=2))
            if not args.keep:
                shutil.rmtree(workdir, ignore_errors=True)
    print("all checks passed")
    return 0


if __name__ == "__main__":
    # Run as a script, this file is ``__main__``; import it as ``tests.harness`` so that the clients share one
    # CheckFailed and one Project class with it.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.harness import _main as main

    raise SystemExit(main())
