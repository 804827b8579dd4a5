"""A real browser for the flows a person clicks through: Debian's chromium driven by Playwright.

Nothing is downloaded: Playwright gets the system executable. Each page starts from a fresh context (no
cookies, no storage). On an exception the page is kept as a screenshot and its HTML under ``tests/.artifacts``.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tests.clients.record import ARTIFACTS
from tests.harness import skip_or_fail

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


@contextmanager
def browser_page(label: str) -> Iterator[Page]:
    """A page in a fresh headless chromium context; skipped without chromium, except under CI=true."""
    executable = chromium_path()
    if executable is None:
        skip_or_fail("chromium is not installed (.ci/run installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            page = context.new_page()
            try:
                yield page
            except Exception:
                keep(page, label)
                raise
            finally:
                context.close()
        finally:
            browser.close()


def keep(page: Page, label: str) -> None:
    """The screenshot and HTML of the page as it was when a check failed."""
    stem = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "_", label)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=f"{stem}-failure.png", full_page=True)
        Path(f"{stem}-failure.html").write_text(page.content(), encoding="utf-8")
    except Exception as err:  # the page may be the thing that broke; the original error matters more
        Path(f"{stem}-failure.txt").write_text(f"could not keep the page: {err!r}\n", encoding="utf-8")
