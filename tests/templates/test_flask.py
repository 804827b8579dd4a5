"""The flask template: every supported combination bakes and passes its own checks in a fresh venv."""

from __future__ import annotations

from typing import Any

import pytest

from tests.templates.conftest import bake_and_check, matrix


@pytest.mark.slow
@pytest.mark.parametrize("combo", matrix("flask"))
def test_combination_works(cookies: Any, combo: dict[str, str]) -> None:
    bake_and_check(cookies, "flask", combo)
