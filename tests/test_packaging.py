"""The built wheel carries the templates (and their shared partials) and works from any directory."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from scaffold.needs import FRAMEWORKS

REPO = Path(__file__).resolve().parents[1]


def uv() -> str:
    return shutil.which("uv") or str(Path(sys.executable).parent / "uv")


@pytest.mark.slow
def test_installed_wheel_generates_every_framework(tmp_path: Path) -> None:
    subprocess.run([uv(), "build", "--wheel", "-q", "-o", str(tmp_path / "dist"), str(REPO)], check=True)
    wheel = next((tmp_path / "dist").glob("scaffold-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([uv(), "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    subprocess.run([uv(), "pip", "install", "-q", "--python", str(venv / "bin" / "python"), str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for framework in FRAMEWORKS:
        subprocess.run(
            [str(venv / "bin" / "scaffold"), "new", framework + "_app", "--no-input", "--framework", framework],
            cwd=elsewhere,
            check=True,
            capture_output=True,
        )
        project = elsewhere / f"{framework}_app"
        assert json.loads((project / ".scaffold.json").read_text())["framework"] == framework
        shared = (REPO / "templates" / "_shared" / "editorconfig.j2").read_text()
        assert (project / ".editorconfig").read_text() == shared
        assert (project / "Procfile").read_text().startswith(("web:", "release:"))


def install(wheel: Path, venv: Path, *, compile_bytecode: bool) -> Path:
    subprocess.run([uv(), "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    flags = ["--compile-bytecode"] if compile_bytecode else []
    python = str(venv / "bin" / "python")
    subprocess.run([uv(), "pip", "install", "-q", *flags, "--python", python, str(wheel)], check=True)
    return venv / "bin" / "scaffold"


@pytest.mark.slow
def test_two_installs_of_one_version_agree_and_projects_hold_no_bytecode(tmp_path: Path) -> None:
    """pip compiles every .py it installs, the templates' too; none of that may reach a project or its base."""
    subprocess.run([uv(), "build", "--wheel", "-q", "-o", str(tmp_path / "dist"), str(REPO)], check=True)
    wheel = next((tmp_path / "dist").glob("scaffold-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        assert not [n for n in archive.namelist() if "__pycache__" in n or n.endswith((".pyc", ".pyo"))]
    compiled = install(wheel, tmp_path / "compiled", compile_bytecode=True)
    plain = install(wheel, tmp_path / "plain", compile_bytecode=False)
    site = next((tmp_path / "compiled" / "lib").glob("python*/site-packages"))
    assert list((site / "scaffold" / "templates").rglob("__pycache__")), "the scenario needs compiled templates"
    for framework in FRAMEWORKS:
        made = subprocess.run(
            [str(compiled), "new", "app", "--no-input", "--framework", framework],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert made.returncode == 0, made.stderr
        project = tmp_path / "app"
        assert not [p for p in project.rglob("*") if p.name == "__pycache__" or p.suffix in (".pyc", ".pyo")]
        with tarfile.open(project / ".scaffold" / "base.tar.gz") as base:
            assert not [n for n in base.getnames() if "__pycache__" in n or n.endswith(".pyc")]
        checked = subprocess.run([str(plain), "check", str(project), "--json"], capture_output=True, text=True)
        assert checked.returncode == 0 and json.loads(checked.stdout)["status"] == "current", checked.stdout
        shutil.rmtree(project)
