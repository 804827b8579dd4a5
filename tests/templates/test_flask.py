"""The flask template: every supported combination bakes and passes its own checks in a fresh venv."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from scaffold.templates import load_template
from tests.clients.server import dev_env, fetch, serve
from tests.harness import Project, services_for
from tests.templates.conftest import bake_and_check, matrix, render_through_scaffold

# Jinja and Django template payloads in every free-text answer (issue 10 item 1).
HOSTILE = {
    "project_name": "Shop {{ 7*7 }} {% raw %}",
    "project_slug": "hostile_shop",
    "description": "{{ cycler.__init__.__globals__.os.popen('id').read() }} {% debug %} {{ request }}",
    "author_name": "{% load static %}{{ settings.SECRET_KEY }}",
}
# The pages that show the project's name (and the home page its description), in a project with every page.
PAGES = ("/", "/auth/login", "/auth/register", "/nowhere", "/api/docs/")


@pytest.mark.slow
@pytest.mark.parametrize("combo", matrix("flask"))
def test_combination_works(cookies: Any, combo: dict[str, str]) -> None:
    bake_and_check(cookies, "flask", combo)


@pytest.mark.slow
def test_hostile_free_text_is_shown_never_run(tmp_path: Path) -> None:
    template = load_template("flask")
    given = {**HOSTILE, "database": "sqlite", "auth": "yes", "api": "yes", "task_queue": "none"}
    path, context = render_through_scaffold(template, given, tmp_path)
    with services_for(context, "flask_hostile") as overrides:
        project = Project(path, context, overrides)
        project.check_all()  # lint, the project's own tests, migrations, serving /health
        with serve(project, dev_env(project)) as server:
            for page in PAGES:
                reply = fetch(server.url, page)
                text = reply.text
                assert reply.status in (200, 404), reply.describe(path=page)
                assert str(escape(HOSTILE["project_name"])) in text, f"{page} does not show the name literally"
                assert "Shop 49" not in text, f"{page} evaluated the project name"
                assert "uid=" not in text, f"{page} ran the description"
            home = fetch(server.url, "/").text
            assert str(escape(HOSTILE["description"])) in home, "the home page does not show the description literally"
            assert "&lt;Request" not in home and "<Request" not in home
