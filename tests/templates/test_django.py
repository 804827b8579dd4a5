"""The django template: every supported combination bakes and passes its own checks in a fresh venv."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest

from scaffold.templates import load_template
from tests.clients.server import dev_env, fetch, serve
from tests.harness import Project, services_for
from tests.templates.conftest import bake_and_check, matrix, render_through_scaffold

# Free text that a template engine would evaluate if it ever became template source (issue 10 item 1).
HOSTILE = {
    "project_name": "Shop {{ 7*7 }} {% raw %} <b>&'\"",
    "description": "{{ cycler.__init__.__globals__.os.popen('id').read() }} {% debug %} {{ request }}",
    "author_name": "{% load static %}{{ settings.SECRET_KEY }}",
    "author_email": "author@example.com",
    "project_slug": "hostile_shop",
}
PAGES = ("/", "/accounts/login/", "/no-such-page/", "/api/docs/")
#: What evaluated payloads would have produced.
EVALUATED = ("Shop 49", "uid=", "<WSGIRequest", "{'False': False", "SECRET_KEY =")


@pytest.mark.slow
@pytest.mark.parametrize("combo", matrix("django"))
def test_combination_works(cookies: Any, combo: dict[str, str]) -> None:
    bake_and_check(cookies, "django", combo)


@pytest.mark.slow
def test_free_text_answers_stay_text_in_the_running_app(tmp_path: Path) -> None:
    """Hostile name, description and author: the project's own checks pass, and its pages show the text
    literally (HTML-escaped), never its evaluation. Rendered by scaffold itself: plain cookiecutter would
    evaluate the answers at generation already."""
    template = load_template("django")
    given = {**HOSTILE, "database": "sqlite", "auth": "yes", "api": "yes", "task_queue": "none"}
    path, context = render_through_scaffold(template, given, tmp_path)
    with services_for(context, "django_hostile") as overrides:
        project = Project(path, context, overrides)
        project.check_all()
        # DEBUG off: the pages a visitor sees, the 404 page included.
        with serve(project, dev_env(project, {"DJANGO_DEBUG": "false"})) as server:
            pages = {path: fetch(server.url, path) for path in PAGES}
    for path, reply in pages.items():
        assert reply.status == (404 if path == "/no-such-page/" else 200), reply.describe(path=path)
        for evaluated in EVALUATED:
            assert evaluated not in reply.text, f"{path} shows {evaluated!r}: an answer was evaluated"
        assert html.escape(HOSTILE["project_name"]) in reply.text, f"{path} does not show the project name"
    assert html.escape(HOSTILE["description"]) in pages["/"].text
