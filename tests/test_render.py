"""Rendering is all or nothing, answers stay data, and nothing leaks into the temp or home folders."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from scaffold import render as render_module
from scaffold.errors import RenderError, TargetExistsError
from scaffold.record import ProjectRecord
from scaffold.render import build_context, preview, render
from tests.tiny_template import STACK, make_template

RECORD = ProjectRecord(framework="flask", needs={}, stack=dict(STACK))

FAIL = "import sys\nprint('hook says no', file=sys.stderr)\nsys.exit(1)\n"


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp folder of the test's own, to prove a run leaves nothing in it."""
    folder = tmp_path / "systemtmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_renders_and_answers_stay_data(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t")
    stack = {**STACK, "description": "{{ 7*7 }} {% if true %}x{% endif %}", "project_name": "{{ cookiecutter }}"}
    target = render(template, stack, tmp_path / "out" / "shop", force=False, record=RECORD)
    readme = (target / "README.md").read_text()
    assert "{{ 7*7 }} {% if true %}x{% endif %}" in readme and "49" not in readme
    assert "# {{ cookiecutter }}" in readme
    assert (target / "shop" / "__init__.py").is_file()
    assert json.loads((target / ".scaffold.json").read_text()) == RECORD.to_json()


def test_private_double_underscore_keys_render_from_the_answers(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t")
    context = build_context(template, {**STACK, "description": "{{ 7*7 }}"})
    assert context["__web_command"] == "gunicorn shop.wsgi:app"
    assert context["description"] == "{{ 7*7 }}"
    assert "__prompts__" not in context


@pytest.mark.parametrize("hook", ["pre_gen_project", "post_gen_project"])
def test_failing_hook_leaves_nothing(tmp_path: Path, private_tmp: Path, hook: str) -> None:
    template = make_template(tmp_path / "t", hooks={hook: FAIL})
    parent = tmp_path / "out"
    with pytest.raises(RenderError, match="rendering the flask template failed"):
        render(template, STACK, parent / "deep" / "shop", force=False, record=None)
    assert not parent.exists()  # not even the parents this run created
    assert list(private_tmp.iterdir()) == []


def test_template_error_leaves_nothing(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t", files={"a.txt": "fine", "b.txt": "{% if %}"})
    parent = tmp_path / "out"
    parent.mkdir()
    with pytest.raises(RenderError):
        render(template, STACK, parent / "shop", force=False, record=None)
    assert list(parent.iterdir()) == []


def test_interrupt_during_render_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    template = make_template(tmp_path / "t")
    parent = tmp_path / "out"
    parent.mkdir()

    def interrupted(template: object, context: object, staging: Path) -> Path:
        (staging / "half-written").write_text("x")
        raise KeyboardInterrupt

    monkeypatch.setattr(render_module, "_generate", interrupted)
    with pytest.raises(KeyboardInterrupt):
        render(template, STACK, parent / "shop", force=False, record=None)
    assert list(parent.iterdir()) == []


def test_hooks_leave_nothing_in_temp_or_home(tmp_path: Path, private_tmp: Path, isolated_home: Path) -> None:
    ok = "print('fine')\n"
    template = make_template(tmp_path / "t", hooks={"pre_gen_project": ok, "post_gen_project": ok})
    render(template, STACK, tmp_path / "out" / "shop", force=False, record=None)
    assert list(private_tmp.iterdir()) == []
    assert list(isolated_home.iterdir()) == []


def test_non_empty_target_is_refused_and_untouched(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t")
    target = tmp_path / "shop"
    target.mkdir()
    (target / "README.md").write_text("mine")
    with pytest.raises(TargetExistsError, match="is not empty; choose another DIRECTORY or pass --force"):
        render(template, STACK, target, force=False, record=None)
    assert [p.name for p in target.iterdir()] == ["README.md"]
    assert (target / "README.md").read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_force_writes_the_template_and_keeps_other_files(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t")
    target = tmp_path / "shop"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    (target / "README.md").write_text("old")
    render(template, STACK, target, force=True, record=None)
    assert (target / "notes.txt").read_text() == "keep me"
    assert (target / "README.md").read_text().startswith("# Shop")


def test_empty_target_is_used(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t")
    (tmp_path / "shop").mkdir()
    render(template, STACK, tmp_path / "shop", force=False, record=None)
    assert (tmp_path / "shop" / "Procfile").is_file()


def test_file_as_target_is_refused(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t")
    (tmp_path / "shop").write_text("a file")
    with pytest.raises(TargetExistsError, match="exists and is not a directory"):
        render(template, STACK, tmp_path / "shop", force=True, record=None)


def test_preview_lists_files_and_writes_nothing(tmp_path: Path, private_tmp: Path) -> None:
    template = make_template(tmp_path / "t")
    before = sorted(os.listdir(tmp_path))
    files = preview(template, STACK)
    assert files == [".scaffold.json", ".scaffold/base.tar.gz", "Procfile", "README.md", "shop/__init__.py"]
    assert sorted(os.listdir(tmp_path)) == before
    assert list(private_tmp.iterdir()) == []
