"""What every template promises (docs/contract.md, "What every generated project has"), checked on each of the three."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scaffold.cli import cli
from scaffold.needs import FRAMEWORKS
from scaffold.render import build_context
from scaffold.stack import SLUG_LIMIT
from scaffold.templates import load_template
from tests.harness import UV_CACHE, Project, require_tool, services_for
from tests.templates.conftest import files_of, matrix, run_clients

SHARED_FILES = (
    ".editorconfig",
    ".pre-commit-config.yaml",
    ".gitignore",
    ".dockerignore",
    "Dockerfile",
    "compose.yaml",
    "Procfile",
    ".github/workflows/ci.yml",
)
OWN_FILES = (".env", ".env.example", "README.md", "pyproject.toml")


def bake(cookies: Any, framework: str, **context: str) -> Path:
    result = cookies.bake(extra_context=context, template=str(load_template(framework).path))
    assert result.exit_code == 0, result.exception
    return Path(result.project_path)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_default_bake_has_the_promised_files(cookies: Any, framework: str) -> None:
    files = files_of(bake(cookies, framework))
    assert set(SHARED_FILES + OWN_FILES) <= files
    assert ".gitlab-ci.yml" not in files


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_shared_files_come_from_the_one_source(cookies: Any, framework: str) -> None:
    project = bake(cookies, framework)
    editorconfig = (load_template(framework).path / "templates" / "editorconfig.j2").read_text()
    assert (project / ".editorconfig").read_text() == editorconfig


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_each_bake_gets_a_fresh_secret(cookies: Any, framework: str) -> None:
    first, second = ((bake(cookies, framework) / ".env").read_text() for _ in range(2))
    assert first != second
    tracked = (bake(cookies, framework) / ".env.example").read_text()
    for line in first.splitlines():
        key, _, value = line.partition("=")
        if "SECRET" in key:
            assert len(value) >= 40 and value not in tracked


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_without_docker_and_ci_their_files_are_gone(cookies: Any, framework: str) -> None:
    files = files_of(bake(cookies, framework, docker="no", ci="none"))
    assert not {"Dockerfile", "compose.yaml", ".dockerignore", ".gitlab-ci.yml"} & files
    assert not any(f.startswith(".github") for f in files)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_gitlab_ci_replaces_github(cookies: Any, framework: str) -> None:
    files = files_of(bake(cookies, framework, ci="gitlab"))
    assert ".gitlab-ci.yml" in files and not any(f.startswith(".github") for f in files)


@pytest.mark.slow
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_scaffold_new_default_project_works(tmp_path: Path, framework: str) -> None:
    """`scaffold new DIR --no-input --framework X`: the product's own path, end to end, met by the same clients.
    Installed the README's other way, venv and pip, where every other bake uses uv."""
    target = tmp_path / "default_app"
    result = CliRunner().invoke(cli, ["new", str(target), "--no-input", "--framework", framework])
    assert result.exit_code == 0, result.output
    stack = json.loads((target / ".scaffold.json").read_text())["answers"]["stack"]
    context = build_context(load_template(framework), stack)
    with services_for(context, f"{framework}_default") as overrides:
        run_clients(Project(target, context, overrides, installer="pip"), framework, f"{framework}-default")


@pytest.mark.slow
def test_install_takes_the_readme_uv_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`scaffold new --install` with uv on PATH runs `uv sync --extra dev`, as every generated README says: the
    project and its dev tools land in .venv, and uv.lock is written for the team to commit."""
    require_tool("uv")
    monkeypatch.setenv("UV_CACHE_DIR", str(UV_CACHE))
    target = tmp_path / "installed_app"
    result = CliRunner().invoke(cli, ["new", str(target), "--no-input", "--framework", "fastapi", "--install"])
    assert result.exit_code == 0, result.output
    assert (target / "uv.lock").is_file()
    python = target / ".venv" / "bin" / "python"
    probe = "import importlib.metadata as m, installed_app; print(m.version('mypy'), m.version('pytest-cov'))"
    shown = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr


#: The longest package name scaffold accepts, and a two-letter one: the lines that name the package are as wide
#: or as narrow as they can be.
PACKAGE_NAMES = (("wide_" * SLUG_LIMIT)[: SLUG_LIMIT - 1] + "x", "ab")


@pytest.mark.parametrize(
    "framework, combo", [pytest.param(fw, p.values[0], id=f"{fw}-{p.id}") for fw in FRAMEWORKS for p in matrix(fw)]
)
def test_any_package_name_leaves_the_project_lint_clean(cookies: Any, framework: str, combo: dict[str, str]) -> None:
    """Every option pair the matrix bakes, with the widest and the narrowest package name: ruff passes."""
    template = str(load_template(framework).path)
    for name in PACKAGE_NAMES:
        result = cookies.bake(extra_context={**combo, "project_name": name}, template=template)
        assert result.exit_code == 0, result.exception
        assert result.context["project_slug"] == name
        for command in (["check", "--output-format", "concise"], ["format", "--check"]):
            found = subprocess.run(
                [sys.executable, "-m", "ruff", *command, "--no-cache", "."],
                cwd=result.project_path,
                capture_output=True,
                text=True,
            )
            assert found.returncode == 0, f"{name} ({len(name)} characters):\n{found.stdout}{found.stderr}"
