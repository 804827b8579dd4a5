"""The FastAPI template's own client checks (issue 11).

- ``production_checks``: what the shared smoke cannot know about FastAPI: two workers accept each other's
  tokens (one SECRET_KEY, never a random one per process), ``/docs`` follows DOCS_ENABLED (off by default),
  a foreign Host is refused with 400, and no CORS header is sent by default.
- ``check``: in development mode, the Swagger UI and ReDoc pages render in a real browser from the project's
  own assets (no request leaves the server, no CSP violation); schemathesis with a bearer token obtained
  through the API; and the project's pytest leaves a developer's seeded database alone.
"""

from __future__ import annotations

import json
import secrets
import time
import urllib.parse
from collections.abc import Mapping

from tests.clients import live
from tests.clients.browser import browser_page
from tests.clients.data_safety import assert_tests_leave_database_alone
from tests.clients.fuzz import fuzz
from tests.clients.record import record
from tests.clients.server import Reply, Server, dev_env, fetch, serve
from tests.harness import CheckFailed, Project

API = "/api/v1"
FOREIGN_HOST = "evil.example"
TOKEN_CALLS = 12
CSP = "Content Security Policy"
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
DOCS_PAGES = {"/docs": ".swagger-ui .info .title", "/redoc": ".redoc-wrap .api-info h1"}


def _fail(what: str, server: Server, problems: list[str]) -> None:
    if problems:
        raise CheckFailed(f"[{what}] " + f"\n[{what}] ".join(problems) + f"\nthe server said:\n{server.log()[-3000:]}")


def post(server: Server, path: str, body: bytes, content_type: str, expected: int, *, https: bool) -> Reply:
    reply = fetch(server.url, path, method="POST", https=https, headers={"Content-Type": content_type}, body=body)
    if reply.status != expected:
        raise CheckFailed(f"[auth] {reply.describe('POST', path)}, expected {expected}")
    return reply


def bearer_token(server: Server, *, https: bool = False) -> str | None:
    """Register a fresh user and sign in through the API; None when the project has no accounts."""
    if fetch(server.url, f"{API}/users/me", https=https).status == 404:
        return None
    account = {"username": f"client_{secrets.token_hex(4)}", "password": secrets.token_urlsafe(16)}
    post(server, f"{API}/users", json.dumps(account).encode(), "application/json", 201, https=https)
    form = urllib.parse.urlencode(account).encode()
    signed_in = post(server, f"{API}/auth/token", form, "application/x-www-form-urlencoded", 200, https=https)
    return str(signed_in.json()["access_token"])


def production_checks(server: Server, env: dict[str, str]) -> None:
    problems: list[str] = []
    docs_on = env.get("DOCS_ENABLED", "false").lower() == "true"
    for path in ("/docs", "/redoc", "/openapi.json"):
        reply = fetch(server.url, path, https=True)
        if (reply.status == 200) != docs_on:
            problems.append(f"DOCS_ENABLED={docs_on}: {reply.describe(path=path)}")
    for path in ("/openapi.json", f"{API}/nowhere"):
        reply = fetch(server.url, path, https=True, headers={"Host": FOREIGN_HOST})
        if reply.status != 400:
            problems.append(f"a foreign Host must get 400: {reply.describe(path=path)}")
    origin = {"Origin": "https://frontend.example"}
    for method, headers in (("GET", origin), ("OPTIONS", {**origin, "Access-Control-Request-Method": "POST"})):
        reply = fetch(server.url, "/health", method=method, https=True, headers=headers)
        if reply.headers.get("Access-Control-Allow-Origin"):
            problems.append(f"CORS must be off by default: {method} /health sent Access-Control-Allow-Origin")
    token = bearer_token(server, https=True)
    if token is not None:
        answers = [
            fetch(server.url, f"{API}/users/me", https=True, headers={"Authorization": f"Bearer {token}"}).status
            for _ in range(TOKEN_CALLS)
        ]
        if answers != [200] * TOKEN_CALLS:
            problems.append(f"a token from one worker must work on every worker: /users/me answered {answers}")
    _fail("production", server, problems)


def docs_render(server: Server, label: str) -> int:
    """Each docs page renders its UI from the server's own assets under its CSP; returns the pages checked."""
    for path, selector in DOCS_PAGES.items():
        docs_page(server, f"{label}{path.replace('/', '-')}", path, selector)
    return len(DOCS_PAGES)


def docs_page(server: Server, label: str, path: str, selector: str) -> None:
    foreign: list[str] = []
    violations: list[str] = []
    with browser_page(label) as page:
        page.on("request", lambda request: None if _local(request.url, server) else foreign.append(request.url))
        page.on("console", lambda message: violations.append(message.text) if CSP in message.text else None)
        response = page.goto(f"{server.url}{path}")
        if response is None or response.status != 200:
            raise CheckFailed(f"[browser] {path} answered {response.status if response else 'nothing'}")
        page.wait_for_selector(selector, timeout=20_000)
        if not page.inner_text(selector).strip():
            raise CheckFailed(f"[browser] {path}: the API title ({selector}) is empty")
        # ReDoc always asks cdn.redoc.ly for its "API docs by Redocly" logo; the CSP blocks it before any
        # traffic and ReDoc hides the broken image. Anything else off the server fails.
        unexpected = [url for url in foreign if url != REDOC_LOGO]
        unexplained = [text for text in violations if REDOC_LOGO not in text]
        if unexpected or unexplained or (REDOC_LOGO in foreign and not violations):
            raise CheckFailed(f"[browser] {path}: requests off the server {foreign}; CSP violations {violations}")


def _local(url: str, server: Server) -> bool:
    return url.startswith((server.url, "data:", "blob:", "about:"))


def seed(context: Mapping[str, str]) -> list[str]:
    """Rows a developer has: an account (with accounts) and an item."""
    if context.get("tenancy") == "yes":
        return [
            "INSERT INTO users (username, password_hash, is_active) VALUES ('dev_user', 'not-a-real-hash', true)",
            "INSERT INTO organizations (name) VALUES ('dev org')",
            "INSERT INTO memberships (user_id, organization_id, role) "
            "SELECT u.id, o.id, 'owner' FROM users u, organizations o WHERE u.username = 'dev_user'",
            "INSERT INTO items (owner_id, organization_id, name, description, quantity) "
            "SELECT m.user_id, m.organization_id, 'dev widget', 'keep me', 3 FROM memberships m",
        ]
    if context.get("auth") == "yes":
        return [
            "INSERT INTO users (username, password_hash, is_active) VALUES ('dev_user', 'not-a-real-hash', true)",
            "INSERT INTO items (owner_id, name, description, quantity) "
            "SELECT id, 'dev widget', 'keep me', 3 FROM users WHERE username = 'dev_user'",
        ]
    return ["INSERT INTO items (name, description, quantity) VALUES ('dev widget', 'keep me', 3)"]


def check(project: Project) -> None:
    context = project.context
    label = "fastapi-" + "-".join(str(context.get(key)) for key in ("database", "auth", "task_queue"))
    with serve(project, dev_env(project)) as server:
        started = time.monotonic()
        pages = docs_render(server, label)
        record("browser", label, flows=pages, seconds=round(time.monotonic() - started, 1))
        token = bearer_token(server)
        headers = {"Authorization": f"Bearer {token}"} if token else None
        fuzz(server, "/openapi.json", label=label, headers=headers, max_examples=10, seconds=150)
    if context.get("database") != "none":
        assert_tests_leave_database_alone(project, seed(context))
    if context.get("realtime") == "yes":
        live.check(project)
