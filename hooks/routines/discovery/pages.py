"""The pages discovery adds to the site: their addresses, and their Markdown.

A series has pages listing its parts (`series/<name>/`, then
`series/<name>/page/2/`, ...), under an overview (`series/`); each piece of
equipment has a page of the routines that use it (`equipment/<slug>/`),
under an index (`equipment/`). Every address of these pages, and every test
of whether a page is one of them, is made here; templates get them from
here too (`series_url`).
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from typing import Iterable

from markupsafe import escape

from ..model.post import Post
from .catalog import equipment_slug

SERIES_DIR = "series"
EQUIPMENT_DIR = "equipment"
# The folders of docs/ whose every page the site makes: an author's page there would be replaced.
MADE_BY_SITE = (SERIES_DIR, EQUIPMENT_DIR)
SERIES_INDEX = f"{SERIES_DIR}/index.md"
EQUIPMENT_INDEX = f"{EQUIPMENT_DIR}/index.md"
# Where each page's list goes: the marker its Markdown carries, which the list replaces.
SERIES_PARTS, EQUIPMENT_LIST, CARDS = "series-parts", "equipment-list", "discovery"


def series_url(name: str, number: int = 1) -> str:
    """The address of a series' page (its first page unless `number` says), relative to the site: `series/x/`."""
    return f"{series_page_path(name, number)}/"


def equipment_url(name: str) -> str:
    """The address of the page of a piece of equipment, relative to the site: `equipment/foam-roller/`."""
    return f"{EQUIPMENT_DIR}/{equipment_slug(name)}/"


def series_pages(parts: int, per_page: int) -> int:
    """How many pages list a series of `parts` (one at least, which says there are none yet)."""
    return max(1, -(-parts // per_page))


def series_page_path(name: str, number: int) -> str:
    """A series page's path, without suffix: `series/x` (its first page), `series/x/page/2`."""
    return f"{SERIES_DIR}/{name}" if number == 1 else f"{SERIES_DIR}/{name}/page/{number}"


@dataclass(frozen=True)
class SeriesPage:
    """Which page of which series a source is."""

    name: str
    number: int


def series_page_of(src: str) -> SeriesPage | None:
    """The series page a source (relative to docs/) is, or None for any other page."""
    if not src.startswith(f"{SERIES_DIR}/") or src == SERIES_INDEX:
        return None
    parts = posixpath.splitext(src)[0].split("/")
    return SeriesPage(parts[1], int(parts[3])) if len(parts) == 4 else SeriesPage(parts[1], 1)


def added_paths(series: Iterable[str], posts: Iterable[Post], per_page: int) -> set[str]:
    """Every page discovery adds for these published posts, by its path in docs/ and by its address.

    What a link may point at: `series/x.md` from another page, `/equipment/foam-roller/` from the top.
    """
    posts = list(posts)
    equipment = {item.casefold(): item for post in posts if post.routine for item in post.routine.all_equipment}
    parts_of = {name: [post for post in posts if post.series == name] for name in series}
    sources = generated_pages({name: {} for name in series}, parts_of, list(equipment.values()), per_page)
    return {*sources, *(_address(src) for src in sources)}


def _address(src: str) -> str:
    """A generated page's address: `series/x.md` -> `series/x/`, `series/index.md` -> `series/`."""
    stem = posixpath.splitext(src)[0]
    return f"{stem.removesuffix('/index').removesuffix('index')}/"


def generated_pages(series: dict, parts_of: dict, equipment: list[str], per_page: int) -> dict[str, str]:
    """Every page discovery adds: path relative to docs/ -> its Markdown.

    Args:
        series: the series of `extra.series` in mkdocs.yml (name -> title and description).
        parts_of: each series' parts, by name.
        equipment: every piece of equipment a published routine uses.
        per_page: how many parts a series page lists.
    """
    pages = {SERIES_INDEX: _series_index()}
    for name, info in series.items():
        for number in range(1, series_pages(len(parts_of.get(name, [])), per_page) + 1):
            pages[f"{series_page_path(name, number)}.md"] = _series_page(name, info, number)
    pages[EQUIPMENT_INDEX] = _equipment_index()
    for name in equipment:
        pages[f"{EQUIPMENT_DIR}/{equipment_slug(name)}.md"] = _equipment_page(name)
    return pages


# -----------------------------------------------------------------------------
# What the blog's own list pages say of themselves
# -----------------------------------------------------------------------------

# The blog's list pages by kind: Material's blog index, a category's, a year's.
BLOG, CATEGORY, ARCHIVE = "blog", "category", "archive"


def list_description(kind: str, name: str, number: int, blog_description: str = "") -> str:
    """A list page's own description, for search results and link previews (never the site's).

    Args:
        kind: BLOG, CATEGORY or ARCHIVE.
        name: the category's or the year's name (unused for BLOG).
        number: the page of the list, from 1.
        blog_description: the blog index's own description (its front matter), if it has one.
    """
    first = {
        CATEGORY: f"Every routine and post filed under {name}, newest first.",
        ARCHIVE: f"Every routine and post of {name}, newest first.",
    }.get(kind) or blog_description or "Every routine and post, newest first."
    return first if number <= 1 else f"{first.rstrip('.')}: page {number}."


# -----------------------------------------------------------------------------
# Their Markdown: front matter and a marker; the content is rendered into it.
# -----------------------------------------------------------------------------


def _page(title: str, description: str, body: str, **more) -> str:
    front = {"title": title, "description": description, **more}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()) + f"\n---\n\n{body}\n"


def _series_index() -> str:
    return _page("Series", "Routines written to be done in order, one part after another.", f"<!-- {CARDS} -->")


def _series_page(name: str, info: dict, number: int) -> str:
    info = info or {}
    title = info.get("title") or name
    description = info.get("description") or ""
    if number == 1:
        return _page(title, description, f"{description}\n\n<!-- {SERIES_PARTS} -->")
    # Later pages only continue the list: search finds the series by its first page.
    return _page(f"{title}, page {number}", description, f"<!-- {SERIES_PARTS} -->", search={"exclude": True})


def _equipment_index() -> str:
    return _page("Equipment", "Routines by the equipment they need.", f"<!-- {EQUIPMENT_LIST} -->")


def _equipment_page(name: str) -> str:
    a = "an" if name[:1] in "aeiou" else "a"
    description = f"Every routine that uses {a} {name}."
    # The tags plugin reads tags escaped (literal_text), so the listing names the escaped tag;
    # the description goes into the body as HTML, where Markdown leaves it as text.
    listing = "<!-- material/tags { include: [" + json.dumps(str(escape(name))) + "] } -->"
    # Search reads the description, not the listing (routines/discovery/search.py).
    return _page(f"Routines with {a} {name}", description, f"<p>{escape(description)}</p>\n\n<div data-pagefind-ignore=\"all\" markdown>\n\n{listing}\n\n</div>")
