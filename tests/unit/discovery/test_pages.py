"""The pages discovery adds: one address for each, and each address read back to its page."""

from __future__ import annotations

import pytest

from routines.discovery.pages import (
    ARCHIVE, BLOG, CATEGORY, EQUIPMENT_INDEX, SERIES_INDEX, SeriesPage, equipment_url, generated_pages, list_description, series_page_of,
    series_pages, series_url,
)


@pytest.mark.parametrize(("name", "number", "url"), [("diy-recovery", 1, "series/diy-recovery/"), ("diy-recovery", 3, "series/diy-recovery/page/3/")])
def test_a_series_page_has_one_address_and_is_known_by_it(name, number, url):
    assert series_url(name, number) == url
    assert series_page_of(url.rstrip("/") + ".md") == SeriesPage(name, number)


@pytest.mark.parametrize("src", [SERIES_INDEX, EQUIPMENT_INDEX, "blog/posts/knee.md", "index.md"])
def test_other_pages_are_not_series_pages(src):
    assert series_page_of(src) is None


@pytest.mark.parametrize(("parts", "pages"), [(0, 1), (1, 1), (10, 1), (11, 2), (25, 3)])
def test_a_series_is_listed_on_enough_pages_and_at_least_one(parts, pages):
    assert series_pages(parts, 10) == pages


def test_generated_pages_are_the_overviews_every_series_page_and_every_piece_of_equipment():
    pages = generated_pages({"a": {"title": "A"}, "b": None}, {"a": list(range(12))}, ["foam roller"], 10)
    assert list(pages) == [SERIES_INDEX, "series/a.md", "series/a/page/2.md", "series/b.md", EQUIPMENT_INDEX, "equipment/foam-roller.md"]
    assert equipment_url("Foam roller") == "equipment/foam-roller/"
    assert 'title: "A, page 2"' in pages["series/a/page/2.md"] and "exclude" in pages["series/a/page/2.md"]
    assert 'title: "Routines with a foam roller"' in pages["equipment/foam-roller.md"]


@pytest.mark.parametrize(("kind", "name", "number", "own", "expected"), [
    (BLOG, "", 1, "", "Every routine and post, newest first."),
    (BLOG, "", 1, "All our routines.", "All our routines."),
    (BLOG, "", 3, "All our routines.", "All our routines: page 3."),
    (CATEGORY, "Ankle and foot", 1, "All our routines.", "Every routine and post filed under Ankle and foot, newest first."),
    (ARCHIVE, "2024", 2, "", "Every routine and post of 2024, newest first: page 2."),
])
def test_each_blog_list_page_describes_what_it_lists(kind, name, number, own, expected):
    """The blog index keeps its own description; a category or a year says what it holds; later pages say which."""
    assert list_description(kind, name, number, own) == expected
