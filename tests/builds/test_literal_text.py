"""Front matter text shows literally in every place it is printed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.posts import FIXTURES
from tests import searchable
from tests.sites import build, make_site

HOSTILE = (FIXTURES / "hostile-post.md").read_text()
FRONT = yaml.safe_load(HOSTILE.split("---\n")[1])
TITLE, DESCRIPTION = FRONT["title"], FRONT["description"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("hostile"), {"blog/posts/hostile.md": HOSTILE})
    result = build(root)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def post(site):
    return site.page(next(site.site.glob("blog/2022/02/01/*/")).relative_to(site.site).as_posix() + "/")


def test_no_payload_becomes_markup(site):
    """No page, index or feed of the site contains a payload as real markup."""
    for path in site.site.rglob("*"):
        if path.name.startswith("feed_json"):
            continue  # JSON Feed titles are plain text by definition; see the feed test
        if path.suffix in (".html", ".json", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert "<script>window.__pwned" not in text, path
            assert "<img src=x" not in text and "<img src=\"x\"" not in text, path


def test_title_shows_literally(post):
    """The heading, the <title> and the header show the title as typed."""
    assert post.select_one("article h1").get_text() == TITLE
    assert post.select_one("title").get_text() == f"{TITLE} - DIY Workout Recovery"
    assert post.select_one(".md-header__topic:last-child .md-ellipsis").get_text(strip=True) == TITLE


def test_description_stays_inside_its_attribute(post):
    """Quotes cannot end the meta description's attribute."""
    assert post.select_one('meta[name="description"]')["content"] == DESCRIPTION


def test_cards_and_timer_show_text_literally(post):
    """Routine, step, cue and equipment text is text; step `text` is Markdown."""
    assert post.select_one("#routine-title").get_text() == FRONT["routine"]["title"]
    step = post.select_one("#step-1")
    assert step.select_one("h3").get_text(" ", strip=True) == "Step 1: " + FRONT["routine"]["steps"][0]["title"]
    assert step.select_one(".routine-step__cues li").get_text() == FRONT["routine"]["steps"][0]["cues"][0]
    assert step.select_one(".routine-step__text strong").get_text() == "is"
    timer = step.select_one("breath-timer")
    assert timer["inhale-cue"] == FRONT["routine"]["steps"][0]["breath"]["inhale_cue"]
    assert timer["exhale-cue"] == FRONT["routine"]["steps"][0]["breath"]["exhale_cue"]


def test_json_ld_is_valid_and_keeps_the_text(post):
    """Structured data parses and holds the author's text unchanged."""
    [data] = json.loads(post.select_one('figure script[type="application/ld+json"]').string)
    assert data["name"] == FRONT["video"]["title"] and data["description"] == DESCRIPTION


def test_lists_and_search_show_the_title_literally(site):
    """Blog index excerpts and the search index carry the title as text."""
    index = site.page("blog/")
    assert TITLE in [a.get_text() for a in index.select(".md-post__content h2 a")]
    entry = next(f for url, f in searchable.fragments(site.site).items() if url.startswith("/blog/2022/02/01/"))
    assert entry["meta"]["title"] == TITLE


def test_feeds_carry_the_text_literally(site):
    """RSS and JSON Feed items show title and description as typed, with the routine summary."""
    item = next(i for i in ET.parse(site.site / "feed_rss_created.xml").iter("item") if "Q&A" in i.find("title").text)
    assert item.find("title").text == TITLE
    description = BeautifulSoup(item.find("description").text, "html.parser").get_text()
    assert description == f"{DESCRIPTION} Routine: 1 step, under 1 min; <b>roller</b> & ball."
    feed = json.loads((site.site / "feed_json_created.json").read_text())
    entry = next(i for i in feed["items"] if "Q&A" in i["title"])
    assert entry["title"] == TITLE
    assert BeautifulSoup(entry["content_html"], "html.parser").get_text() == description
