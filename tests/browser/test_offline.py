"""Offline once visited: a routine opened once opens again with no connection."""

from __future__ import annotations

import re
import shutil
import time

import pytest
from playwright.sync_api import expect

from tests.serving import serve

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"


@pytest.fixture
def own_site(built_site, tmp_path):
    """A copy of the site on a server of its own, which a test can take down and bring back (same address)."""
    site = tmp_path / "site"
    shutil.copytree(built_site[0], site)
    url, server = serve(site)
    port = server.server_address[1]
    state = {"server": server}

    def down():
        state["server"].shutdown()
        state["server"].server_close()

    def up():
        state["server"] = serve(site, port)[1]

    yield site, url, down, up
    down()


KEPT = """async () => {
    const kept = {};
    for (const name of await caches.keys()) kept[name] = (await (await caches.open(name)).keys()).map(r => new URL(r.url).pathname);
    return kept;
}"""


def kept_when(page, ready, timeout=10.0):
    """What the service worker's caches hold (name -> paths), once `ready` holds of it."""
    end = time.monotonic() + timeout
    while not ready(kept := page.evaluate(KEPT)):
        assert time.monotonic() < end, kept
        page.wait_for_timeout(100)
    return kept


def visit_once(new_page, url):
    """Open the knee post online and wait until the service worker has kept it and what it loaded."""
    page = new_page()
    page.goto(url + KNEE)
    kept_when(page, lambda kept: kept.get("pages-v1") and any("/javascripts/site." in f for f in kept.get("files-v1", []))
              and any("/bundle." in f for f in kept["files-v1"]) and any("/site." in f for f in kept["files-v1"]))
    return page


def test_a_visited_routine_opens_offline_and_runs(new_page, own_site):
    site, url, down, up = own_site
    page = visit_once(new_page, url)
    down()
    page.goto(url + KNEE)
    assert page.locator("article h1").inner_text() == "Knee Pain? Try This Self Massage + Stretch"
    assert page.evaluate("getComputedStyle(document.querySelector('.routine-step')).borderRadius") != "0px", "styles came from the cache"
    page.context.set_offline(True)  # what the page sees: no connection
    page.goto(url + KNEE + "?t=30")  # a clip's address is the same page
    page.get_by_role("button", name=re.compile("^Start routine")).click()
    view = page.locator("dialog.follow__view")
    assert view.is_visible() and "Step 1 of 3" in view.inner_text()
    page.keyboard.press("Escape")
    line = page.locator(".post-video__offline")
    assert line.is_visible() and "needs a connection" in line.inner_text()


def test_a_page_never_visited_opens_the_sites_offline_page_with_the_routines_kept(new_page, own_site):
    """Offline, a page never opened is the site's own offline page: the kept routine listed (and it opens), a link home."""
    site, url, down, up = own_site
    page = visit_once(new_page, url)
    kept = kept_when(page, lambda kept: kept.get("offline-v1") == ["/503.html"])
    assert kept["pages-v1"] == ["/" + KNEE], "nothing is fetched ahead"
    assert not any("/pagefind/" in f for f in kept["files-v1"])
    down()
    page.goto(url + "blog/2023/12/13/cranky-neck-movement-flow/")
    expect(page.locator("article h1")).to_have_text("You are offline")
    assert page.url == url + "blog/2023/12/13/cranky-neck-movement-flow/", "the address stays the one asked for"
    saved = page.locator("saved-pages a")
    expect(saved).to_have_text(["Knee Pain? Try This Self Massage + Stretch"])
    assert page.locator(".way-back__home").get_attribute("href") == "/."
    saved.click()
    expect(page.locator("article h1")).to_have_text("Knee Pain? Try This Self Massage + Stretch")


def test_a_new_build_replaces_the_kept_page_on_the_next_visit(new_page, own_site):
    site, url, down, up = own_site
    page = visit_once(new_page, url)
    post = site / KNEE / "index.html"
    post.write_text(post.read_text().replace("Knee Pain? Try This Self Massage + Stretch</h1>", "Knee Pain, rewritten</h1>"))
    style = next((site / "assets" / "stylesheets").glob("site.*.min.css"))
    newer = style.with_name("site.abcdef12.min.css")
    shutil.copy(style, newer)
    post.write_text(post.read_text().replace(style.name, newer.name))
    page.goto(url + KNEE)
    assert page.locator("article h1").inner_text() == "Knee Pain, rewritten", "online, the network comes first"
    kept = kept_when(page, lambda kept: any("site.abcdef12" in f for f in kept["files-v1"]))
    assert [f for f in kept["files-v1"] if "/stylesheets/site." in f] == ["/assets/stylesheets/site.abcdef12.min.css"], "the older one is gone"
    down()
    page.goto(url + KNEE)
    assert page.locator("article h1").inner_text() == "Knee Pain, rewritten"


def test_search_offline_says_it_needs_a_connection(new_page, own_site):
    site, url, down, up = own_site
    page = visit_once(new_page, url)
    down()
    page.goto(url + KNEE)
    page.get_by_role("button", name="Search").click()
    page.keyboard.type("knee", delay=20)
    expect(page.locator(".site-search__status")).to_have_text("Search needs a connection: the routines you opened before still open.")


def test_search_keeps_its_vocabulary_once_opened(new_page, own_site):
    """Search opened once online: its vocabulary stays with the site's files, Pagefind's index is left alone."""
    site, url, down, up = own_site
    page = visit_once(new_page, url)
    page.goto(url + KNEE)  # now under the service worker
    page.get_by_role("button", name="Search").click()
    kept = kept_when(page, lambda kept: "/pagefind/words.txt" in kept["files-v1"])
    assert [f for f in kept["files-v1"] if "/pagefind/" in f] == ["/pagefind/words.txt"]
    down()
    words = page.evaluate("fetch('/pagefind/words.txt').then((response) => response.text())").split("\n")
    assert "kneecap" in words
