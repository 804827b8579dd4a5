"""Start a baked project's Procfile server the way a platform does, and talk HTTP to it without a client library.

``fetch`` uses ``http.client`` on purpose: it never follows a redirect and sends exactly the headers given
(including a foreign ``Host``), so a check sees the answer the server gave, not what a client made of it.
"""

from __future__ import annotations

import email.message
import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import tempfile
import time
import urllib.parse
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.harness import CheckFailed, Project, free_port, procfile, read_dotenv

HOSTS = "127.0.0.1,localhost"
#: What a platform gives every process besides the variables the app declares.
PLATFORM_VARIABLES = ("HOME", "LANG", "TMPDIR")


@dataclass
class Reply:
    """An HTTP answer; redirects are never followed."""

    status: int
    headers: email.message.Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        return json.loads(self.body)

    def describe(self, method: str = "GET", path: str = "") -> str:
        """One line for a failure message: status, Location and the start of the body."""
        where = f" -> Location: {self.headers.get('Location')}" if self.headers.get("Location") else ""
        return f"{method} {path} answered {self.status}{where}; body starts {self.body[:200]!r}"


def fetch(
    base_url: str,
    path: str,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
    https: bool = False,
    timeout: float = 15,
) -> Reply:
    """One request to ``base_url + path``; ``https=True`` says so the way a TLS-terminating proxy does."""
    url = urllib.parse.urlsplit(base_url)
    sent = dict(headers or {})
    if https:
        sent.setdefault("X-Forwarded-Proto", "https")
    connection = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port or 80, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        return Reply(response.status, response.msg, response.read())
    finally:
        connection.close()


@dataclass
class Server:
    """A running Procfile ``web:`` process."""

    url: str
    port: int
    log_path: Path
    process: subprocess.Popen[bytes]

    def log(self) -> str:
        """Everything the server printed so far (stdout and stderr), e.g. the console e-mails."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_tail(self, chars: int = 4000) -> str:
        """The last whole lines of the log, at most about ``chars`` long, for a failure message."""
        text = self.log()
        if len(text) <= chars:
            return text
        cut = text[-chars:]
        return "...\n" + cut.partition("\n")[2]


def dev_env(project: Project, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A developer's environment: the project's ``.env``, the bake's services (``project.overrides``), ``extra``."""
    return project.env({**read_dotenv(project.path / ".env"), **project.overrides, **(extra or {})})


def declared_production_env(project: Project) -> dict[str, str]:
    """NAME -> KIND from the template's ``__production_env``; a template without it fails the check."""
    declared = project.context.get("__production_env")
    if declared is None:
        framework = project.context.get("_framework", "this")
        raise CheckFailed(
            f"the {framework} template declares no __production_env in its cookiecutter.json: the production "
            "smoke cannot know which variables the README calls required"
        )
    kinds: dict[str, str] = {}
    for entry in declared:
        if not entry.strip():
            continue
        name, sep, kind = entry.strip().partition("=")
        if not sep or kind not in KINDS:
            raise CheckFailed(f"__production_env entry {entry!r} is not NAME=KIND with KIND one of {sorted(KINDS)}")
        kinds[name] = kind
    return kinds


def _database(project: Project) -> str:
    if "DATABASE_URL" in project.overrides:
        return project.overrides["DATABASE_URL"]
    folder = project.path.parent / f"{project.path.name}-production-data"
    folder.mkdir(exist_ok=True)
    return f"sqlite:///{folder.resolve() / 'production.db'}"


def _redis(project: Project) -> str:
    if "REDIS_URL" not in project.overrides:
        raise CheckFailed("__production_env asks for a redis URL but the bake has no Redis (no celery, no realtime)")
    return project.overrides["REDIS_URL"]


KINDS = {
    "secret": lambda project: secrets.token_urlsafe(50),
    "database": _database,
    "redis": _redis,
    "hosts": lambda project: HOSTS,
}


def production_env(project: Project, *, omit: Collection[str] = ()) -> dict[str, str]:
    """Only what a platform provides plus the variables the template declares, minus ``omit``."""
    env = {name: os.environ[name] for name in PLATFORM_VARIABLES if name in os.environ}
    env.setdefault("LANG", "C.UTF-8")
    env["VIRTUAL_ENV"] = str(project.venv)
    env["PATH"] = f"{project.venv / 'bin'}{os.pathsep}/usr/local/bin:/usr/bin:/bin"
    for name, kind in declared_production_env(project).items():
        if name not in omit:
            env[name] = KINDS[kind](project)
    return env


@contextmanager
def start_web(project: Project, env: Mapping[str, str], *, workers: int = 1) -> Iterator[Server]:
    """The Procfile ``web:`` command on a free port, in its own process group, stopped (TERM, then KILL) at exit."""
    command = procfile(project.path)["web"]
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="scaffold-server-") as folder:
        log_path = Path(folder) / "server.log"
        with open(log_path, "ab") as log:  # append mode: reading the file never moves the server's offset
            process = subprocess.Popen(
                ["bash", "-c", f"exec {command}"],
                cwd=project.path,
                env={**env, "PORT": str(port), "WEB_CONCURRENCY": str(workers)},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            yield Server(f"http://127.0.0.1:{port}", port, log_path, process)
        finally:
            stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        process.wait()


def wait_healthy(server: Server, timeout: float) -> Reply:
    """Poll ``/health`` over plain http until it answers 200; a web process that exits fails at once."""
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise CheckFailed(
                f"[health] the web process exited {server.process.returncode}; the server said:\n{server.log_tail()}"
            )
        try:
            reply = fetch(server.url, "/health", timeout=3)
            if reply.status == 200:
                return reply
            last = reply.describe(path="/health")
        except OSError as err:
            last = repr(err)
        time.sleep(0.2)
    raise CheckFailed(
        f"[health] no 200 from /health in {timeout:.0f}s (last: {last}); the server said:\n{server.log_tail()}"
    )


def run_release(project: Project, env: Mapping[str, str]) -> None:
    """The Procfile ``release:`` line, if the project has one."""
    command = procfile(project.path).get("release")
    if command:
        project.run(command, step="release", env=env)


@contextmanager
def serve(
    project: Project, env: Mapping[str, str], *, workers: int = 1, release: bool = True, timeout: float = 60
) -> Iterator[Server]:
    """Release (optionally) then web with ``WEB_CONCURRENCY=workers``, yielded once ``/health`` answers 200."""
    if release:
        run_release(project, env)
    started = time.monotonic()
    with start_web(project, env, workers=workers) as server:
        wait_healthy(server, timeout)
        project.timings["first-health"] = time.monotonic() - started
        yield server


def mailed_link(server: Server, email: str, link: re.Pattern[str], what: str, timeout: float = 10) -> str:
    """The first match of ``link`` in the console e-mail the server printed for ``email`` (its group 1)."""
    deadline = time.monotonic() + timeout
    log = ""
    while time.monotonic() < deadline:
        log = server.log()
        start = log.rfind(f"To: {email}")
        match = link.search(log, start) if start != -1 else None
        if match:
            return match.group(1)
        time.sleep(0.2)
    raise CheckFailed(f"[{what}] no password-reset mail to {email} in the server's output:\n{log[-3000:]}")
