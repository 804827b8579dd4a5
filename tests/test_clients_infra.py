"""The client checks themselves, against tiny servers: each check must be able to fail, and must pass a good app."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from tests.clients import production
from tests.clients.server import dev_env, fetch, production_env, serve
from tests.harness import CheckFailed, Project

#: A production-minded WSGI app in twenty lines; FLAW (set on the Procfile line) breaks one promise.
APP = textwrap.dedent(
    """
    import os, sys
    from wsgiref.simple_server import make_server
    flaw = os.environ.get("FLAW", "")
    if not os.environ.get("SECRET_KEY") and flaw != "no-secret-needed":
        sys.exit("SECRET_KEY must be set")
    hosts = os.environ["ALLOWED_HOSTS"].split(",")
    def app(environ, start_response):
        host = environ.get("HTTP_X_FORWARDED_HOST" if flaw == "echo-host" else "HTTP_HOST", "").split(":")[0]
        if flaw != "echo-host" and host not in hosts:
            start_response("400 Bad Request", [("Content-Type", "text/plain")])
            return [b"bad host"]
        headers = [("Content-Type", "application/json"), ("X-Content-Type-Options", "nosniff"),
                   ("X-Frame-Options", "DENY"), ("Set-Cookie", "s=1; Path=/; Secure; HttpOnly")]
        if flaw != "no-hsts":
            headers.append(("Strict-Transport-Security", "max-age=31536000"))
        if flaw != "no-request-id":
            headers.append(("X-Request-ID", environ.get("HTTP_X_REQUEST_ID", "fresh-0123456789")))
        https = environ.get("HTTP_X_FORWARDED_PROTO") == "https"
        if environ["PATH_INFO"] != "/health" and not https:
            location = "https://" + (host if flaw == "echo-host" else environ["HTTP_HOST"]) + environ["PATH_INFO"]
            start_response("301 Moved Permanently", headers + [("Location", location)])
            return [b""]
        start_response("200 OK", headers)
        return [b'{"status": "ok"}']
    make_server("127.0.0.1", int(os.environ["PORT"]), app).serve_forever()
    """
)
DECLARED = ["SECRET_KEY=secret", "ALLOWED_HOSTS=hosts", "DATABASE_URL=database", ""]


def tiny_project(tmp_path: Path, flaw: str = "") -> Project:
    path = tmp_path / "tiny"
    path.mkdir()
    (path / "app.py").write_text(APP)
    (path / ".env").write_text("SECRET_KEY=from-the-dotenv-file\nALLOWED_HOSTS=127.0.0.1\n")
    released = "open('released', 'w').write('yes')"
    (path / "Procfile").write_text(
        f'release: {sys.executable} -c "{released}"\nweb: env FLAW={flaw} {sys.executable} app.py\n'
    )
    return Project(path, {"_framework": "tiny", "__production_env": DECLARED})


def test_fetch_never_follows_redirects_and_sends_the_host_given(tmp_path: Path) -> None:
    project = tiny_project(tmp_path)
    with serve(project, dev_env(project)) as server:
        reply = fetch(server.url, "/somewhere")
        assert reply.status == 301 and reply.headers["location"] == f"https://127.0.0.1:{server.port}/somewhere"
        assert fetch(server.url, "/", headers={"Host": "evil.example"}).status == 400
        assert fetch(server.url, "/", https=True).json() == {"status": "ok"}
        assert "GET /somewhere" in server.log()
    assert (project.path / "released").read_text() == "yes"


def test_production_env_holds_only_what_a_platform_gives(tmp_path: Path) -> None:
    project = tiny_project(tmp_path)
    env = production_env(project, omit={"SECRET_KEY"})
    assert "SECRET_KEY" not in env and env["ALLOWED_HOSTS"] == "127.0.0.1,localhost"
    assert env["DATABASE_URL"].startswith("sqlite:////") and env["DATABASE_URL"].endswith("/production.db")
    assert not {"CI", "PYTEST_CURRENT_TEST"} & set(env)
    first, second = production_env(project)["SECRET_KEY"], production_env(project)["SECRET_KEY"]
    assert first != second and len(first) >= 50


def test_a_good_app_passes_the_smoke_and_the_dotenv_comes_back(tmp_path: Path) -> None:
    project = tiny_project(tmp_path)
    seen: list[str] = []
    production.smoke(project, extra=lambda server, env: seen.append(env["SECRET_KEY"]))
    assert len(seen) == 1 and seen[0] != "from-the-dotenv-file"
    assert (project.path / ".env").read_text().startswith("SECRET_KEY=from-the-dotenv-file")


@pytest.mark.parametrize(
    ("flaw", "message"),
    [
        ("echo-host", "X-Forwarded-Host: evil.example: the foreign host is echoed into Location"),
        ("no-hsts", "GET / over https: no Strict-Transport-Security header"),
        ("no-secret-needed", "without SECRET_KEY the server started and /health answered 200"),
        ("no-request-id", "GET /health with X-Request-ID: the id is not echoed"),
    ],
)
def test_the_smoke_fails_a_flawed_app(tmp_path: Path, flaw: str, message: str) -> None:
    project = tiny_project(tmp_path, flaw)
    with pytest.raises(CheckFailed, match=message):
        production.smoke(project)
    assert (project.path / ".env").is_file()


@pytest.mark.parametrize(
    ("probe", "message"),
    [
        ("urllib.request.urlopen('http://127.0.0.1:' + os.environ['PORT'] + '/health', timeout=4)", None),
        ("pass", "HEALTHCHECK passed with no server on its port"),
    ],
)
def test_the_dockerfile_healthcheck_must_ask_the_app(tmp_path: Path, probe: str, message: str | None) -> None:
    project = tiny_project(tmp_path)
    command = json.dumps([sys.executable, "-c", f"import os, urllib.request; {probe}"])
    (project.path / "Dockerfile").write_text(f"FROM scratch\nHEALTHCHECK --interval=30s \\\n    CMD {command}\n")
    if message is None:
        production.smoke(project)
    else:
        with pytest.raises(CheckFailed, match=message):
            production.smoke(project)


@pytest.mark.parametrize(
    ("worker", "message"),
    [
        ("import time; print('celery@here ready.', flush=True); time.sleep(60)", None),
        ("import sys; sys.exit('REDIS_URL must be set')", "the Procfile's worker process exited 1"),
    ],
)
def test_the_procfile_worker_must_start_with_the_declared_variables(
    tmp_path: Path, worker: str, message: str | None
) -> None:
    project = tiny_project(tmp_path)
    with (project.path / "Procfile").open("a") as procfile:
        procfile.write(f'worker: {sys.executable} -c "{worker}"\n')
    if message is None:
        production.smoke(project)
    else:
        with pytest.raises(CheckFailed, match=message):
            production.smoke(project)


def test_the_smoke_fails_a_template_that_declares_nothing(tmp_path: Path) -> None:
    project = tiny_project(tmp_path)
    project.context = {"_framework": "tiny"}
    with pytest.raises(CheckFailed, match="the tiny template declares no __production_env"):
        production.smoke(project)


#: A one-operation JSON API with its OpenAPI document; FLAW=overflow answers 500 past 2**31 - 1, FLAW=locked 401.
API = textwrap.dedent(
    """
    import json, os
    from wsgiref.simple_server import make_server
    INT32 = {"type": "integer", "format": "int32"}
    NOT_FOUND = {"description": "no such item", "content": {"application/json": {"schema": {"type": "object"}}}}
    SCHEMA = {"openapi": "3.0.3", "info": {"title": "tiny", "version": "1"}, "paths": {"/items/{item_id}": {"get": {
        "parameters": [{"name": "item_id", "in": "path", "required": True, "schema": INT32}],
        "responses": {"200": {"description": "the item", "content": {"application/json": {"schema": {
            "type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}}}},
            "401": NOT_FOUND, "404": NOT_FOUND}}}}}
    def app(environ, start_response):
        path = environ["PATH_INFO"]
        if path == "/health":
            body, status = {"status": "ok"}, "200 OK"
        elif path == "/openapi.json":
            body, status = SCHEMA, "200 OK"
        else:
            raw = path.removeprefix("/items/")
            number = int(raw) if raw.lstrip("-").isdigit() and path.startswith("/items/") else None
            if os.environ.get("FLAW") == "locked":
                start_response("401 Unauthorized", [("Content-Type", "application/json")])
                return [b"{}"]
            if number is not None and number > 2**31 - 1 and os.environ.get("FLAW") == "overflow":
                start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
                return [b"integer out of range"]
            found = number is not None and 0 < number < 2**31
            body, status = ({"id": number}, "200 OK") if found else ({"detail": "not found"}, "404 Not Found")
        start_response(status, [("Content-Type", "application/json")])
        return [json.dumps(body).encode()]
    make_server("127.0.0.1", int(os.environ["PORT"]), app).serve_forever()
    """
)


@pytest.mark.parametrize(
    ("flaw", "message"),
    [
        ("", ""),
        ("overflow", r"(?s)\[fuzz tiny\] schemathesis exited 1.*Server error"),
        ("locked", r"every answer of GET /items/\{item_id\} was 401/403: the credentials given do not work"),
    ],
)
def test_fuzz_counts_cases_and_fails_on_a_server_error(tmp_path: Path, flaw: str, message: str) -> None:
    from tests.clients.fuzz import fuzz

    project = tiny_project(tmp_path, flaw)
    (project.path / "app.py").write_text(API)
    with serve(project, dev_env(project)) as server:
        if flaw:
            with pytest.raises(CheckFailed, match=message):
                fuzz(server, "/openapi.json", label="tiny", max_examples=5, seconds=60)
        else:
            assert fuzz(server, "/openapi.json", label="tiny", max_examples=5, seconds=60) > 5
    assert not list(project.path.rglob(".hypothesis"))


#: The tiny project's "migration" (its release line) and its own test suite, careless or careful.
MIGRATE = textwrap.dedent(
    """
    import os, sqlite3
    connection = sqlite3.connect(os.environ["DATABASE_URL"].removeprefix("sqlite:///"))
    connection.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, title TEXT)")
    connection.commit()
    """
)
PROJECT_TEST = textwrap.dedent(
    """
    import os, sqlite3
    def test_delete_a_note(tmp_path):
        careless = os.environ.get("CARELESS") == "yes"
        url = os.environ["DATABASE_URL"] if careless else f"sqlite:///{tmp_path / 'test.db'}"
        connection = sqlite3.connect(url.removeprefix("sqlite:///"))
        connection.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, title TEXT)")
        connection.execute("DELETE FROM notes WHERE id = 2")
        connection.commit()
    """
)


@pytest.mark.parametrize("careless", ["no", "yes"])
def test_data_safety_sees_a_deleted_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, careless: str) -> None:
    from tests.clients.data_safety import assert_tests_leave_database_alone

    project = tiny_project(tmp_path)
    project.context = {**project.context, "database": "sqlite"}
    (project.path / "migrate.py").write_text(MIGRATE)
    (project.path / "test_notes.py").write_text(PROJECT_TEST)
    (project.path / "Procfile").write_text(f"release: {sys.executable} migrate.py\nweb: {sys.executable} app.py\n")
    monkeypatch.setenv("CARELESS", careless)
    seed = ["INSERT INTO notes (id, title) VALUES (1, 'keep'), (2, 'me too')"]
    if careless == "yes":
        with pytest.raises(
            CheckFailed, match=r"table notes: 2 rows before, 1 after; gone or changed: \[\"\(2, 'me too'\)\"\]"
        ):
            assert_tests_leave_database_alone(project, seed)
    else:
        assert_tests_leave_database_alone(project, seed)


def test_browser_page_keeps_the_page_of_a_failing_check(tmp_path: Path) -> None:
    from tests.clients.browser import browser_page
    from tests.clients.record import ARTIFACTS

    project = tiny_project(tmp_path)
    label = f"infra-{tmp_path.name}"
    with serve(project, dev_env(project)) as server:
        with pytest.raises(AssertionError, match="the page said ok"):
            with browser_page(label) as page:
                page.goto(f"{server.url}/health", wait_until="load")
                assert '"ok"' in page.content()
                raise AssertionError("the page said ok")
    kept = [ARTIFACTS / f"{label}-failure.png", ARTIFACTS / f"{label}-failure.html"]
    try:
        assert kept[0].read_bytes().startswith(b"\x89PNG") and '"ok"' in kept[1].read_text()
    finally:
        for file in kept:
            file.unlink(missing_ok=True)


@pytest.mark.parametrize("framework", ["django", "flask", "fastapi"])
def test_the_pairwise_matrix_covers_every_valid_pair_and_both_extremes(framework: str) -> None:
    import itertools

    from scaffold.templates import load_template
    from tests.templates.conftest import MATRIX_KEYS, extremes, matrix, pairs_of, valid

    options = {key: values for key, values in load_template(framework).options.items() if key in MATRIX_KEYS}
    combos = [param.values[0] for param in matrix(framework)]
    every = [dict(zip(options, values, strict=True)) for values in itertools.product(*options.values())]
    valid_pairs = set().union(*(pairs_of(combo) for combo in every if valid(combo, framework)))
    assert set().union(*(pairs_of(combo) for combo in combos)) == valid_pairs
    assert all(valid(combo, framework) for combo in combos)
    assert len(combos) < len([c for c in every if valid(c, framework)])
    assert combos[:2] == extremes(options, framework) and [p.values[0] for p in matrix(framework)] == combos
    fullest, smallest = combos[:2]
    assert fullest["database"] == "postgresql" and fullest["task_queue"] == "celery" and fullest["auth"] == "yes"
    assert smallest["auth"] == "no" and smallest["docker"] == "no" and smallest["ci"] == "none"
    assert len({param.id for param in matrix(framework)}) == len(combos)


def test_pairwise_leaves_out_a_conflicting_pair() -> None:
    from tests.templates.conftest import pairwise

    options = {"database": ("sqlite", "none"), "auth": ("no", "yes"), "ci": ("a", "b", "c")}
    combos = pairwise(options, [], "flask")
    assert not any(combo["database"] == "none" and combo["auth"] == "yes" for combo in combos)
    assert {(c["database"], c["ci"]) for c in combos} == {(d, ci) for d in ("sqlite", "none") for ci in "abc"}
    assert combos == pairwise(options, [], "flask")


def test_a_conflict_of_one_template_leaves_the_others_alone() -> None:
    from tests.templates.conftest import valid

    combo = {"auth": "yes", "api": "no", "tenancy": "yes"}
    assert not valid(combo, "flask")
    assert valid(combo, "django") and valid(combo, "fastapi")


@pytest.mark.parametrize("in_ci", [False, True])
def test_without_chromium_the_browser_skips_except_in_ci(monkeypatch: pytest.MonkeyPatch, in_ci: bool) -> None:
    from tests import harness
    from tests.clients import browser

    monkeypatch.setattr(browser, "chromium_path", lambda: None)
    monkeypatch.setattr(harness, "IN_CI", in_ci)
    expected = CheckFailed if in_ci else pytest.skip.Exception
    with pytest.raises(expected, match="chromium is not installed"):
        with browser.browser_page("never"):
            raise AssertionError("a page without a browser")
