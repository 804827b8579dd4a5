"""Where the bundled cookiecutter templates live, and what each one offers (read from its cookiecutter.json).

A template narrows the registry of :mod:`scaffold.questions`: it lists, per option, the values it offers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import InputError
from .needs import FRAMEWORKS
from .questions import BY_KEY, OPTION_KEYS, STACK_KEYS, TEXT_KEYS

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
        return BY_KEY[key].prompt

    def words(self, key: str) -> dict[str, str]:
        """The values this template offers for an option, each with its words from the registry."""
        return {value: BY_KEY[key].choices[value] for value in self.options[key]}

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
    for key in OPTION_KEYS:
        offered, known = spec[key], BY_KEY[key].values
        if not isinstance(offered, list) or not offered or not set(map(str, offered)) <= set(known):
            raise InputError(
                f"template {spec_file} offers {key}={offered!r}; a template lists some of: {', '.join(known)}"
            )
    return Template(framework, path, spec)
