"""Search from the header: nothing of the index until it opens, then results as the reader types."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import answer_to

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
KNEE_TITLE = "Knee Pain? Try This Self Massage + Stretch"


@pytest.fixture
def visit(new_page, base_url):
    """Open a page, logging every request it makes."""

    def visit_(path=KNEE, **options):
        page = new_page(**options)
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        return page

    return visit_


def index_requests(page):
    return [url for url in page.requests if "/pagefind/" in url or "search_index" in url]


@pytest.mark.parametrize("path", [KNEE, "", "blog/", "series/diy-recovery/"])
def test_nothing_of_the_index_is_fetched_before_search_opens(visit, path):
    page = visit(path)
    page.wait_for_timeout(300)
    assert index_requests(page) == []
    sitemaps = [url for url in page.requests if "sitemap" in url]
    assert all(url.endswith("/sitemap.xml") for url in sitemaps), "only the small sitemap index, never the list of pages"
    page.get_by_role("button", name="Search").click()
    page.wait_for_function("() => performance.getEntriesByType('resource').some(r => r.name.includes('/pagefind/'))")


def test_a_word_only_in_one_step_cue_finds_the_post_and_the_step(visit, search):
    page = visit("")
    results = search(page, "kneecap")
    first = results.locator("li").first
    assert first.locator(".site-search__page .site-search__title").inner_text() == KNEE_TITLE
    assert first.locator(".site-search__page").get_attribute("href") == "/" + KNEE
    step = first.locator(".site-search__step").first
    assert step.get_attribute("href") == f"/{KNEE}#step-1-title"
    assert step.locator("mark").first.inner_text().lower() == "kneecap", "the word found is highlighted"
    assert page.locator(".site-search__status").inner_text() == '1 result for "kneecap".'


def test_a_word_of_the_title_finds_the_post(visit, search):
    page = visit("blog/")
    results = search(page, "stretch")
    titles = results.locator(".site-search__page .site-search__title").all_inner_texts()
    assert KNEE_TITLE in titles


def test_results_by_keyboard(visit, base_url):
    """"/" opens search, arrows reach the results, Enter follows one, Escape closes and gives focus back."""
    page = visit("blog/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('site-search__input')")
    page.keyboard.type("kneecap", delay=20)
    answer_to(page, "kneecap")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/" + KNEE
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('site-search__input')")
    page.keyboard.press("Escape")
    assert not page.locator("dialog.site-search").is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Search"
    page.get_by_role("button", name="Search").click()
    assert page.locator(".site-search__input").input_value() == "kneecap", "the last search is still there"
    page.wait_for_function("document.activeElement.classList.contains('site-search__input')")
    page.keyboard.press("ArrowDown")
    page.wait_for_function(f"document.activeElement.getAttribute('href') === '/{KNEE}'")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + KNEE)


def test_no_match_says_so(visit, search):
    page = visit("blog/")
    results = search(page, "zzzqqq")
    assert page.locator(".site-search__status").inner_text() == 'No routines or pages match "zzzqqq".'
    assert results.locator("li").count() == 0


def test_results_follow_the_colour_scheme(visit, search):
    """In dark mode the dialog is dark, its text light."""
    page = visit("blog/", color_scheme="dark")
    search(page, "kneecap")
    colours = page.evaluate("""() => {
        const dialog = getComputedStyle(document.querySelector('dialog.site-search'));
        const luminance = (c) => c.match(/\\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0);
        return [luminance(dialog.backgroundColor), luminance(dialog.color)];
    }""")
    assert colours[0] < 200 < colours[1]


def test_search_is_accessible(visit, search):
    page = visit("blog/")
    search(page, "kneecap")
    result = Axe().run(page, context="dialog.site-search")
    assert result.violations_count == 0, result.generate_report()
