"""Team presets: a TOML file that sets defaults, locks answers, limits frameworks and can bring templates.

Found, in this order: ``--preset FILE``, the ``SCAFFOLD_PRESET`` environment variable, then
``preset.toml`` in the user's config folder (Click's ``get_app_dir("scaffold")``: ``~/.config/scaffold`` on
Linux, ``~/Library/Application Support/scaffold`` on macOS, the roaming AppData folder on Windows).
Validated on load; every error names the file, the key and the allowed values.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .needs import FRAMEWORKS
from .questions import NEED_CHOICES, OPTION_KEYS, TEXT_KEYS
from .templates import load_template

SECTIONS = {"preset", "defaults", "locked"}
PRESET_KEYS = {"name", "frameworks", "templates"}
ENV_VAR = "SCAFFOLD_PRESET"


@dataclass(frozen=True)
class Preset:
    name: str
    path: Path
    sha256: str
    frameworks: tuple[str, ...] = FRAMEWORKS
    defaults: dict[str, str] = field(default_factory=dict)
    locked: dict[str, str] = field(default_factory=dict)
    templates: Path | None = None

    def template_dir(self, framework: str) -> Path | None:
        """The team's own template for ``framework``, when the preset brings one."""
        if self.templates is not None and (self.templates / framework / "cookiecutter.json").is_file():
            return self.templates / framework
        return None

    def record(self) -> dict[str, str]:
        """What ``.scaffold.json`` keeps of the preset: enough to tell whether it changed since."""
        return {"name": self.name, "sha256": self.sha256}

    def apply(self, given: Mapping[str, str]) -> dict[str, str]:
        """The given answers plus the locked ones; a given answer that differs from a locked one is an error."""
        for key, value in self.locked.items():
            if key in given and given[key] != value:
                raise InputError(
                    f"preset '{self.name}' ({self.path}) locks {key}={value}; drop the answer {key}={given[key]}"
                )
        return {**given, **self.locked}


def find_preset(flag: Path | None, *, config_dir: Path) -> Path | None:
    if flag is not None:
        return flag
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    candidate = config_dir / "preset.toml"
    return candidate if candidate.is_file() else None


def _fail(path: Path, message: str) -> InputError:
    return InputError(f"preset {path}: {message}")


def _values(path: Path, section: str, table: Any, extra_frameworks: tuple[str, ...]) -> dict[str, str]:
    if not isinstance(table, dict):
        raise _fail(path, f"[{section}] must be a table of keys and values")
    values: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, bool):
            value = "yes" if value else "no"
        if not isinstance(value, str):
            raise _fail(path, f"{section}.{key} must be a string, not {type(value).__name__}")
        allowed = _allowed(key, extra_frameworks)
        if allowed is None:
            known = ", ".join([*NEED_CHOICES, *TEXT_KEYS, *OPTION_KEYS, "framework"])
            raise _fail(path, f"unknown key {section}.{key}; allowed keys: {known}")
        if allowed and value not in allowed:
            raise _fail(path, f"{section}.{key}={value} is not allowed; choose one of: {', '.join(allowed)}")
        values[key] = value
    return values


def _allowed(key: str, extra_frameworks: tuple[str, ...]) -> tuple[str, ...] | None:
    """The allowed values of a key (empty for free text), or None for an unknown key."""
    if key in NEED_CHOICES:
        return NEED_CHOICES[key]
    if key == "framework":
        return FRAMEWORKS + extra_frameworks
    if key in TEXT_KEYS:
        return ()
    if key in OPTION_KEYS:
        return ()  # checked against the chosen template's own choices when the plan is made
    return None


def load_preset(path: Path) -> Preset:
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError as err:
        raise _fail(path, "no such file") from err
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise _fail(path, f"cannot read it as TOML: {err}") from err
    unknown = set(data) - SECTIONS
    if unknown:
        raise _fail(path, f"unknown section [{sorted(unknown)[0]}]; allowed: {', '.join(sorted(SECTIONS))}")
    head = data.get("preset", {})
    if not isinstance(head, dict) or set(head) - PRESET_KEYS:
        bad = sorted(set(head) - PRESET_KEYS)[0] if isinstance(head, dict) else "preset"
        raise _fail(path, f"unknown key preset.{bad}; allowed keys: {', '.join(sorted(PRESET_KEYS))}")
    templates = _templates(path, head.get("templates"))
    extra = tuple(fw for fw in _team_frameworks(path, templates) if fw not in FRAMEWORKS)
    frameworks = head.get("frameworks", list(FRAMEWORKS + extra))
    if not isinstance(frameworks, list) or not frameworks:
        raise _fail(path, "preset.frameworks must be a non-empty list of framework names")
    for framework in frameworks:
        if framework not in FRAMEWORKS + extra:
            allowed = ", ".join(FRAMEWORKS + extra)
            raise _fail(path, f"preset.frameworks: {framework} is not allowed; choose from: {allowed}")
    locked = _values(path, "locked", data.get("locked", {}), extra)
    if "framework" in locked and locked["framework"] not in frameworks:
        raise _fail(path, f"locked.framework={locked['framework']} is not in preset.frameworks")
    return Preset(
        name=str(head.get("name", path.stem)),
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
        frameworks=tuple(frameworks),
        defaults=_values(path, "defaults", data.get("defaults", {}), extra),
        locked=locked,
        templates=templates,
    )


def _team_frameworks(path: Path, templates: Path | None) -> tuple[str, ...]:
    """The frameworks the team's template folder holds; each must follow scaffold's context keys."""
    if templates is None:
        return ()
    found = sorted(p for p in templates.iterdir() if (p / "cookiecutter.json").is_file())
    if not found:
        raise _fail(path, f"preset.templates holds no template (no */cookiecutter.json in {templates})")
    for folder in found:
        try:
            load_template(folder.name, folder)
        except InputError as err:
            raise _fail(path, err.message) from err
    return tuple(p.name for p in found)


def _templates(path: Path, value: object) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _fail(path, "preset.templates must be a path (relative to the preset file)")
    folder = (path.parent / value).resolve()
    if not folder.is_dir():
        raise _fail(path, f"preset.templates={value} is not a folder ({folder})")
    return folder
