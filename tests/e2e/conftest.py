"""Fixtures for the browser tests: one served app per module, a fresh Chromium per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.harness import free_port, infocards_web, launch_chromium, next_frames, served

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    port = free_port()
    with served(infocards_web(port), port, home) as url:
        yield url


@pytest.fixture
def browser_page(tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = launch_chromium(playwright, tmp_path / "chromium-profile")
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(30_000)
        yield page
        context.close()


@pytest.fixture
def screenshot(request):
    """Save a screenshot as a test artefact in test-artifacts/, named after the test."""

    def take(page, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        # Flutter paints after its semantics tree changes, and transitions and check marks
        # animate: poll until two pictures some frames apart agree (a ticking countdown may
        # differ between two, so the last is taken after a bounded number of tries).
        path = ARTIFACTS / f"{request.node.name}-{name}.png"
        previous = page.screenshot()
        for _ in range(40):
            next_frames(page, 6)
            current = page.screenshot()
            if current == previous:
                break
            previous = current
        path.write_bytes(current)
        return path

    return take
