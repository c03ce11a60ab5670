"""Views across all posts: date order, series parts, related posts."""

from __future__ import annotations

import datetime as dt

import pytest

from routines.discovery.catalog import Entry, build_catalog, equipment_slug, feed_summary, opening, slug


def e(key, day, title=None, series="", categories=(), equipment=(), steps=3) -> Entry:
    return Entry(
        key=key, title=title or key, url=f"{key}/", date=dt.datetime(2024, 1, day),
        series=series, categories=categories, equipment=equipment, steps=steps, estimate="about 4\u00a0min",
    )


ENTRIES = [
    e("echo", 12, series="s", categories=("Hip",), equipment=("foam roller",)),
    e("charlie", 5, series="s", categories=("Knee",), equipment=("mat",)),
    e("alpha", 1, series="s", categories=("Knee",), equipment=("foam roller",)),
    e("bravo", 5, categories=("Neck",), steps=0),
    e("foxtrot", 20, series="t", categories=("Neck",)),
]


def test_date_order_breaks_ties_by_title():
    """Posts of the same day come in title order, so the chain is stable."""
    assert [x.key for x in build_catalog(ENTRIES).by_date] == ["alpha", "bravo", "charlie", "echo", "foxtrot"]


def test_series_parts_are_numbered_oldest_first():
    """Each series lists its posts oldest first; each post knows its place and neighbours."""
    catalog = build_catalog(ENTRIES)
    assert [x.key for x in catalog.series["s"]] == ["alpha", "charlie", "echo"]
    part = catalog.parts["charlie"]
    assert (part.series, part.number, part.count, part.previous.key, part.next.key) == ("s", 2, 3, "alpha", "echo")
    assert catalog.parts["alpha"].previous is None and catalog.parts["echo"].next is None
    assert catalog.parts["foxtrot"].count == 1 and "bravo" not in catalog.parts


def test_related_posts_share_a_region_or_equipment_newest_first():
    """Up to three others sharing a body region or equipment, newest first, never itself."""
    related = build_catalog(ENTRIES).related
    assert [x.key for x in related["alpha"]] == ["echo", "charlie"]
    assert [x.key for x in related["echo"]] == ["alpha"]
    assert [x.key for x in related["bravo"]] == ["foxtrot"]
    many = [e(f"p{n}", n + 1, categories=("Knee",)) for n in range(10)]
    assert [x.key for x in build_catalog(many).related["p0"]] == ["p9", "p8", "p7"]


def test_latest_routines_skip_posts_without_one():
    """The home page's latest routines are the newest posts with a routine."""
    assert [x.key for x in build_catalog(ENTRIES).latest_routines(3)] == ["foxtrot", "echo", "charlie"]


def test_opening_paragraph_as_plain_text():
    """Excerpts fall back to the first paragraph, without Markdown."""
    assert opening("\n\nA **bold** [link](x.md) here.\n\nSecond.") == "A bold link here."
    assert opening("word " * 100).endswith("…") and len(opening("word " * 100)) <= 241


def test_feed_summary_and_slug():
    """One line for feeds; slugs for generated pages."""
    assert feed_summary(ENTRIES[0]) == "Routine: 3 steps, about 4 min; foam roller."
    assert feed_summary(ENTRIES[3]) == ""
    assert slug("Foam roller") == "foam-roller" and slug("Sore Shoulders? Try “This”") == "sore-shoulders-try-this"


def test_equipment_lists_its_posts_oldest_first_once_each():
    """Each piece of equipment, in lower case, lists the posts that use it, oldest first."""
    catalog = build_catalog([*ENTRIES, e("delta", 8, equipment=("Foam Roller", "foam roller"))])
    assert [x.key for x in catalog.equipment["foam roller"]] == ["alpha", "delta", "echo"]
    assert [x.key for x in catalog.equipment["mat"]] == ["charlie"]


def test_equipment_spelt_alike_is_one_piece_named_as_first_spelt():
    """Spellings with one address share a page, named as the oldest post spells it; the others lead there."""
    catalog = build_catalog([e("a", 1, equipment=("Foam roller",)), e("b", 2, equipment=("foam-roller", "FOAM  ROLLER")), e("c", 3, equipment=("Ball (small)",)), e("d", 4, equipment=("ball small",))])
    assert {name: [x.key for x in posts] for name, posts in catalog.equipment.items()} == {"foam roller": ["a", "b"], "ball (small)": ["c", "d"]}
    assert catalog.equipment_names["foam  roller"] == catalog.equipment_names["foam-roller"] == "foam roller"


@pytest.mark.parametrize(("name", "address"), [
    ("泡沫轴", "泡沫轴"), ("Café Crème", "cafe-creme"), ("セルフマッサージ", "セルフマッサージ"), ("Index", "index-equipment"),
    ("膝" * 100, "膝" * 66), ("Ball (small)", "ball-small"),
])
def test_equipment_addresses_in_any_script_fit_a_file_name(name, address):
    """Letters of every script are kept, within a file name's bytes, and never the overview's address."""
    assert equipment_slug(name) == address and len(equipment_slug(name).encode()) <= 200
