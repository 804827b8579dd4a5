"""Answers given up front: ``--set KEY=VALUE`` and ``--answers FILE`` (JSON, YAML or TOML).

A generated project's ``.scaffold.json`` is a valid answers file: its nested ``answers`` are flattened.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import InputError, reason
from .questions import KNOWN_KEYS, NEED_CHOICES, need_value

SUFFIXES = (".json", ".yaml", ".yml", ".toml")


def parse_set(items: Iterable[str]) -> dict[str, str]:
    """``["database=postgresql", ...]`` -> ``{"database": "postgresql"}``; the last of a repeated key wins."""
    answers: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise InputError(f"--set expects KEY=VALUE, got '{item}'")
        answers[key] = value.strip()
    return check_keys(answers, source="--set")


def _parse(path: Path, text: str) -> Any:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return json.loads(text)
    if suffix == ".toml":
        return tomllib.loads(text)
    import yaml  # cookiecutter depends on PyYAML; imported here to keep start-up fast

    return yaml.safe_load(text)


MAX_ANSWERS_FILE = 1024 * 1024


def _read_regular(path: Path) -> str:
    """The text of a regular file; a FIFO or device is refused at once instead of waited on."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"answers file {path} is not a regular file; give a JSON, YAML or TOML file")
        if info.st_size > MAX_ANSWERS_FILE:
            raise InputError(f"answers file {path} is over {MAX_ANSWERS_FILE} bytes; refused")
        return file.read().decode("utf-8-sig")  # a byte-order mark, as some editors write, is fine


def load_answers_file(path: Path) -> dict[str, str]:
    """Read an answers file, chosen by suffix, into flat ``{key: value}`` strings."""
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(f"answers file {path} must end in one of: {', '.join(SUFFIXES)}")
    try:
        data = _parse(path, _read_regular(path))
    except InputError:
        raise
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read answers file {path}: {reason(err)}") from err
    except Exception as err:  # each parser raises its own error type; all mean the same to the user
        first_line = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(f"answers file {path} is not valid {path.suffix[1:].upper()}: {first_line}") from err
    if not isinstance(data, Mapping):
        raise InputError(f"answers file {path} must hold a mapping of keys to values")
    if "answers" in data:  # the .scaffold.json of a generated project
        from .record import ProjectRecord

        return check_keys(ProjectRecord.parse(data, str(path)).answers(), source=str(path))
    return check_keys({str(k): as_text(k, v) for k, v in data.items()}, source=str(path))


def as_text(key: object, value: object) -> str:
    """One answer as text."""
    # YAML reads `auth: yes` as True and TOML has real booleans: both mean the answer "yes".
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str | int | float):
        return str(value)
    raise InputError(f"{key} must be a single value, not {type(value).__name__}")


def check_keys(answers: Mapping[str, str], *, source: str) -> dict[str, str]:
    """Unknown keys and need values outside their choices are errors naming the allowed ones."""
    checked = {}
    for key, value in answers.items():
        if key not in KNOWN_KEYS:
            raise InputError(f"{source}: unknown key '{key}'; allowed keys: {', '.join(KNOWN_KEYS)}")
        checked[key] = value = need_value(key, value) if key in NEED_CHOICES else value
        if key in NEED_CHOICES and value not in NEED_CHOICES[key]:
            raise InputError(f"{key}={value} is not allowed; choose one of: {', '.join(NEED_CHOICES[key])}")
    return checked
