"""Where the bundled cookiecutter templates live, and what each one offers (read from its cookiecutter.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import InputError
from .needs import FRAMEWORKS

#: Stack options with a fixed set of values (CONTRACT section 3), in the order they are asked.
OPTION_KEYS: tuple[str, ...] = ("database", "auth", "api", "task_queue", "docker", "ci")
#: Free-text stack answers.
TEXT_KEYS: tuple[str, ...] = ("project_name", "project_slug", "description", "author_name", "author_email")
STACK_KEYS: tuple[str, ...] = TEXT_KEYS + OPTION_KEYS
#: The folder inside each template that becomes the project.
PROJECT_DIR = "{{cookiecutter.project_slug}}"


def template_root() -> Path:
    """The folder holding ``django/``, ``flask/`` and ``fastapi/``.

    A built wheel carries the templates inside the package (``scaffold/templates``); a checkout or an
    editable install finds them at the repository root, two levels above this file's package.
    """
    packaged = Path(__file__).resolve().parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True)
class Template:
    framework: str
    path: Path
    spec: dict[str, Any]

    @property
    def options(self) -> dict[str, tuple[str, ...]]:
        """Each option key and its allowed values; the first value is the template's default."""
        return {key: tuple(self.spec[key]) for key in OPTION_KEYS}

    @property
    def text_defaults(self) -> dict[str, str]:
        return {key: str(self.spec[key]) for key in TEXT_KEYS if key != "project_slug"}

    @property
    def top_level_modules(self) -> frozenset[str]:
        """Modules the template puts at the project root; a project slug must not collide with them."""
        project = self.path / PROJECT_DIR
        return frozenset(
            p.stem
            for p in project.iterdir()
            if "{{" not in p.name and (p.suffix == ".py" or (p / "__init__.py").is_file())
        )

    def label(self, key: str) -> str:
        prompts = self.spec.get("__prompts__", {})
        return str(prompts.get(key, key.replace("_", " ").capitalize()))

    def describe(self) -> dict[str, Any]:
        """What ``scaffold frameworks --json`` prints for this template."""
        return {
            "framework": self.framework,
            "options": {
                key: {"label": self.label(key), "choices": list(values), "default": values[0]}
                for key, values in self.options.items()
            },
            "text": {key: {"label": self.label(key), "default": value} for key, value in self.text_defaults.items()},
        }


def load_template(framework: str, path: Path | None = None) -> Template:
    """A bundled template, or the one at ``path`` (a team's own, from a preset)."""
    if path is None:
        if framework not in FRAMEWORKS:
            raise InputError(f"framework={framework} is not allowed; choose one of: {', '.join(FRAMEWORKS)}")
        path = template_root() / framework
    return _load(framework, path)


@cache
def _load(framework: str, path: Path) -> Template:
    spec_file = path / "cookiecutter.json"
    try:
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"template {spec_file} cannot be read: {err}") from err
    missing = [key for key in STACK_KEYS if key not in spec]
    if missing:
        raise InputError(f"template {spec_file} lacks the key {missing[0]}; templates need: {', '.join(STACK_KEYS)}")
    return Template(framework, path, spec)
