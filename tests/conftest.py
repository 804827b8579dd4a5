from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real home, config and cache folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    # git's system-wide settings (an author identity, say) must not leak into the answers either.
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_CONFIG_GLOBAL", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_CONFIG_PARAMETERS"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current directory for commands that write into it."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def tiny_templates(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Small stand-ins for the three bundled templates (same keys and choices), for fast CLI tests."""
    from scaffold import templates
    from tests.tiny_template import SPEC, make_template

    root = tmp_path_factory.mktemp("templates")
    for framework in ("django", "flask", "fastapi"):
        template = make_template(root, framework=framework)
        spec = dict(SPEC)
        if framework == "django":
            spec["database"] = ["sqlite", "postgresql"]
            spec["inference"] = ["no"]
        if framework == "django":
            spec["realtime"] = ["no"]
        if framework == "fastapi":
            spec["api"] = ["yes"]
        import json

        (template.path / "cookiecutter.json").write_text(json.dumps({**spec, "_framework": framework}))
    monkeypatch.setattr(templates, "template_root", lambda: root)
    yield root
