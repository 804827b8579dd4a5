"""The fastapi template: every supported combination bakes and passes its own checks in a fresh venv."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

import pytest

from scaffold.templates import load_template
from tests.clients.browser import browser_page
from tests.clients.server import dev_env, fetch, serve
from tests.harness import Project, services_for
from tests.templates.conftest import bake_and_check, matrix, render_through_scaffold

#: Jinja and Django template payloads, quotes and backslashes in every free-text answer (issue 10 item 1).
HOSTILE = {
    "project_name": "Shop {{ 7*7 }} {% raw %} \"quoted\" 'single' back\\slash <b>bold</b>",
    "project_slug": "hostile_shop",
    "description": "{{ cycler.__init__.__globals__.os.popen('id').read() }} {% debug %} {{ request }} \\n",
    "author_name": '{% load static %}{{ settings.SECRET_KEY }} O\'Hara "Q"',
}
EVALUATED = ("Shop 49", "uid=")


@pytest.mark.slow
@pytest.mark.parametrize("combo", matrix("fastapi"))
def test_combination_works(cookies: Any, combo: dict[str, str]) -> None:
    bake_and_check(cookies, "fastapi", combo)


@pytest.mark.slow
def test_hostile_answers_stay_text(tmp_path: Path) -> None:
    """Answers reach the running app as data: the docs page and the OpenAPI document show them literally."""
    template = load_template("fastapi")
    given = {**HOSTILE, "database": "sqlite", "auth": "yes"}
    path, context = render_through_scaffold(template, given, tmp_path)
    with services_for(context, "fastapi_hostile") as overrides:
        project = Project(path, context, overrides)
        project.check_all()
        with serve(project, dev_env(project)) as server:
            docs = fetch(server.url, "/docs")
            schema = fetch(server.url, "/openapi.json").json()
            with browser_page("fastapi-hostile-docs") as page:
                page.goto(f"{server.url}/docs")
                shown = page.inner_text(".swagger-ui .info .title")
                described = page.inner_text(".swagger-ui .info .description")
    assert docs.status == 200
    assert f"<title>{escape(HOSTILE['project_name'])} - API docs</title>" in docs.text
    assert schema["info"]["title"] == HOSTILE["project_name"]
    assert schema["info"]["description"] == HOSTILE["description"]
    assert HOSTILE["project_name"] in shown
    assert "popen" in described
    for text in (docs.text, json.dumps(schema), shown, described):
        for evaluated in EVALUATED:
            assert evaluated not in text
