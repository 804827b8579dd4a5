"""Wheel build hook: put the templates into the wheel, each with its own copy of the shared partials, no bytecode.

In the repository ``templates/<framework>/templates`` is a symlink to ``templates/_shared`` (one source for
the CI, Docker, pre-commit and editor files all three templates include). A wheel cannot hold symlinks and
hatchling skips them, and a ``force-include`` is copied whatever the exclude patterns say, so the whole
``templates`` folder is copied once to a scratch folder with the links resolved and without the bytecode a
test run or an editor leaves beside the templates (``__pycache__``, ``*.pyc``), and that copy is included.
Two wheels of one version then hold the same templates, and so render the same projects.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BYTECODE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")


class TemplatesHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the templates (and their symlinks) from the checkout
        self._scratch = Path(tempfile.mkdtemp(prefix="scaffold-build-"))
        copy = shutil.copytree(Path(self.root) / "templates", self._scratch / "templates", ignore=BYTECODE)
        build_data["force_include"][str(copy)] = "scaffold/templates"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
