""""Start routine" under a post's title: on the first screen of a phone, nothing moving, working with and without scripts."""

from __future__ import annotations

import re

import pytest

from tests.browser.routine_posts import ROUTINE_POSTS

PHONE = {"width": 390, "height": 844}
KNEE = ROUTINE_POSTS[0]

# Layout shifts, from the first paint, of the article or of anything holding "Start routine" (Material's own
# post sidebar, moved out of the way by Material's script on a slow phone, is neither).
SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const start = document.querySelector("routine-start");
    const moved = entry.sources.map((s) => s.node && (s.node.nodeType === 1 ? s.node : s.node.parentElement))
      .filter((el) => el && (el.closest("article") || el.contains(start)));
    if (moved.length) __shifts.push([entry.value, moved.map((el) => el.className || el.nodeName)]);
  }
}).observe({ type: "layout-shift", buffered: true });
"""
SETTLED = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.fixture
def open_post(new_page, base_url):
    """A post on a 390x844 phone, loaded and painted; returns the page."""

    def open_(path=KNEE, **options):
        page = new_page(viewport=PHONE, **options)
        page.add_init_script(SHIFTS)
        page.goto(base_url + path)
        if options.get("java_script_enabled", True):
            page.evaluate(SETTLED)  # two frames painted: a late shift would be recorded by now
        return page

    return open_


def in_view(page, selector: str) -> bool:
    """Whether the element's top is within the viewport."""
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")


def test_the_list_is_every_routine_post(built_site):
    """The posts these tests visit are all the site's routine posts."""
    site, _ = built_site
    found = sorted(str(p.parent.relative_to(site)) + "/" for p in site.glob("blog/**/index.html") if 'id="routine"' in p.read_text())
    assert found == sorted(ROUTINE_POSTS)


@pytest.mark.parametrize("path", ROUTINE_POSTS)
def test_start_is_on_the_first_screen_and_nothing_moves(open_post, path):
    """Every routine post: a thumb-sized "Start routine" within the first 844 px, and no layout shift."""
    page = open_post(path)
    link = page.get_by_role("link", name="Start routine")
    box = link.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert box["height"] >= 48, box
    assert re.fullmatch(r"Start routine\s+\d+ steps? · .+\smin", link.inner_text()), link.inner_text()
    assert page.evaluate("__shifts") == []


@pytest.mark.parametrize("path", ROUTINE_POSTS)
def test_start_opens_the_follow_along_view(open_post, path):
    """With scripts, one tap opens the view at the first step; closing it leaves the reader at the cards."""
    page = open_post(path)
    page.get_by_role("link", name="Start routine").click()
    view = page.locator("dialog.follow__view")
    view.wait_for(state="visible")
    assert page.evaluate("location.hash") == "#routine"
    page.keyboard.press("Escape")
    view.wait_for(state="hidden")
    assert in_view(page, "#routine")


def test_start_works_from_the_keyboard(open_post):
    """Focus reaches the link, and Enter starts the routine."""
    page = open_post()
    link = page.locator(".routine-start__link")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('routine-start__link')"):
            break
    else:
        pytest.fail("Tab never reaches Start routine")
    assert link.evaluate("a => getComputedStyle(a).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.locator("dialog.follow__view").wait_for(state="visible")


def test_without_javascript_start_goes_to_the_cards(open_post):
    """No scripts: a plain link that brings the routine and its first card into view."""
    page = open_post(java_script_enabled=False)
    assert not in_view(page, "#step-1")
    page.get_by_role("link", name="Start routine").click()
    assert page.url.endswith("#routine")
    assert in_view(page, "#step-1")


def luminance(rgb: str) -> float:
    """The relative luminance of a CSS `rgb(r, g, b)` colour (WCAG 2)."""
    channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_start_reads_in_both_schemes(open_post, scheme):
    """Its text against its own background: at least 4.5:1 in light and dark."""
    page = open_post(color_scheme=scheme)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    fg, bg = page.eval_on_selector(".routine-start__link", "a => [getComputedStyle(a).color, getComputedStyle(a).backgroundColor]")
    light, dark = sorted([luminance(fg), luminance(bg)], reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5, (fg, bg)


def test_start_is_not_printed(open_post):
    """On paper there is nothing to tap."""
    page = open_post()
    page.emulate_media(media="print")
    assert not page.locator(".routine-start").is_visible()
