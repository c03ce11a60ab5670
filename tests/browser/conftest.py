"""A real headless Chromium against this site, served on localhost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.posts import FIXTURES
from tests.serving import serve
from tests.sites import add_video_posts, build, make_site

# Debian's Chromium; Playwright's own build only where no system browser exists.
SYSTEM_CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)), None)
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """This site plus fixture video posts and timers, built strictly and served.

    The server starts first so the site is built for its address: canonical
    links, feeds and the sitemap name it, port included.
    """
    root = tmp_path_factory.mktemp("browser-site")
    url, server = serve(root / "site")
    make_site(root, site_url=url)
    add_video_posts(root)
    (root / "docs" / "blog" / "posts" / "hostile.md").write_text((FIXTURES / "hostile-post.md").read_text())
    (root / "docs" / "blog" / "posts" / "every-step-kind.md").write_text((FIXTURES / "every-step-kind.md").read_text())
    (root / "docs" / "timers.md").write_text((FIXTURES / "timers.md").read_text())
    result = build(root)
    assert result.returncode == 0, result.output
    yield result.site, url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def long_routine_url(tmp_path_factory):
    """The address of a routine longer than one printed page (fixtures/long-routine.md), alone in a site built and served."""
    root = tmp_path_factory.mktemp("long-routine-site")
    url, server = serve(root / "site")
    make_site(root, {"blog/posts/long-routine.md": (FIXTURES / "long-routine.md").read_text()}, site_url=url)
    result = build(root)
    assert result.returncode == 0, result.output
    yield url + "blog/2023/03/01/long-routine/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(built_site):
    """Where the built site is served."""
    return built_site[1]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium; a missing browser is an error, never a skip."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=SYSTEM_CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh contexts (a phone-sized viewport by default)."""
    contexts = []

    def open_page(**options):
        options.setdefault("viewport", {"width": 360, "height": 740})
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def search():
    """Open search from the header, type as a reader does, and wait for the answer to exactly what was typed.

    Results come after a pause in typing, so a list shown earlier may answer
    an earlier keystroke: the list says which query it answers (data-query)
    and is aria-busy until the latest one's answer is shown.
    """

    def search_(page, words: str):
        page.get_by_role("button", name="Search").click()
        page.keyboard.type(words, delay=20)
        return answer_to(page, words)

    return search_


def answer_to(page, words: str):
    """The results list once it shows the answer to `words`, the whole input."""
    results = page.locator(".site-search__results")
    page.wait_for_function(
        "(words) => { const list = document.querySelector('.site-search__results');"
        " return list.dataset.query === words && list.getAttribute('aria-busy') === 'false'; }",
        arg=words,
    )
    return results
