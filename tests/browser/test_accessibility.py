"""axe-core finds no accessibility violations, light and dark, phone and desktop."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "blog/", KNEE, "blog/2023/12/13/cranky-neck-movement-flow/", "blog/2023/05/01/calf-release-filmed-at-home/", "series/diy-recovery/", "equipment/", "equipment/foam-roller/"])
def test_no_axe_violations(new_page, base_url, path, scheme):
    """Home, blog and routine posts pass axe-core in both colour schemes."""
    page = new_page(color_scheme=scheme)
    page.goto(base_url + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_cards_fit_a_phone_screen(new_page, base_url):
    """At 360 px nothing in the routine overflows sideways."""
    page = new_page()
    page.goto(base_url + KNEE)
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('#routine, #routine *')]
                 .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                 .map(el => el.className || el.tagName)"""
    )
    assert overflow == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_step_text_is_large_enough_for_arms_length(new_page, base_url, scheme):
    """Dose text is at least 18 px and step text at least 14 px on a phone."""
    page = new_page(color_scheme=scheme)
    page.goto(base_url + KNEE)
    size = lambda selector: float(page.eval_on_selector(selector, "el => parseFloat(getComputedStyle(el).fontSize)"))
    assert size("#step-1 .routine-step__dose") >= 18
    assert size("#step-1 .routine-step__cues li") >= 14


def test_equipment_links_are_thumb_sized_on_a_phone(new_page, base_url):
    """Each piece on the equipment page is a full-width target at least 48 px tall."""
    page = new_page()
    page.goto(base_url + "equipment/")
    links = page.locator("article .equipment-list a")
    assert links.count() >= 3
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box["height"] >= 48 and box["width"] >= 300, box
