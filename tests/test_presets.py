"""Team presets: defaults, locked answers, allowed frameworks, team templates, and every invalid preset."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scaffold.cli import cli
from tests.tiny_template import make_template

pytestmark = pytest.mark.usefixtures("tiny_templates")

PRESET = """
[preset]
name = "acme-services"
frameworks = ["django", "fastapi"]

[defaults]
team_size = "large"
author_name = "ACME Platform"
author_email = "platform@acme.example"
database = "postgresql"

[locked]
ci = "gitlab"
docker = "yes"
"""


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env)


@pytest.fixture
def preset(tmp_path: Path) -> Path:
    path = tmp_path / "acme.toml"
    path.write_text(PRESET)
    return path


def meta(project: Path) -> dict[str, object]:
    return dict(json.loads((project / ".scaffold.json").read_text()))


def test_defaults_locks_and_record(preset: Path, workdir: Path) -> None:
    result = run("new", "svc", "--no-input", "--preset", str(preset), "--set", "project_type=api")
    assert result.exit_code == 0, result.output
    data = meta(workdir / "svc")
    stack = data["answers"]["stack"]  # type: ignore[index]
    assert (stack["ci"], stack["docker"], stack["database"]) == ("gitlab", "yes", "postgresql")
    assert (stack["author_name"], stack["author_email"]) == ("ACME Platform", "platform@acme.example")
    assert data["answers"]["needs"]["team_size"] == "large"  # type: ignore[index]
    assert data["preset"] == {"name": "acme-services", "sha256": hashlib.sha256(preset.read_bytes()).hexdigest()}


def test_a_flag_against_a_locked_key_names_the_preset_and_key(preset: Path, workdir: Path) -> None:
    result = run("new", "svc", "--no-input", "--preset", str(preset), "--set", "ci=github")
    assert result.exit_code == 2
    assert f"preset 'acme-services' ({preset}) locks ci=gitlab; drop the answer ci=github" in result.stderr
    assert list(workdir.iterdir()) == []


def test_allowed_frameworks_limit_the_recommendation(preset: Path, workdir: Path) -> None:
    # A learning project would get Flask, which this team does not allow: the best allowed one wins.
    result = run("new", "svc", "--no-input", "--preset", str(preset), "--set", "project_type=learning")
    assert result.exit_code == 0, result.output
    data = meta(workdir / "svc")
    ranking = [r["framework"] for r in data["recommendation"]["ranking"]]  # type: ignore[index]
    assert ranking[0] == "flask"
    assert data["framework"] == next(fw for fw in ranking if fw in ("django", "fastapi"))
    refused = run("new", "other", "--no-input", "--preset", str(preset), "--framework", "flask")
    assert refused.exit_code == 2
    assert "framework=flask is not allowed; choose one of: django, fastapi" in refused.stderr


def test_found_through_the_environment_and_the_config_folder(preset: Path, workdir: Path, isolated_home: Path) -> None:
    result = run("new", "a", "--no-input", env={"SCAFFOLD_PRESET": str(preset)})
    assert meta(workdir / "a")["preset"]["name"] == "acme-services"  # type: ignore[index]
    config = isolated_home / "xdg_config_home" / "scaffold"
    config.mkdir(parents=True)
    (config / "preset.toml").write_text(PRESET.replace("acme-services", "from-config"))
    result = run("new", "b", "--no-input")
    assert result.exit_code == 0, result.output
    assert meta(workdir / "b")["preset"]["name"] == "from-config"  # type: ignore[index]


def test_team_template_replaces_ours_and_adds_a_framework(tmp_path: Path, workdir: Path) -> None:
    team = tmp_path / "team-templates"
    make_template(team, framework="flask", files={"TEAM.md": "team flask for {{ cookiecutter.project_name }}\n"})
    make_template(team, framework="litestar", files={"app.txt": "litestar {{ cookiecutter.project_slug }}\n"})
    preset = tmp_path / "team.toml"
    preset.write_text('[preset]\nname = "team"\ntemplates = "team-templates"\n')
    assert run("new", "one", "--no-input", "--preset", str(preset), "--framework", "flask").exit_code == 0
    assert (workdir / "one" / "TEAM.md").read_text() == "team flask for one\n"
    result = run("new", "two", "--no-input", "--preset", str(preset), "--framework", "litestar")
    assert result.exit_code == 0, result.output
    assert (workdir / "two" / "app.txt").read_text() == "litestar two\n"
    assert meta(workdir / "two")["framework"] == "litestar"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[preset\n", "cannot read it as TOML"),
        ("[extras]\n", "unknown section [extras]; allowed: defaults, locked, preset"),
        ("[preset]\ncolour = 1\n", "unknown key preset.colour; allowed keys: frameworks, name, templates"),
        ("[preset]\nframeworks = []\n", "preset.frameworks must be a non-empty list"),
        ("[preset]\nframeworks = ['rails']\n", "preset.frameworks: rails is not allowed; choose from: django,"),
        ("[preset]\ntemplates = 'nowhere'\n", "preset.templates=nowhere is not a folder"),
        ("[defaults]\nteam_size = 'huge'\n", "defaults.team_size=huge is not allowed; choose one of: solo, small,"),
        ("[defaults]\nflavour = 'x'\n", "unknown key defaults.flavour; allowed keys: project_type,"),
        ("[locked]\ndocker = 3\n", "locked.docker must be a string, not int"),
        (
            "[preset]\nframeworks = ['django']\n[locked]\nframework = 'flask'\n",
            "locked.framework=flask is not in preset.frameworks",
        ),
        ("[defaults]\nframework = 'rails'\n", "defaults.framework=rails is not allowed"),
    ],
)
def test_invalid_presets_name_the_file_and_key(tmp_path: Path, workdir: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    result = run("new", "svc", "--no-input", "--preset", str(path))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: preset {path}: ") and message in result.stderr
    assert list(workdir.iterdir()) == []


def test_team_template_without_our_keys_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "t" / "flask"
    broken.mkdir(parents=True)
    (broken / "cookiecutter.json").write_text('{"project_name": "x"}')
    path = tmp_path / "p.toml"
    path.write_text('[preset]\ntemplates = "t"\n')
    result = run("new", "x", "--no-input", "--preset", str(path))
    assert result.exit_code == 2
    assert f"preset {path}: template {broken / 'cookiecutter.json'} lacks the key project_slug" in result.stderr


def test_missing_preset_file(tmp_path: Path) -> None:
    result = run("new", "--no-input", "--preset", str(tmp_path / "nope.toml"))
    assert result.exit_code == 2 and "nope.toml: no such file" in result.stderr
