"""The built wheel carries the templates (and their shared partials) and works from any directory."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
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
