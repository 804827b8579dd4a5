"""The Flask template's own client checks (issue 11).

- ``production_checks``: what the shared smoke cannot know about Flask: the login page's session cookie is
  Secure/HttpOnly/SameSite=Lax, a session made on one worker is accepted by the other (one SECRET_KEY, never a
  random one per process), API writes with the session's CSRF token work on both workers, the API docs follow
  DOCS_ENABLED (off by default in production), a foreign Host gets 400 and a foreign X-Forwarded-Host is never
  echoed, and an unknown page is an HTML page of the site.
- ``check``: in development mode, through a real browser: sign up, log out, log in, a wrong password, a note
  written on the notes page, an altered CSRF token answered by an HTML page whose link leads back to the form,
  and the Swagger UI page rendered from the project's own assets under its CSP; then schemathesis with the
  session cookie and CSRF header obtained through HTTP; then the project's pytest leaves a developer's seeded
  database alone.
"""

from __future__ import annotations

import re
import secrets
import time
import urllib.parse
from collections.abc import Mapping
from typing import TYPE_CHECKING

from tests.clients import live
from tests.clients.browser import browser_page
from tests.clients.data_safety import assert_tests_leave_database_alone
from tests.clients.fuzz import fuzz
from tests.clients.record import record
from tests.clients.server import Reply, Server, dev_env, fetch, mailed_link, serve
from tests.harness import CheckFailed, Project

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page

#: The reset link in a console e-mail, as a path.
RESET_LINK = re.compile(r"https?://[^\s/]+(/auth/reset-password/\S+)")
FOREIGN_HOST = "evil.example"
CROSS_WORKER_CALLS = 12
CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')
DOCS = "/api/docs/"
SWAGGER_TITLE = ".swagger-ui .info .title"


def _fail(what: str, server: Server, problems: list[str]) -> None:
    if problems:
        raise CheckFailed(f"[{what}] " + f"\n[{what}] ".join(problems) + f"\nthe server said:\n{server.log_tail(3000)}")


class Visitor:
    """An HTTP client that keeps cookies and sends a same-site Referer, as a browser does."""

    def __init__(self, server: Server, *, https: bool = False) -> None:
        self.server = server
        self.https = https
        self.cookies: dict[str, str] = {}

    def origin(self) -> str:
        return f"{'https' if self.https else 'http'}://127.0.0.1:{self.server.port}"

    def request(
        self,
        method: str,
        path: str,
        *,
        form: Mapping[str, str] | None = None,
        json_body: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reply:
        sent = {"Referer": f"{self.origin()}{path}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = self.cookie_header()
        body = None
        if json_body is not None:
            body = json_body.encode()
            sent["Content-Type"] = "application/json"
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        reply = fetch(self.server.url, path, method=method, headers=sent, body=body, https=self.https)
        for cookie in reply.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            if value and "1970" not in cookie:
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        return reply

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def form_token(self, path: str) -> str:
        page = self.request("GET", path)
        match = CSRF_INPUT.search(page.text)
        if page.status != 200 or not match:
            raise CheckFailed(f"[auth] no CSRF token on the form: {page.describe(path=path)}")
        return match.group(1)

    def submit(self, path: str, fields: Mapping[str, str], expect: str) -> Reply:
        reply = self.request("POST", path, form={**fields, "csrf_token": self.form_token(path)})
        if reply.status != 302 or not (reply.headers.get("Location") or "").endswith(expect):
            raise CheckFailed(f"[auth] {path} should redirect to {expect}: {reply.describe('POST', path)}")
        return reply

    def sign_up_and_log_in(self) -> str:
        email = f"client-{secrets.token_hex(4)}@example.com"
        password = secrets.token_urlsafe(16)
        self.submit("/auth/register", {"email": email, "password": password, "confirm": password}, "/auth/login")
        self.submit("/auth/login", {"email": email, "password": password}, "/auth/account")
        return email

    def api_csrf_token(self) -> str:
        reply = self.request("GET", "/api/v1/csrf-token")
        if reply.status != 200:
            raise CheckFailed(f"[api] {reply.describe(path='/api/v1/csrf-token')}")
        return str(reply.json()["csrf_token"])


def has_accounts(server: Server) -> bool:
    return fetch(server.url, "/auth/login", https=True).status == 200


def has_notes_api(server: Server, *, https: bool = True) -> bool:
    return fetch(server.url, "/api/v1/notes/", https=https).status == 200


def cookie_problems(reply: Reply, name: str) -> list[str]:
    found = [c for c in reply.headers.get_all("Set-Cookie") or [] if c.startswith(f"{name}=")]
    if not found:
        return [f"the login page set no {name} cookie (its CSRF token lives in the session)"]
    needed = ("Secure", "HttpOnly", "SameSite=Lax")
    return [f"{name} cookie lacks {flag}: {found[0]}" for flag in needed if flag.lower() not in found[0].lower()]


def production_checks(server: Server, env: dict[str, str]) -> None:
    problems: list[str] = []
    docs_on = env.get("DOCS_ENABLED", "false").lower() in {"true", "1", "yes"}
    for path in (DOCS, f"{DOCS}openapi.json"):
        reply = fetch(server.url, path, https=True)
        if (reply.status == 200) != docs_on:
            problems.append(f"DOCS_ENABLED={docs_on}: {reply.describe(path=path)}")
    for path in ("/", "/auth/login", "/api/v1/nowhere"):
        reply = fetch(server.url, path, https=True, headers={"Host": FOREIGN_HOST})
        if reply.status != 400 or reply.headers.get("Location"):
            problems.append(f"a foreign Host must get 400 without Location: {reply.describe(path=path)}")
    reply = fetch(server.url, "/", headers={"X-Forwarded-Host": FOREIGN_HOST})
    if FOREIGN_HOST in (reply.headers.get("Location") or ""):
        problems.append(f"X-Forwarded-Host is trusted by default: {reply.describe(path='/')}")
    reply = fetch(server.url, "/nowhere", https=True)
    if reply.status != 404 or "text/html" not in (reply.headers.get("Content-Type") or "") or "Traceback" in reply.text:
        problems.append(f"an unknown page must be the site's HTML 404: {reply.describe(path='/nowhere')}")
    if has_accounts(server):
        problems += cookie_problems(fetch(server.url, "/auth/login", https=True), "session")
        visitor = Visitor(server, https=True)
        visitor.sign_up_and_log_in()
        answers = [visitor.request("GET", "/auth/account").status for _ in range(CROSS_WORKER_CALLS)]
        if answers != [200] * CROSS_WORKER_CALLS:
            problems.append(f"a session from one worker must work on every worker: /auth/account answered {answers}")
        if has_notes_api(server):
            token = visitor.api_csrf_token()
            created = [
                visitor.request(
                    "POST", "/api/v1/notes/", json_body=f'{{"title": "worker {n}"}}', headers={"X-CSRFToken": token}
                ).status
                for n in range(CROSS_WORKER_CALLS // 2)
            ]
            if created != [201] * len(created):
                problems.append(f"the session's CSRF token must work on every worker: POST notes answered {created}")
    _fail("production", server, problems)


class PageWatch:
    """Requests that leave the server and CSP violations, collected while a page is used."""

    def __init__(self, page: Page, server: Server) -> None:
        self.foreign: list[str] = []
        self.violations: list[str] = []
        page.on("request", lambda request: self._request(request.url, server))
        page.on("console", self._console)

    def _request(self, url: str, server: Server) -> None:
        if not url.startswith((server.url, "data:", "blob:", "about:")):
            self.foreign.append(url)

    def _console(self, message: ConsoleMessage) -> None:
        text = message.text
        if "Content Security Policy" in text:
            self.violations.append(text)

    def problems(self, what: str) -> None:
        if self.foreign or self.violations:
            raise CheckFailed(
                f"[browser] {what}: requests off the server {self.foreign}; CSP violations {self.violations}"
            )


def _expect_text(page: Page, text: str, what: str) -> None:
    content = page.content()
    if text not in content:
        raise CheckFailed(f"[browser] {what}: the page at {page.url} does not say {text!r}")


def _fill_and_submit(page: Page, fields: Mapping[str, str]) -> None:
    for name, value in fields.items():
        page.fill(f"form.stacked [name={name}]", value)
    with page.expect_navigation():
        page.click("form.stacked button[type=submit]")


def account_flows(server: Server, label: str, *, notes: bool, tenancy: bool = False, live: bool = False) -> int:
    """Sign up, log out, a wrong password, log in, a note on the notes page, an altered CSRF token."""
    base = server.url
    email = f"browser-{secrets.token_hex(4)}@example.com"
    password = secrets.token_urlsafe(16)
    flows = 0
    with browser_page(f"{label}-accounts") as page:
        watch = PageWatch(page, server)
        page.goto(f"{base}/auth/register")
        _fill_and_submit(page, {"email": email, "password": password, "confirm": password})
        _expect_text(page, "Your account is ready", "sign up")
        flows += 1

        _fill_and_submit(page, {"email": email, "password": password})
        _expect_text(page, email, "log in after signing up")
        with page.expect_navigation():
            page.click("button:has-text('Log out')")
        _expect_text(page, "You are logged out", "log out")
        if page.goto(f"{base}/auth/account") and "/auth/login" not in page.url:
            raise CheckFailed(f"[browser] after logging out, /auth/account should send to the login page: {page.url}")
        flows += 1

        page.goto(f"{base}/auth/login")
        _fill_and_submit(page, {"email": email, "password": password + "-wrong"})
        _expect_text(page, "Wrong e-mail or password.", "a wrong password")
        flows += 1

        page.goto(f"{base}/auth/login")
        page.eval_on_selector("input[name=csrf_token]", "input => { input.value = input.value + 'x'; }")
        _fill_and_submit(page, {"email": email, "password": password})
        heading = page.inner_text("main h1")
        if not heading.startswith("400"):
            raise CheckFailed(f"[browser] an altered CSRF token should give the 400 page, got heading {heading!r}")
        _expect_text(page, "The form expired or was changed.", "an altered CSRF token")
        with page.expect_navigation():
            page.click("text=Back to the form")
        if not page.url.endswith("/auth/login") or not page.query_selector("form.stacked [name=email]"):
            raise CheckFailed(f"[browser] the CSRF error page's link should lead back to the form: {page.url}")
        flows += 1

        _fill_and_submit(page, {"email": email, "password": password})
        _expect_text(page, email, "log in")
        flows += 1

        if notes:
            title = f"Browser note {secrets.token_hex(3)}"
            page.goto(f"{base}/notes/")
            _fill_and_submit(page, {"title": title, "body": "Written through the page."})
            _expect_text(page, "Note saved.", "a note written on the page")
            _expect_text(page, title, "the new note in the list")
            flows += 1
            if tenancy:
                flows += _organizations(page, server, title)
            if live:
                flows += _live_in_the_page(page, server)

        flows += _password_reset(page, server, email)
        watch.problems("account pages")
    return flows


def _organizations(page: Page, server: Server, title: str) -> int:
    """tenancy=yes: a second organisation of one's own hides the first one's notes until switching back."""
    page.goto(f"{server.url}/organizations/")
    _fill_and_submit(page, {"name": "Browser Works"})
    _expect_text(page, "You now work in Browser Works", "a new organisation becomes current")
    if "Browser Works" not in page.inner_text("header"):
        raise CheckFailed(f"[browser] the header should name the organisation worked in: {page.inner_text('header')!r}")
    page.goto(f"{server.url}/notes/")
    if title in page.inner_text("main"):
        raise CheckFailed("[browser] another organisation's note is listed on the notes page")
    page.goto(f"{server.url}/organizations/")
    with page.expect_navigation():
        page.click("main form.inline button[type=submit]")
    _expect_text(page, title, "switching back shows the first organisation's note again")
    return 1


#: Run in a page of the site: open the notes socket as the page's own script would, write a note through
#: the API with the session's CSRF token, and answer with what the socket said.
LIVE_SCRIPT = """async (title) => {
  const ws = new WebSocket(location.origin.replace(/^http/, "ws") + "/api/v1/ws/notes");
  const messages = [];
  const next = () => new Promise((resolve, reject) => {
    if (messages.length) return resolve(messages.shift());
    ws.onmessage = (event) => { ws.onmessage = (later) => messages.push(later.data); resolve(event.data); };
    ws.onclose = (event) => reject(new Error("closed with " + event.code));
    setTimeout(() => reject(new Error("nothing within 15 s")), 15000);
  });
  const subscribed = JSON.parse(await next());
  const token = (await (await fetch("/api/v1/csrf-token")).json()).csrf_token;
  const made = await fetch("/api/v1/notes/", {
    method: "POST",
    headers: {"Content-Type": "application/json", "X-CSRFToken": token},
    body: JSON.stringify({title}),
  });
  const event = JSON.parse(await next());
  ws.close();
  return {subscribed, status: made.status, event};
}"""


def _live_in_the_page(page: Page, server: Server) -> int:
    """realtime=yes: the site's own page opens the socket (its CSP and cookie allow it) and hears a new note."""
    page.goto(f"{server.url}/notes/")
    title = f"Live note {secrets.token_hex(3)}"
    heard = page.evaluate(LIVE_SCRIPT, title)
    if heard["subscribed"] != {"type": "subscribed"} or heard["status"] != 201:
        raise CheckFailed(f"[browser] the notes socket in a page: {heard}")
    if heard["event"].get("type") != "note.created" or heard["event"]["note"]["title"] != title:
        raise CheckFailed(f"[browser] the socket in the page did not hear the new note: {heard}")
    return 1


def _password_reset(page: Page, server: Server, email: str) -> int:
    """Log out, follow "Forgot your password?", open the link from the console e-mail, log in anew."""
    new_password = secrets.token_urlsafe(16)
    with page.expect_navigation():
        page.click("button:has-text('Log out')")
    page.goto(f"{server.url}/auth/login")
    with page.expect_navigation():
        page.click("text=Forgot your password?")
    _fill_and_submit(page, {"email": email})
    _expect_text(page, "a link to choose a new password is on its way", "asking for a reset link")
    page.goto(server.url + mailed_link(server, email, RESET_LINK, "flask browser"))
    _fill_and_submit(page, {"password": new_password, "confirm": new_password})
    _expect_text(page, "Your password is changed", "choosing a new password")
    _fill_and_submit(page, {"email": email, "password": new_password})
    _expect_text(page, email, "log in with the new password")
    return 1


def docs_render(server: Server, label: str) -> None:
    """Swagger UI renders from the server's own assets under the site's CSP."""
    with browser_page(f"{label}-docs") as page:
        watch = PageWatch(page, server)
        response = page.goto(f"{server.url}{DOCS}")
        if response is None or response.status != 200:
            raise CheckFailed(f"[browser] {DOCS} answered {response.status if response else 'nothing'}")
        page.wait_for_selector(SWAGGER_TITLE, timeout=20_000)
        if not page.inner_text(SWAGGER_TITLE).strip():
            raise CheckFailed(f"[browser] {DOCS}: the API title ({SWAGGER_TITLE}) is empty")
        watch.problems(DOCS)


def seed(context: Mapping[str, str]) -> list[str]:
    """Rows a developer has: a table of their own, an account (with accounts), a note (with the notes API)."""
    # The tests create and drop every model table; a table no model knows must survive as well.
    statements = [
        "CREATE TABLE dev_own_data (id integer PRIMARY KEY, value text)",
        "INSERT INTO dev_own_data (id, value) VALUES (1, 'keep me')",
    ]
    if context.get("auth") == "yes":
        statements.append("INSERT INTO users (email, password_hash) VALUES ('dev@example.com', 'not-a-real-hash')")
    if context.get("tenancy") == "yes":
        statements += [
            "INSERT INTO organizations (name) VALUES ('dev org')",
            "INSERT INTO memberships (user_id, organization_id, role) SELECT u.id, o.id, 'owner' "
            "FROM users u, organizations o WHERE u.email = 'dev@example.com'",
            "INSERT INTO notes (title, body, author_id, organization_id) SELECT 'dev note', 'keep me', "
            "m.user_id, m.organization_id FROM memberships m",
        ]
    elif context.get("api") == "yes" and context.get("auth") == "yes":
        statements.append(
            "INSERT INTO notes (title, body, author_id) SELECT 'dev note', 'keep me', id FROM users "
            "WHERE email = 'dev@example.com'"
        )
    elif context.get("api") == "yes":
        statements.append("INSERT INTO notes (title, body) VALUES ('dev note', 'keep me')")
    return statements


def check(project: Project) -> None:
    context = project.context
    label = "flask-" + "-".join(str(context.get(key)) for key in ("database", "auth", "api", "tenancy", "task_queue"))
    accounts = context.get("auth") == "yes"
    api = context.get("api") == "yes"
    with serve(project, dev_env(project)) as server:
        started = time.monotonic()
        tenancy, realtime = context.get("tenancy") == "yes", context.get("realtime") == "yes"
        flows = account_flows(server, label, notes=api, tenancy=tenancy, live=realtime) if accounts else 0
        if api:
            docs_render(server, label)
            flows += 1
        if flows:
            record("browser", label, flows=flows, seconds=round(time.monotonic() - started, 1))
        if api:
            headers = None
            if accounts:
                # The fuzzer's requests say https (X-Forwarded-Proto), so Flask-WTF also wants a same-site Referer.
                visitor = Visitor(server)
                visitor.sign_up_and_log_in()
                headers = {
                    "Cookie": visitor.cookie_header(),
                    "X-CSRFToken": visitor.api_csrf_token(),
                    "Referer": f"https://127.0.0.1:{server.port}/",
                }
            fuzz(server, f"{DOCS}openapi.json", label=label, headers=headers, max_examples=10, seconds=150)
    if context.get("database") != "none":
        assert_tests_leave_database_alone(project, seed(context))
    if context.get("realtime") == "yes":
        live.check(project)
