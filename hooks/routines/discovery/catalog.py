"""Views across all posts, computed once per build: dates, series, related posts.

Every function here sorts or indexes the posts once (O(n log n)); nothing
scans all posts for each page.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from ..model.post import Post
from ..model.units import about_minutes, plural
from ..model.wording import routine_line, routine_seconds


@dataclass(frozen=True)
class Entry:
    """One published post, as lists and links show it.

    Attributes:
        key: the post's source path (unique).
        url: the post's URL, relative to the site root.
        date: when it was published; ties are broken by title, then key.
        excerpt: its description, or the opening of its text.
        steps, estimate, equipment: its routine summary (0, "", () without one).
        booking: whether the booking invitation goes under it.
    """

    key: str
    title: str
    url: str
    date: dt.datetime
    categories: tuple[str, ...] = ()
    series: str = ""
    excerpt: str = ""
    steps: int = 0
    estimate: str = ""
    equipment: tuple[str, ...] = ()
    booking: bool = True

    @property
    def summary(self) -> str:
        """Its routine in one line ("3 steps · about 4 min · foam roller"), or "" without one."""
        return routine_line(self.steps, self.estimate, self.equipment) if self.steps else ""

    @property
    def order(self) -> tuple:
        return (self.date, self.title.casefold(), self.key)


def entry(post: Post, key: str, url: str, date: dt.date | dt.datetime, body: str = "") -> Entry:
    """The catalog entry of a validated post."""
    when = date if isinstance(date, dt.datetime) else dt.datetime.combine(date, dt.time())
    routine = post.routine
    return Entry(
        key=key, title=post.title, url=url, date=when.replace(tzinfo=None),
        categories=post.categories, series=post.series,
        excerpt=post.description or opening(body),
        steps=len(routine.steps) if routine else 0,
        estimate=about_minutes(routine_seconds(routine)) if routine else "",
        equipment=routine.all_equipment if routine else (),
        booking=post.booking,
    )


def opening(markdown: str, limit: int = 240) -> str:
    """The first paragraph of a post as plain text, cut at a word."""
    for block in re.split(r"\n\s*\n", markdown):
        text = re.sub(r"<[^>]+>|[*_`#>]|!?\[([^\]]*)\]\([^)]*\)", r"\1", block).strip()
        if text:
            text = " ".join(text.split())
            return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
    return ""


@dataclass(frozen=True)
class Part:
    """A post's place in its series."""

    series: str
    number: int
    count: int
    previous: Entry | None
    next: Entry | None


@dataclass
class Catalog:
    """All published posts and the views across them.

    Attributes:
        by_date: oldest first.
        series: slug -> its parts, oldest first.
        parts: post key -> its place in its series.
        related: post key -> up to `limit` posts sharing a region or equipment, newest first.
        equipment: each piece of equipment (lower case) -> the posts using it, oldest first; spellings
            that make one address (`foam roller`, `Foam-Roller`) are one piece, named as the oldest post spells it.
        equipment_names: every spelling (lower case) -> the name of its piece of equipment.
    """

    by_date: list[Entry]
    by_key: dict[str, Entry] = field(default_factory=dict)
    series: dict[str, list[Entry]] = field(default_factory=dict)
    parts: dict[str, Part] = field(default_factory=dict)
    related: dict[str, list[Entry]] = field(default_factory=dict)
    equipment: dict[str, list[Entry]] = field(default_factory=dict)
    equipment_names: dict[str, str] = field(default_factory=dict)

    def latest_routines(self, count: int) -> list[Entry]:
        """The newest posts that have a routine."""
        return list(itertools.islice((e for e in reversed(self.by_date) if e.steps), count))


def build_catalog(entries: list[Entry], limit: int = 3) -> Catalog:
    """Index the posts once: date order, series parts, related posts."""
    by_date = sorted(entries, key=lambda e: e.order)
    catalog = Catalog(by_date=by_date, by_key={e.key: e for e in by_date})
    named: dict[str, str] = {}  # each equipment page's address -> the name it goes by
    for e in by_date:
        if e.series:
            catalog.series.setdefault(e.series, []).append(e)
        for item in e.equipment:
            spelling = item.casefold()
            name = catalog.equipment_names.setdefault(spelling, named.setdefault(equipment_slug(spelling), spelling))
            posts = catalog.equipment.setdefault(name, [])
            if not posts or posts[-1] is not e:
                posts.append(e)
    for slug, parts in catalog.series.items():
        for number, e in enumerate(parts, 1):
            catalog.parts[e.key] = Part(
                slug, number, len(parts),
                parts[number - 2] if number > 1 else None,
                parts[number] if number < len(parts) else None,
            )
    catalog.related = related_posts(by_date, limit)
    return catalog


def related_posts(by_date: list[Entry], limit: int) -> dict[str, list[Entry]]:
    """For each post, the newest others that share a body region or equipment.

    Each region and piece of equipment keeps its posts newest first; a post's
    related posts are the first few of a merge of its lists, so the work per
    post is bounded by `limit` and the number of its tags, not by all posts.
    """
    newest_first = list(reversed(by_date))
    rank = {e.key: i for i, e in enumerate(newest_first)}
    shelves: dict[str, list[Entry]] = {}
    for e in newest_first:
        for tag in tags(e):
            shelves.setdefault(tag, []).append(e)
    related: dict[str, list[Entry]] = {}
    for e in newest_first:
        merged = heapq.merge(*(shelves[t] for t in tags(e)), key=lambda other: rank[other.key])
        picked: list[Entry] = []
        for other in merged:
            if other.key != e.key and other not in picked:
                picked.append(other)
                if len(picked) == limit:
                    break
        related[e.key] = picked
    return related


def feed_summary(e: Entry) -> str:
    """The routine in one sentence, for feeds: "Routine: 3 steps, about 4 min; foam roller."."""
    if not e.steps:
        return ""
    equipment = f"; {', '.join(e.equipment)}" if e.equipment else ""
    return f"Routine: {plural(e.steps, 'step')}, {e.estimate}{equipment}.".replace("\u00a0", " ")


def slug(text: str) -> str:
    """`Sore Shoulders? Try This` -> `sore-shoulders-try-this`; `foam roller` -> `foam-roller`; `泡沫轴` -> `泡沫轴`.

    Letters of every script are kept (accents dropped), and a slug fits in a
    file name whatever the script: 80 characters, at most SLUG_BYTES bytes.
    """
    letters = "".join(map(_latin, unicodedata.normalize("NFC", text)))
    words = re.sub(r"[\W_]+", "-", letters.casefold()).strip("-")[:80]
    return words.encode()[:SLUG_BYTES].decode(errors="ignore").rstrip("-")


def _latin(letter: str) -> str:
    """A letter as plain Latin when it is one with marks (`é` -> `e`, `ﬁ` -> `fi`); any other as it is (`ジ`)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", letter) if not unicodedata.combining(c))
    return plain if plain.isascii() else letter


# A file name holds 255 bytes on most file systems; a slug stays well within.
SLUG_BYTES = 200
# Names an equipment page's address may not take: the equipment overview is equipment/index.md.
TAKEN_SLUGS = ("index",)


def equipment_slug(name: str) -> str:
    """The last part of an equipment page's address (`foam-roller`), never the overview's."""
    found = slug(name)
    return f"{found}-equipment" if found in TAKEN_SLUGS else found


def tags(e: Entry) -> set[str]:
    """What makes two posts related: their regions and equipment."""
    return {f"region:{c.casefold()}" for c in e.categories} | {f"equipment:{equipment_slug(q)}" for q in e.equipment}
