"""The author's name and e-mail from ``git config``, as hatch, cargo and copier users expect.

They are suggestions (src/scaffold/layers.py): a preset default or a given answer wins, and a prompt shows them
as its default. A value scaffold would refuse as free text is ignored rather than reported: the user did not
type it here.
"""

from __future__ import annotations

import shutil
import subprocess

from .errors import InputError
from .stack import check_text

KEYS = {"user.name": "author_name", "user.email": "author_email"}


def git_identity() -> dict[str, str]:
    git = shutil.which("git")
    if git is None:
        return {}
    try:
        result = subprocess.run(
            [git, "config", "--get-regexp", r"^user\.(name|email)$"],
            capture_output=True,
            text=True,
            timeout=5,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return {}
    found: dict[str, str] = {}
    for line in result.stdout.splitlines():
        name, _, value = line.partition(" ")
        key = KEYS.get(name.lower())
        if key is None or not value.strip():
            continue
        try:
            check_text(key, value.strip())
        except InputError:
            continue
        found[key] = value.strip()
    return found
