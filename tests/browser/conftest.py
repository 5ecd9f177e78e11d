"""The browser the page tests drive: the system's Chromium, headless, through Playwright (never
a browser Playwright downloads; .ci/run installs Debian's `chromium`)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail(
            "no Chromium on PATH: the browser tests use the system's; "
            "install it with `apt-get update && apt-get install -y chromium`"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, headless=True)
        yield launched
        launched.close()
