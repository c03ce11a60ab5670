"""Payloads in front matter never run: post page, lists, and search results."""

from __future__ import annotations

import pytest

from tests.builds.test_literal_text import TITLE



def open_hostile_post(page, base_url) -> None:
    """Reach the post the way a reader does: from the blog list, by its title."""
    page.goto(base_url + "blog/archive/2022/")
    page.locator(".md-post__content h2 a", has_text="Q&A").first.click()
    page.wait_for_url("**/blog/2022/02/01/**")


@pytest.fixture
def guarded(new_page):
    """A page where any payload that runs sets window.__pwned."""
    page = new_page(viewport={"width": 1280, "height": 900})
    page.route("**/*", lambda route: route.abort() if "127.0.0.1" not in route.request.url else route.continue_())
    return page


def test_no_payload_runs_on_the_post(guarded, base_url):
    """The post page shows its text, and nothing in it executes."""
    open_hostile_post(guarded, base_url)
    guarded.wait_for_timeout(300)
    assert guarded.evaluate("window.__pwned") is None


@pytest.mark.parametrize("path", ["blog/", "blog/archive/2022/", "blog/category/knee/", ""])
def test_no_payload_runs(guarded, base_url, path):
    """Every page that shows the post shows its text, and nothing in it executes."""
    response = guarded.goto(base_url + path)
    assert response.ok
    guarded.wait_for_timeout(300)
    assert guarded.evaluate("window.__pwned") is None


def test_the_heading_reads_as_typed(guarded, base_url):
    """The post's heading is the literal title."""
    open_hostile_post(guarded, base_url)
    assert guarded.locator("article h1").inner_text() == TITLE


def test_search_results_show_the_title_as_text(guarded, base_url, search):
    """Searching for the post lists it by its literal title, running nothing."""
    guarded.goto(base_url + "blog/")
    results = search(guarded, "ordinary")
    guarded.wait_for_timeout(300)
    assert guarded.evaluate("window.__pwned") is None
    shown = results.inner_text()
    assert TITLE in shown and guarded.locator(".site-search__results img, .site-search__results script").count() == 0
