"""Search from the header: nothing of the index until it opens, then results as the reader types."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import answer_to

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
KNEE_TITLE = "Knee Pain? Try This Self Massage + Stretch"
NECK_TITLE = "Cranky Neck After a Rough Night's Sleep? Try This Movement Flow"
CALF_TITLE = "Calf Release, Filmed at Home"

# Misspellings readers make of this site's words, the words they meant, and a post with them.
MISSPELT = [
    # body regions
    ("sholder", "shoulder", NECK_TITLE),
    ("sholders", "shoulders", NECK_TITLE),
    ("trapezus", "trapezius", NECK_TITLE),
    ("nekc", "neck", NECK_TITLE),
    ("kneecp", "kneecap", KNEE_TITLE),
    ("quadraceps", "quadriceps", KNEE_TITLE),
    ("calff", "calf", CALF_TITLE),
    # equipment
    ("rollr", "roller", KNEE_TITLE),
    ("foam rollr", "foam roller", KNEE_TITLE),
    ("tenis ball", "tennis ball", KNEE_TITLE),
    ("towl", "towel", NECK_TITLE),
    # techniques
    ("massge", "massage", KNEE_TITLE),
    ("strech", "stretch", KNEE_TITLE),
    ("breathign", "breathing", NECK_TITLE),
    ("mobilty", "mobility", KNEE_TITLE),
]
# Words this site never uses, some a letter or two from words it does; and the
# letters of other words ("yoga": the "Y O U" of a post, "sholder": the "s" of "30 s").
NOT_HERE = ["yoga", "pizza", "kettlebell", "swimming", "acupuncture", "cardio", "zzzqqq", "yoga knee"]


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


@pytest.mark.parametrize("typed", NOT_HERE)
def test_a_word_the_site_never_uses_finds_nothing_and_says_so(visit, search, typed):
    page = visit("blog/")
    results = search(page, typed)
    assert page.locator(".site-search__status").inner_text() == f'No routines or pages match "{typed}".'
    assert results.locator("li").count() == 0
    assert page.locator(".site-search__as-typed").is_hidden()


@pytest.mark.parametrize(("typed", "meant", "title"), MISSPELT)
def test_a_misspelt_word_finds_what_the_reader_meant_and_says_so(visit, search, typed, meant, title):
    page = visit("blog/")
    results = search(page, typed)
    assert title in results.locator(".site-search__page .site-search__title").all_inner_texts()
    status = page.locator(".site-search__status").inner_text()
    assert status.startswith("Showing ") and status.endswith(f' for "{meant}".'), status
    marked = [word.lower() for word in results.locator("mark").all_inner_texts()]
    assert any(meant.split()[-1] in word for word in marked), f"the word meant is highlighted: {marked}"
    assert page.locator(".site-search__as-typed").inner_text() == f'Search for "{typed}" instead'


def test_what_was_typed_can_be_searched_as_it_is(visit, search):
    """The button under a correction searches for the words typed, uncorrected; typing again corrects again."""
    page = visit("blog/")
    search(page, "trapezus")
    page.locator(".site-search__as-typed").click()
    expect(page.locator(".site-search__status")).to_have_text('No routines or pages match "trapezus".')
    assert page.locator(".site-search__results li").count() == 0
    assert page.locator(".site-search__as-typed").is_hidden()
    typing = page.evaluate("document.activeElement.classList.contains('site-search__input')")
    assert typing, "back in the field to type on"
    page.keyboard.press("Backspace")
    page.keyboard.type("s", delay=20)
    answer_to(page, "trapezus")
    expect(page.locator(".site-search__status")).to_have_text('Showing 1 result for "trapezius".')


def test_a_known_word_is_searched_as_typed(visit, search):
    page = visit("blog/")
    search(page, "stretching")
    assert page.locator(".site-search__status").inner_text().endswith(' for "stretching".')
    assert page.locator(".site-search__as-typed").is_hidden()


def test_titles_show_no_heading_decorations(visit, search):
    """A heading's permalink sign is no part of a result's title."""
    page = visit("blog/")
    results = search(page, "help")
    titles = results.locator(".site-search__title").all_inner_texts()
    assert "Knee pain: 3 things you can do to help" in titles
    assert not [title for title in titles if "¶" in title], titles


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


@pytest.mark.parametrize("typed", ["kneecap", "trapezus"])
def test_search_is_accessible(visit, search, typed):
    """Results, and a correction with its button."""
    page = visit("blog/")
    search(page, typed)
    result = Axe().run(page, context="dialog.site-search")
    assert result.violations_count == 0, result.generate_report()
