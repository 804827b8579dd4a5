"""The production start "with only the documented variables" (issue 11): fail closed, HTTPS, headers, hosts.

The project's ``.env`` is moved aside for the whole smoke, because a platform has none: what the app needs
must come from the variables the template declares in ``__production_env``.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.clients.server import (
    Reply,
    Server,
    declared_production_env,
    fetch,
    production_env,
    serve,
    start_web,
    stop,
)
from tests.harness import CheckFailed, Project, free_port, procfile

#: How long a web command started without a secret may take to give up.
REFUSAL_SECONDS = 30
FOREIGN_HOST = "evil.example"
PAGES = ("/", "/health")


@contextmanager
def dotenv_aside(project: Path) -> Iterator[None]:
    """Rename ``.env`` to a sibling name for the duration, and always put it back."""
    dotenv, aside = project / ".env", project / ".env.production-smoke-aside"
    moved = dotenv.exists()
    if moved:
        dotenv.rename(aside)
    try:
        yield
    finally:
        if moved:
            aside.rename(dotenv)


def refuses_without(project: Project, name: str) -> None:
    """Started without ``name``, the web command exits non-zero within the limit and never answers 200."""
    env = production_env(project, omit={name})
    with start_web(project, env, workers=1) as server:
        deadline = time.monotonic() + REFUSAL_SECONDS
        while time.monotonic() < deadline:
            code = server.process.poll()
            if code is not None:
                if code == 0:
                    raise CheckFailed(f"[production] without {name} the web command exited 0 instead of failing")
                return
            try:
                reply = fetch(server.url, "/health", timeout=3)
            except OSError:
                reply = None
            if reply is not None and reply.status == 200:
                raise CheckFailed(
                    f"[production] without {name} the server started and /health answered 200: it must refuse to "
                    f"start without its secret; the server said:\n{server.log_tail(3000)}"
                )
            time.sleep(0.3)
        raise CheckFailed(
            f"[production] without {name} the web command was still running after {REFUSAL_SECONDS}s; it must exit "
            "non-zero (gunicorn restarts a worker that calls sys.exit() for ever; an exception raised while the app "
            f"is imported makes it halt with code 3); the server said:\n{server.log_tail(3000)}"
        )


def _header_problems(reply: Reply, what: str) -> list[str]:
    problems = []
    if not reply.headers.get("Strict-Transport-Security"):
        problems.append(f"{what}: no Strict-Transport-Security header")
    if (reply.headers.get("X-Content-Type-Options") or "").lower() != "nosniff":
        problems.append(
            f"{what}: X-Content-Type-Options is {reply.headers.get('X-Content-Type-Options')!r}, not nosniff"
        )
    csp = (reply.headers.get("Content-Security-Policy") or "").lower()
    if not reply.headers.get("X-Frame-Options") and "frame-ancestors" not in csp:
        problems.append(f"{what}: no frame protection (neither X-Frame-Options nor CSP frame-ancestors)")
    return problems


def insecure_cookies(reply: Reply) -> list[str]:
    """The Set-Cookie headers of ``reply`` that lack the Secure attribute."""
    found = []
    for cookie in reply.headers.get_all("Set-Cookie") or []:
        attributes = {part.strip().split("=", 1)[0].lower() for part in cookie.split(";")[1:]}
        if "secure" not in attributes:
            found.append(cookie)
    return found


def check_running(server: Server) -> None:
    """The HTTP promises of a production server: redirect, headers, hosts, cookies. Names every broken one."""
    problems: list[str] = []
    seen: list[tuple[str, Reply]] = []

    def get(path: str, *, https: bool = False, headers: dict[str, str] | None = None) -> Reply:
        reply = fetch(server.url, path, https=https, headers=headers)
        what = f"GET {path} over {'https' if https else 'http'}" + "".join(
            f" with {k}: {v}" for k, v in (headers or {}).items()
        )
        seen.append((what, reply))
        return reply

    health = get("/health")
    if health.status != 200:
        problems.append(
            f"GET /health over plain http must answer 200 (a platform's probe): {health.describe(path='/health')}"
        )
    traced = get("/health", headers={"X-Request-ID": "smoke-0123456789abcdef"})
    if traced.headers.get("X-Request-ID") != "smoke-0123456789abcdef":
        problems.append(f"GET /health with X-Request-ID: the id is not echoed: {traced.describe(path='/health')}")
    home = get("/")
    location = home.headers.get("Location") or ""
    if home.status not in (301, 302, 307, 308) or not location.startswith("https://127.0.0.1"):
        problems.append(f"GET / over plain http must redirect to https://127.0.0.1...: {home.describe(path='/')}")
    for https in (False, True):
        for path in PAGES:
            for header in ("Host", "X-Forwarded-Host"):
                reply = get(path, https=https, headers={header: FOREIGN_HOST})
                what = seen[-1][0]
                if FOREIGN_HOST in (reply.headers.get("Location") or ""):
                    problems.append(f"{what}: the foreign host is echoed into Location: {reply.headers['Location']}")
                if reply.status >= 500:
                    problems.append(f"{what}: server error {reply.describe(path=path)}")
    for path in PAGES:
        problems += _header_problems(get(path, https=True), f"GET {path} over https")
    for what, reply in seen:
        problems += [f"{what}: Set-Cookie without Secure: {cookie}" for cookie in insecure_cookies(reply)]
    if problems:
        raise CheckFailed(
            "[production] " + "\n[production] ".join(problems) + f"\nthe server said:\n{server.log_tail(3000)}"
        )


def healthcheck_command(project: Project) -> list[str] | None:
    """The Dockerfile's ``HEALTHCHECK ... CMD [...]`` (exec form), or None when the project has no Dockerfile."""
    dockerfile = project.path / "Dockerfile"
    if not dockerfile.is_file():
        return None
    text = dockerfile.read_text(encoding="utf-8").replace("\\\n", " ")
    match = re.search(r"^HEALTHCHECK\b.*?\bCMD\s+(\[.*\])\s*$", text, re.MULTILINE)
    if match is None:
        raise CheckFailed("[docker] the Dockerfile has no HEALTHCHECK with an exec-form CMD")
    command = json.loads(match.group(1))
    if not (isinstance(command, list) and all(isinstance(part, str) for part in command)):
        raise CheckFailed(f"[docker] HEALTHCHECK CMD is not a list of strings: {command!r}")
    return command


def check_container_healthcheck(project: Project, server: Server, env: dict[str, str]) -> None:
    """Docker's probe, run as Docker runs it in the container (the image's variables, PORT), passes against the
    production server, sending a Host from the declared hosts variable; pointed at a port where nothing listens,
    it fails, so it really asks the app."""
    command = healthcheck_command(project)
    if command is None:
        return
    hosts = next(name for name, kind in declared_production_env(project).items() if kind == "hosts")
    probe_env = {**env, "PORT": str(server.port)}
    passed = subprocess.run(command, env=probe_env, capture_output=True, text=True, timeout=30)
    if passed.returncode != 0:
        raise CheckFailed(
            f"[docker] the Dockerfile's HEALTHCHECK failed against a healthy server ({hosts}={env[hosts]}):\n"
            f"{passed.stderr[-2000:]}\nthe server said:\n{server.log_tail(2000)}"
        )
    nobody = subprocess.run(command, env={**probe_env, "PORT": str(free_port())}, capture_output=True, timeout=30)
    if nobody.returncode == 0:
        raise CheckFailed("[docker] HEALTHCHECK passed with no server on its port: it does not ask the app")


#: What each background process of the Procfile prints once it is up and connected to its broker.
BACKGROUND_READY = {"worker": "ready.", "beat": "beat: Starting..."}


def check_background_processes(project: Project, env: dict[str, str], timeout: float = 40) -> None:
    """The Procfile's worker and beat lines, started as a platform would (the same variables, no .env), come
    up and stay up: a missing variable or a wrong ``--app`` makes them exit, which fails here."""
    entries = procfile(project.path)
    for name, marker in BACKGROUND_READY.items():
        if name not in entries:
            continue
        with tempfile.TemporaryDirectory(prefix=f"scaffold-{name}-") as folder:
            log_path = Path(folder) / f"{name}.log"
            with open(log_path, "ab") as log:
                process = subprocess.Popen(
                    ["bash", "-c", f"exec {entries[name]}"],
                    cwd=project.path,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            try:
                deadline = time.monotonic() + timeout
                while marker not in log_path.read_text(errors="replace"):
                    if process.poll() is not None or time.monotonic() > deadline:
                        said = log_path.read_text(errors="replace")[-3000:]
                        state = f"exited {process.returncode}" if process.poll() is not None else "never got ready"
                        raise CheckFailed(f"[production] the Procfile's {name} process {state}; it said:\n{said}")
                    time.sleep(0.2)
            finally:
                stop(process)
        for leftover in project.path.glob("celerybeat-schedule*"):
            leftover.unlink()


def smoke(project: Project, extra: Callable[[Server, dict[str, str]], None] | None = None) -> None:
    """Fail closed without each secret; with all declared variables, two workers keep the HTTP promises."""
    started = time.monotonic()
    secrets_needed = [name for name, kind in declared_production_env(project).items() if kind == "secret"]
    with dotenv_aside(project.path):
        for name in secrets_needed:
            refuses_without(project, name)
        env = production_env(project)
        with serve(project, env, workers=2) as server:
            check_running(server)
            check_container_healthcheck(project, server, env)
            check_background_processes(project, env)
            if extra is not None:
                extra(server, env)
    project.timings["production-smoke"] = time.monotonic() - started
