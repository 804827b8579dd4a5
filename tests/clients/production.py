"""The production start "with only the documented variables" (issue 11): fail closed, HTTPS, headers, hosts.

The project's ``.env`` is moved aside for the whole smoke, because a platform has none: what the app needs
must come from the variables the template declares in ``__production_env``.
"""

from __future__ import annotations

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
)
from tests.harness import CheckFailed, Project

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
            if extra is not None:
                extra(server, env)
    project.timings["production-smoke"] = time.monotonic() - started
