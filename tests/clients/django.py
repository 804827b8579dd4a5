"""The Django template's own client checks: a browser through the account pages, schemathesis with a DRF
token, the developer's database left alone, and Django's production specifics.

Called by the bake matrix (tests/templates/conftest.py) after the harness and the production smoke.
"""

from __future__ import annotations

import json
import re
import secrets
import urllib.parse
from typing import TYPE_CHECKING

from tests.clients.browser import browser_page
from tests.clients.data_safety import assert_tests_leave_database_alone
from tests.clients.fuzz import fuzz
from tests.clients.record import record
from tests.clients.server import Reply, Server, dev_env, fetch, mailed_link, serve
from tests.harness import CheckFailed, Project

if TYPE_CHECKING:
    from playwright.sync_api import Page

PASSWORD = "correct-horse-battery-staple-11"
NEW_PASSWORD = "another-long-passphrase-42"
#: How long a browser step may wait for the page it expects.
STEP_MS = 15_000
#: The reset link in a console e-mail: the first URL to the reset-confirm view.
RESET_LINK = re.compile(r"https?://[^\s/]+(/accounts/reset/[^\s]+/)")


def _options(project: Project) -> dict[str, str]:
    keys = ("database", "auth", "api", "tenancy", "task_queue")
    return {key: str(project.context.get(key, "no")) for key in keys}


def _fail(what: str, reply: Reply, path: str, method: str = "GET") -> None:
    raise CheckFailed(f"[django] {what}: {reply.describe(method, path)}")


# -- production --------------------------------------------------------------------------------------------


def _cookies(reply: Reply) -> dict[str, str]:
    """Set-Cookie headers by cookie name (the whole header, attributes included)."""
    found = {}
    for header in reply.headers.get_all("Set-Cookie") or []:
        found[header.split("=", 1)[0].strip()] = header
    return found


def _cookie_value(header: str) -> str:
    return header.split(";", 1)[0].split("=", 1)[1]


def _attributes(header: str) -> set[str]:
    return {part.strip().split("=", 1)[0].lower() for part in header.split(";")[1:]}


def _form_post(server: Server, path: str, fields: dict[str, str], cookies: dict[str, str]) -> Reply:
    """A browser-like form POST over https: CSRF token, cookie and Origin, as Django checks them."""
    body = urllib.parse.urlencode(fields).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items()),
        "Origin": f"https://127.0.0.1:{server.port}",
    }
    return fetch(server.url, path, method="POST", body=body, headers=headers, https=True)


def _csrf(reply: Reply) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', reply.text)
    if not match:
        raise CheckFailed(f"[django] no CSRF token in the form: {reply.describe()}")
    return match.group(1)


def _signed_in_session(server: Server, email: str) -> str:
    """Sign up through the HTML form over https; checks the cookies' flags on the way; the session id."""
    page = fetch(server.url, "/accounts/signup/", https=True)
    if page.status != 200:
        _fail("the sign-up page over https", page, "/accounts/signup/")
    csrf_cookie = _cookies(page).get("csrftoken")
    if not csrf_cookie or "secure" not in _attributes(csrf_cookie):
        raise CheckFailed(f"[django] the sign-up page sets no Secure CSRF cookie: {csrf_cookie!r}")
    login_page = fetch(server.url, "/accounts/login/", https=True)
    if login_page.status != 200:
        _fail("the login page over https", login_page, "/accounts/login/")
    for name, header in _cookies(login_page).items():
        if "secure" not in _attributes(header):
            raise CheckFailed(f"[django] the login page sets cookie {name} without Secure: {header}")
    fields = {"csrfmiddlewaretoken": _csrf(page), "email": email, "password1": PASSWORD, "password2": PASSWORD}
    reply = _form_post(server, "/accounts/signup/", fields, {"csrftoken": _cookie_value(csrf_cookie)})
    session = _cookies(reply).get("sessionid")
    if reply.status != 302 or not session:
        _fail("signing up over https must redirect with a session cookie", reply, "/accounts/signup/", "POST")
    if not {"secure", "httponly"} <= _attributes(session):
        raise CheckFailed(f"[django] the session cookie must be Secure and HttpOnly: {session}")
    return _cookie_value(session)


def _token(server: Server, email: str, *, https: bool) -> str:
    body = json.dumps({"username": email, "password": PASSWORD}).encode()
    reply = fetch(
        server.url,
        "/api/auth/token/",
        method="POST",
        body=body,
        headers={"Content-Type": "application/json"},
        https=https,
    )
    if reply.status != 200:
        _fail("a token for e-mail and password", reply, "/api/auth/token/", "POST")
    return str(reply.json()["token"])


def _every_answer(server: Server, path: str, headers: dict[str, str], times: int = 12) -> list[int]:
    """The statuses of ``times`` requests, each on a new connection, so both workers answer some."""
    return [fetch(server.url, path, headers=headers, https=True).status for _ in range(times)]


def production_checks(server: Server, env: dict[str, str]) -> None:
    """Django's production promises beyond the shared smoke, on the 2-worker production server."""
    checks = 0
    admin = fetch(server.url, "/admin/", https=True)
    if admin.status != 404:
        _fail("without DJANGO_ADMIN_URL there must be no admin site at /admin/", admin, "/admin/")
    missing = fetch(server.url, "/no-such-page/", https=True)
    if missing.status != 404 or "text/html" not in (missing.headers.get("Content-Type") or ""):
        _fail("a missing page must be the HTML 404 page", missing, "/no-such-page/")
    if 'href="/"' not in missing.text:
        _fail("the 404 page must link back home", missing, "/no-such-page/")
    icon = fetch(server.url, "/favicon.ico", https=True)
    location = icon.headers.get("Location") or ""
    if icon.status != 301 or not location.startswith("/static/"):
        _fail("/favicon.ico must redirect to the collected icon", icon, "/favicon.ico")
    collected = fetch(server.url, location, https=True)
    if collected.status != 200 or b"<svg" not in collected.body:
        _fail("the icon must be served from the collected static files", collected, location)
    foreign = fetch(server.url, "/", headers={"Host": "evil.example"}, https=True)
    if foreign.status != 400:
        _fail("a foreign Host must get 400", foreign, "/")
    checks += 4
    options = _features(server)
    if options["auth"]:
        email = f"prod-{secrets.token_hex(4)}@example.com"
        session = _signed_in_session(server, email)
        statuses = _every_answer(server, "/notes/new/", {"Cookie": f"sessionid={session}"})
        if set(statuses) != {200}:
            raise CheckFailed(f"[django] a session from one worker must work on both: /notes/new/ gave {statuses}")
        checks += 2
        if options["api"]:
            token = _token(server, email, https=True)
            statuses = _every_answer(server, "/api/notes/", {"Authorization": f"Token {token}"})
            if set(statuses) != {200}:
                raise CheckFailed(f"[django] a token must work on both workers: /api/notes/ gave {statuses}")
            checks += 1
    if options["api"]:
        for path in ("/api/docs/", "/api/schema/"):
            docs = fetch(server.url, path, https=True)
            if docs.status != 404:
                _fail(f"production without DJANGO_API_DOCS must not publish {path}", docs, path)
        checks += 1
    record("production", "django", checks=checks)


def _features(server: Server) -> dict[str, bool]:
    """What the served project has, asked of the server itself (the smoke hands over no project)."""
    login = fetch(server.url, "/accounts/login/", https=True)
    token = fetch(server.url, "/api/auth/token/", https=True)
    return {"auth": login.status == 200, "api": token.status == 405}


# -- browser ----------------------------------------------------------------------------------------------


def _header_text(page: Page) -> str:
    return page.locator("header.site-header").inner_text(timeout=STEP_MS)


def _sign_in(page: Page, server: Server, email: str, password: str) -> None:
    page.goto(f"{server.url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def _log_out(page: Page) -> None:
    page.click("header form button[type=submit]")
    page.wait_for_load_state()


def _expect(condition: bool, what: str, page: Page) -> None:
    if not condition:
        raise CheckFailed(f"[django browser] {what}; the page is {page.url}: {page.inner_text('body')[:500]!r}")


def browser_flows(project: Project, server: Server, label: str) -> int:
    """Everything a person does with accounts, through real pages; the number of flows run."""
    email = f"browser-{secrets.token_hex(4)}@example.com"
    flows = 0
    with browser_page(f"{label}-browser") as page:
        not_found: list[str] = []
        page.on("response", lambda response: response.status == 404 and not_found.append(response.url))
        page.set_default_timeout(STEP_MS)

        page.goto(f"{server.url}/accounts/signup/")
        _expect("Sign up" in page.title(), "the sign-up page's title names the page", page)
        _expect("127.0.0.1" not in page.title(), "the sign-up page's title shows the host", page)
        page.fill("input[name=email]", email)
        page.fill("input[name=password1]", PASSWORD)
        page.fill("input[name=password2]", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        _expect(email in _header_text(page), "after signing up the header names the new user", page)
        flows += 1

        _log_out(page)
        _expect("Log in" in _header_text(page), "after logging out the header offers to log in", page)
        flows += 1

        _sign_in(page, server, email, "not-the-password")
        _expect(page.locator(".errorlist").count() > 0, "a wrong password shows an error on the form", page)
        _expect("/accounts/login/" in page.url, "a wrong password stays on the login page", page)
        flows += 1

        _sign_in(page, server, email, PASSWORD)
        _expect(email in _header_text(page), "after logging in the header names the user", page)
        login_title = page.title()
        flows += 1

        page.goto(f"{server.url}/notes/new/")
        title = f"Browser note {secrets.token_hex(3)}"
        page.fill("input[name=title]", title)
        page.fill("textarea[name=body]", "Written through the page.")
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        _expect(page.locator("h1").inner_text() == title, "saving a note shows it", page)
        page.goto(f"{server.url}/")
        _expect(title in page.inner_text("main"), "the new note is on the home page", page)
        flows += 1

        if _options(project)["tenancy"] == "yes":
            flows += _organizations(page, server, title)

        _log_out(page)
        page.goto(f"{server.url}/accounts/login/")
        _expect("127.0.0.1" not in page.title(), f"the login page's title shows the host: {login_title!r}", page)
        page.eval_on_selector("input[name=csrfmiddlewaretoken]", "input => { input.value = 'x'.repeat(64); }")
        page.fill("input[name=username]", email)
        page.fill("input[name=password]", PASSWORD)
        with page.expect_response(lambda response: response.request.method == "POST") as answer:
            page.click("main button[type=submit]")
        response = answer.value
        _expect(response.status == 403, f"an altered CSRF token is refused with 403, not {response.status}", page)
        _expect("text/html" in (response.headers.get("content-type") or ""), "the CSRF failure page is HTML", page)
        _expect("This form has expired" in page.inner_text("main"), "the CSRF failure page says what happened", page)
        page.click("text=Open the form again")
        page.wait_for_load_state()
        _expect("/accounts/login/" in page.url, "the CSRF failure page leads back to the form", page)
        flows += 1

        page.goto(f"{server.url}/accounts/password_reset/")
        page.fill("input[name=email]", email)
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        _expect("Check your email" in page.inner_text("main"), "asking for a reset says to check the mail", page)
        link = mailed_link(server, email, RESET_LINK, "django browser")
        page.goto(f"{server.url}{link}")
        page.fill("input[name=new_password1]", NEW_PASSWORD)
        page.fill("input[name=new_password2]", NEW_PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        _expect("Password set" in page.inner_text("main"), "the new password is accepted", page)
        _sign_in(page, server, email, NEW_PASSWORD)
        _expect(email in _header_text(page), "the new password logs in", page)
        flows += 1

        if _options(project)["api"] == "yes":
            flows += _docs_page(page, server)
        _expect(not not_found, f"no request may answer 404 (favicon, static files): {not_found}", page)
    return flows


def _organizations(page: Page, server: Server, title: str) -> int:
    """tenancy=yes: a second organisation of one's own hides the first one's notes until switching back."""
    page.goto(f"{server.url}/organizations/")
    page.fill("input[name=name]", "Browser Works")
    page.click("main form:not(.inline) button[type=submit]")
    page.wait_for_load_state()
    _expect("You now work in Browser Works" in page.inner_text("main"), "a new organisation becomes current", page)
    _expect("Browser Works" in _header_text(page), "the header names the organisation worked in", page)
    page.goto(f"{server.url}/")
    _expect(title not in page.inner_text("main"), "another organisation's note is not on its home page", page)
    page.goto(f"{server.url}/organizations/")
    page.click("main form.inline button[type=submit]")
    page.wait_for_load_state()
    _expect(title in page.inner_text("main"), "switching back shows the first organisation's note again", page)
    return 1


def _docs_page(page: Page, server: Server) -> int:
    """The Swagger UI renders from the project's own files: nothing is fetched from another host."""
    foreign: list[str] = []
    page.on(
        "request",
        lambda request: not request.url.startswith((server.url, "data:", "blob:")) and foreign.append(request.url),
    )
    page.goto(f"{server.url}/api/docs/")
    page.wait_for_selector(".swagger-ui .info", state="visible", timeout=STEP_MS)
    page.wait_for_selector(".swagger-ui .opblock", state="visible", timeout=STEP_MS)
    _expect(not foreign, f"the API docs load nothing from other hosts: {foreign}", page)
    return 1


# -- fuzz -------------------------------------------------------------------------------------------------


def _create_user(project: Project, env: dict[str, str], email: str) -> None:
    script = (
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_user(email={email!r}, password={PASSWORD!r})"
    )
    project.run(f"python manage.py shell --no-imports -c {json.dumps(script)}", step="fuzz-user", env=env)


def fuzz_api(project: Project, server: Server, env: dict[str, str], label: str) -> int:
    email = f"fuzz-{secrets.token_hex(4)}@example.com"
    _create_user(project, env, email)
    token = _token(server, email, https=False)
    return fuzz(
        server,
        "/api/schema/?format=json",
        label=label,
        headers={"Authorization": f"Token {token}"},
        max_examples=10,
        seconds=150,
    )


# -- data safety ------------------------------------------------------------------------------------------

STAMP = "'2026-01-01 00:00:00+00'"


def seed(project: Project) -> list[str]:
    """Rows a developer has: a user, a note of theirs, and their API token when there is an API."""
    user = "(SELECT id FROM users_user WHERE email = 'dev@example.com')"
    statements = [
        "INSERT INTO users_user (password, is_superuser, first_name, last_name, is_staff, is_active, "
        f"date_joined, email) VALUES ('!unusable', FALSE, 'Dev', 'Eloper', FALSE, TRUE, {STAMP}, "
        "'dev@example.com')",
    ]
    if _options(project)["tenancy"] == "yes":
        organization = "(SELECT id FROM organizations_organization WHERE name = 'Dev org')"
        statements += [
            f"INSERT INTO organizations_organization (name, created_at) VALUES ('Dev org', {STAMP})",
            "INSERT INTO organizations_membership (user_id, organization_id, role, created_at) "
            f"VALUES ({user}, {organization}, 'owner', {STAMP})",
            "INSERT INTO notes_note (title, body, author_id, organization_id, created_at, updated_at) "
            f"VALUES ('Keep me', 'A developer''s note', {user}, {organization}, {STAMP}, {STAMP})",
        ]
    else:
        statements.append(
            "INSERT INTO notes_note (title, body, author_id, created_at, updated_at) "
            f"VALUES ('Keep me', 'A developer''s note', {user}, {STAMP}, {STAMP})"
        )
    if _options(project)["api"] == "yes":
        statements.append(f"INSERT INTO authtoken_token (key, user_id, created) VALUES ('{'d' * 40}', {user}, {STAMP})")
    return statements


# -- entry point ------------------------------------------------------------------------------------------


def check(project: Project) -> None:
    options = _options(project)
    label = "django-" + "-".join(f"{key}={value}" for key, value in options.items())
    flows = cases = 0
    if options["auth"] == "yes" or options["api"] == "yes":
        env = dev_env(project)
        with serve(project, env) as server:
            if options["auth"] == "yes":
                flows = browser_flows(project, server, label)
                record("browser", label, flows=flows)
            if options["api"] == "yes":
                cases = fuzz_api(project, server, env, label)
    assert_tests_leave_database_alone(project, seed(project))
    record("django-clients", label, browser_flows=flows, fuzz_cases=cases, data_safety=1)
