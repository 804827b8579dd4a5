"""Wheel build hook: give each template its own copy of the shared partials.

In the repository ``templates/<framework>/templates`` is a symlink to ``templates/_shared`` (one source for
the CI, Docker, pre-commit and editor files all three templates include). A wheel cannot hold symlinks and
hatchling skips them, and its ``force-include`` maps each source path once, so the partials are copied to
one scratch folder per framework and each folder is force-included under its template.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

FRAMEWORKS = ("django", "flask", "fastapi")


class SharedPartialsHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the templates (and their symlinks) from the checkout
        shared = Path(self.root) / "templates" / "_shared"
        self._scratch = Path(tempfile.mkdtemp(prefix="scaffold-build-"))
        for framework in FRAMEWORKS:
            copy = shutil.copytree(shared, self._scratch / framework)
            build_data["force_include"][str(copy)] = f"scaffold/templates/{framework}/templates"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
