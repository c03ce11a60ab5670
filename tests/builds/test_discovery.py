"""Series, previous and next, related posts, booking, equipment pages and feeds in a built blog."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET

import pytest

from tests.posts import DROP, knee, post_text
from tests import searchable
from tests.sites import build, make_site

PLAIN_BODY = "Intro.\n\n<!-- more -->\n\nMore.\n"


def fixture_post(title, date, **changes):
    front = knee(title=title, date=date, video=DROP, slug=title.lower(), **changes)
    for n in (1, 2, 3):
        front["routine"]["steps"][n - 1].pop("video_at", None)
    return post_text(front)


POSTS = {
    "blog/posts/alpha.md": fixture_post("Alpha", "2024-01-01"),
    "blog/posts/bravo.md": post_text({"title": "Bravo", "slug": "bravo", "date": "2024-01-05", "categories": ["Neck"], "pin": True}, PLAIN_BODY),
    "blog/posts/charlie.md": fixture_post("Charlie", "2024-01-05", **{"routine.equipment": ["exercise mat"]}),
    "blog/posts/delta.md": fixture_post("Delta", "2024-01-09", draft=True),
    "blog/posts/echo.md": fixture_post("Echo", "2024-01-12", categories=["Hip"], booking=False, **{"routine.equipment": ["foam roller"]}),
}
URLS = {
    "Alpha": "blog/2024/01/01/alpha/", "Bravo": "blog/2024/01/05/bravo/",
    "Charlie": "blog/2024/01/05/charlie/", "Echo": "blog/2024/01/12/echo/",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    docs = {path: _unquote_date(text) for path, text in POSTS.items()}
    docs["index.md"] = "---\ntitle: Home\n---\n\n# Home\n\n<!-- discovery -->\n"
    result = build(make_site(tmp_path_factory.mktemp("discovery"), docs))
    assert result.returncode == 0, result.output
    return result


def _unquote_date(text: str) -> str:
    return re.sub(r"(?m)^date: '(\d{4}-\d\d-\d\d)'$", r"date: \1", text)


def neighbours(page):
    head = {link["rel"][0]: link["href"] for link in page.select("head link[rel=prev], head link[rel=next]")}
    footer = page.select_one("nav.md-footer__inner")
    prev = footer.select_one(".md-footer__link--prev")
    nxt = footer.select_one(".md-footer__link--next")
    return head, (prev.get("aria-label") if prev else None), (nxt.get("aria-label") if nxt else None)


@pytest.mark.parametrize(
    ("title", "older", "newer"),
    [("Alpha", None, "Bravo"), ("Bravo", "Alpha", "Charlie"), ("Charlie", "Bravo", "Echo"), ("Echo", "Charlie", None)],
)
def test_previous_and_next_follow_the_dates(site, title, older, newer):
    """Pinned or not, same day or not, drafts left out: each post links its date neighbours."""
    head, prev, nxt = neighbours(site.page(URLS[title]))
    assert prev == (f"Previous: {older}" if older else None)
    assert nxt == (f"Next: {newer}" if newer else None)
    resolved = {rel: posixpath.normpath(posixpath.join(URLS[title], href)) + "/" for rel, href in head.items()}
    assert resolved == {rel: URLS[t] for rel, t in (("prev", older), ("next", newer)) if t}


def test_series_page_lists_parts_oldest_first(site):
    """The generated series page numbers its published parts in date order."""
    page = site.page("series/diy-recovery/")
    assert page.select_one("h1").get_text() == "DIY Workout Recovery, Mobility and Massage"
    parts = [(li.select_one(".series-parts__number").get_text(), li.select_one("h2").get_text()) for li in page.select(".series-parts__part")]
    assert parts == [("Part 1", "Alpha"), ("Part 2", "Charlie"), ("Part 3", "Echo")]
    assert "3 steps · about 4" in page.select_one(".series-parts__part").get_text()


def test_each_series_post_says_its_part_and_links_its_neighbours(site):
    """'Part 2 of 3 in …' at the top; previous and next part below."""
    page = site.page(URLS["Charlie"])
    assert page.select_one(".series-line").get_text(" ", strip=True) == "Part 2 of 3 in DIY Workout Recovery, Mobility and Massage"
    series = page.select_one(".post-footer__series")
    assert [a.get_text() for a in series.select("a")] == ["Alpha", "Echo", "All parts, in order"]
    assert site.page(URLS["Bravo"]).select(".series-line, .post-footer__series") == []


def test_related_routines_share_a_region_or_equipment(site):
    """Alpha is related to Echo (foam roller) and Charlie (knee), newest first."""
    related = site.page(URLS["Alpha"]).select(".post-footer__related li a")
    assert [a.get_text() for a in related] == ["Echo", "Charlie"]


def test_booking_shows_unless_the_post_opts_out(site):
    """Every post invites booking, except one whose front matter says `booking: false`."""
    assert "MT15" in site.page(URLS["Alpha"]).select_one(".post-footer__booking").get_text()
    assert site.page(URLS["Echo"]).select(".post-footer__booking") == []


def test_safety_note_with_every_routine(site):
    """The routine block carries the site's safety note."""
    assert "not medical advice" in site.page(URLS["Alpha"]).select_one("#routine .routine__safety").get_text()


def test_equipment_pages_list_their_routines(site):
    """Each piece of equipment has a page listing the routines that use it."""
    page = site.page("equipment/foam-roller/")
    assert page.select_one("h1").get_text() == "Routines with a foam roller"
    # Charlie's routine is on a mat, but its breath step uses the roller.
    assert {a.get_text(strip=True) for a in page.select("article a") if a.get_text(strip=True) in URLS} == {"Alpha", "Charlie", "Echo"}
    assert {a.get_text(strip=True) for a in site.page("equipment/exercise-mat/").select("article a")} & set(URLS) == {"Charlie"}
    tags = {a.get_text(strip=True): a["href"] for a in site.page(URLS["Echo"]).select(".md-tag")}
    assert tags["foam roller"].split("#")[0].endswith("/equipment/foam-roller/"), "a tag leads to its own page"


def test_equipment_page_lists_each_piece_with_its_count(site):
    """The equipment page links each piece's page and says how many routines use it."""
    items = site.page("equipment/").select("article .equipment-list li")
    listed = {li.a.get_text(): (li.a["href"], li.select_one(".equipment-list__count").get_text()) for li in items}
    assert listed["Foam roller"] == ("foam-roller/", "3 routines")
    assert listed["Exercise mat"] == ("exercise-mat/", "1 routine")


def test_search_finds_listing_pages_by_their_own_words_not_their_lists(site):
    """Series and equipment pages are found by title and description; their lists stay out of search."""
    for url, title, words in [
        ("series/diy-recovery/", "DIY Workout Recovery, Mobility and Massage", "Short routines to do at home"),
        ("equipment/foam-roller/", "Routines with a foam roller", "Every routine that uses a foam roller."),
    ]:
        page = site.page(url)
        text = searchable.text(page)
        assert text.startswith(title) and words in text
        assert not any(name in text for name in URLS), "the list's post titles are the posts' own entries"
        assert "Echo" in page.get_text(), "readers see the list"
    assert searchable.indexed(site.page("blog/")) is None, "the blog's listing pages are left out of search"


def test_home_page_shows_series_and_latest_routines(site):
    """Home shows the series and the newest routines as cards, newest first."""
    page = site.page("")
    cards = [c.select_one("h3").get_text() for c in page.select("#home-latest ~ ul .home-card, section[aria-labelledby=home-latest] .home-card")]
    assert cards == ["Echo", "Charlie", "Alpha"]
    assert page.select_one("section[aria-labelledby=home-series] .home-card__meta").get_text() == "3 parts"


def test_feeds_list_published_posts_with_routine_summaries(site):
    """RSS and JSON feeds carry each published post with its description and routine."""
    items = {i.find("title").text: i.find("description").text for i in ET.parse(site.site / "feed_rss_created.xml").iter("item")}
    assert set(items) == {"Alpha", "Bravo", "Charlie", "Echo"}
    assert items["Echo"].endswith("Routine: 3 steps, about 4 min; foam roller.")
    assert items["Bravo"] == "Intro."  # a plain post: its opening, no routine line
    feed = json.loads((site.site / "feed_json_created.json").read_text())
    assert {i["title"] for i in feed["items"]} == set(items)


def test_pages_announce_both_feeds(site):
    """Feed readers find the RSS and the JSON feed from any page."""
    head = site.page(URLS["Alpha"]).select("head link[rel=alternate]")
    types = {link["type"] for link in head}
    assert {"application/rss+xml", "application/feed+json"} <= types
    json_href = next(link["href"] for link in head if link["type"] == "application/feed+json")
    assert (site.site / URLS["Alpha"] / json_href).resolve() == (site.site / "feed_json_created.json").resolve()


def test_a_long_series_is_listed_a_page_at_a_time(tmp_path):
    """A series longer than the blog's page lists its parts page by page, numbered on; only its first page is searched."""
    from tests.bench.generate import generate

    result = build(generate(tmp_path, 12))
    assert result.returncode == 0, result.output
    first, second = result.page("series/diy-recovery/"), result.page("series/diy-recovery/page/2/")
    numbers = lambda page: [p.get_text() for p in page.select(".series-parts__number")]
    assert numbers(first) == [f"Part {n}" for n in range(1, 11)] and numbers(second) == ["Part 11", "Part 12"]
    assert second.select_one("ol.series-parts")["start"] == "11"
    assert first.select_one(".series-pages a[rel=next]")["href"] == "page/2/"
    assert second.select_one(".series-pages a[rel=prev]")["href"] == "../../"
    assert second.select_one(".series-pages span").get_text() == "Page 2 of 2"
    assert not (result.site / "series" / "diy-recovery" / "page" / "3").exists()
    assert searchable.indexed(first) is not None
    assert searchable.indexed(second) is None and searchable.indexed(result.page("404.html")) is None
