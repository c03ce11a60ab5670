"""Ways through the blog, computed once per build from all posts.

Series pages and each post's place in its series, previous and next posts by
date, related posts, a page per piece of equipment, the home page's cards,
and the booking invitation under each post.
"""

from __future__ import annotations

import json
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from markupsafe import Markup, escape

import read_once
import site_settings
from routines.catalog import Catalog, build_catalog, entry, feed_summary, slug
from routines.render import place_block

SERIES_DIR = "series"
EQUIPMENT_DIR = "equipment"


class _Build:
    """What this build knows about all posts."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.catalog = Catalog(by_date=[])
        self.posts: dict[str, Page] = {}
        self._env = None

    def render(self, template: str, page: Page, **context) -> str:
        """Render a partial for a page; `href(url)` makes site URLs relative to it."""
        if self._env is None:
            self._env = self.config.theme.get_env()

        def href(url: str) -> str:
            return get_relative_url(url, page.url)

        return self._env.get_template(template).render(href=href, extra=self.config.extra, **context)


# Hook modules outlive builds under `mkdocs serve`; on_config replaces this.
_build: _Build | None = None


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: start every build afresh."""
    global _build
    _build = _Build(config)


# After the blog plugin (priority -50) has read every post and given it its URL.
@event_priority(-60)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: index all published posts; generate series and equipment pages."""
    entries = []
    for post in site_settings.published_posts(config):
        src = post.file.src_uri
        model = read_once.model(config, src)  # every published post was validated
        _build.posts[src] = post
        entries.append(entry(model, src, post.file.url, post.config.date.created, post.markdown))
    _build.catalog = build_catalog(entries)
    series = config.extra.get("series") or {}
    files.append(File.generated(config, f"{SERIES_DIR}/index.md", content=_series_index()))
    per_page = site_settings.per_page(config)
    for name, info in series.items():
        count = series_pages(len(_build.catalog.series.get(name, [])), per_page)
        for number in range(1, count + 1):
            files.append(File.generated(config, f"{_series_page_path(name, number)}.md", content=_series_page(name, info, number)))
    files.append(File.generated(config, f"{EQUIPMENT_DIR}/index.md", content=_equipment_index()))
    for name in _build.catalog.equipment:
        files.append(File.generated(config, f"{EQUIPMENT_DIR}/{slug(name)}.md", content=_equipment_page(config, name)))
    return files


# After the blog plugin (priority -50) has chained its posts.
@event_priority(-60)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """`on_nav`: link each post to the previous and next post strictly by date.

    The blog plugin chains posts pinned first; a reader walking the blog
    expects the dates in order, pinned or not.
    """
    chain = [_build.posts[e.key] for e in _build.catalog.by_date]
    for older, newer in zip([None, *chain], [*chain, None]):
        if older is not None:
            older.next_page = newer
        if newer is not None:
            newer.previous_page = older
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`on_page_markdown`: equipment becomes tags and the feed item gets a routine summary.

    Before the tags plugin (-50) and the RSS plugin (on_page_content, -75) read them.
    """
    src = page.file.src_uri
    found = _build.catalog.by_key.get(src)
    if found:
        # What the series line and the footer show from other posts, for `serve`
        # to know when this page changed (routines/incremental.py).
        page.shows = (_build.catalog.parts.get(src), _build.catalog.related.get(src, []), found.booking)
    if found and found.equipment:
        own = page.meta.get("tags") or []
        page.meta["tags"] = list(dict.fromkeys([*own, *(item.casefold() for item in found.equipment)]))
    if found:
        # Feeds carry HTML descriptions: the author's text, escaped, and the routine in one line.
        text = f"{found.excerpt} {feed_summary(found)}".strip()
        page.meta["rss"] = {**(page.meta.get("rss") or {}), "feed_description": str(escape(text))}
    return markdown


def on_env(env, *, config: MkDocsConfig, files: Files):
    """`on_env`: give the post template its series line and footer.

    Search indexes the post's own words, not its neighbours' titles: both
    partials are marked `data-pagefind-ignore`.
    """
    env.globals["post_series_line"] = _series_line
    env.globals["post_footer"] = _post_footer
    return env


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`on_page_content`: the lists on series pages, the series overview, the equipment page and the home page."""
    src = page.file.src_uri
    catalog = _build.catalog
    series = config.extra.get("series") or {}
    if src.startswith(f"{SERIES_DIR}/") and src != f"{SERIES_DIR}/index.md":
        name, number = _series_page_of(src)
        parts = catalog.series.get(name, [])
        per_page = site_settings.per_page(config)
        first = (number - 1) * per_page
        pages = [(n, f"{_series_page_path(name, n)}/") for n in range(1, series_pages(len(parts), per_page) + 1)]
        listing = _build.render("partials/series-parts.html", page, parts=parts[first:first + per_page], first=first, number=number, pages=pages)
        return place_block(html, "series-parts", listing)
    if src == f"{EQUIPMENT_DIR}/index.md":
        kinds = sorted((name, f"{EQUIPMENT_DIR}/{slug(name)}/", len(posts)) for name, posts in catalog.equipment.items())
        return place_block(html, "equipment-list", _build.render("partials/equipment-list.html", page, equipment=kinds))
    if src == f"{SERIES_DIR}/index.md" or page.is_homepage:
        cards = _build.render(
            "partials/home-cards.html", page, series=series, catalog=catalog,
            latest=catalog.latest_routines(6) if page.is_homepage else [],
        )
        return place_block(html, "discovery", cards)
    return html


def _series_line(page: Page) -> Markup:
    """"Part 2 of 3 in …" for a series post, else nothing."""
    part = _build.catalog.parts.get(page.file.src_uri)
    if not part:
        return Markup()
    series = _build.config.extra.get("series") or {}
    return Markup(_build.render("partials/series-line.html", page, part=part, series=series))


def _post_footer(page: Page) -> Markup:
    """Series neighbours, related routines and booking under a post."""
    src = page.file.src_uri
    if src not in _build.catalog.by_key:
        return Markup()
    return Markup(_build.render(
        "partials/post-footer.html", page, part=_build.catalog.parts.get(src),
        series=_build.config.extra.get("series") or {},
        related=_build.catalog.related.get(src, []), booking=_build.catalog.by_key[src].booking,
    ))


# -----------------------------------------------------------------------------
# Generated pages: front matter and a marker; the content is rendered above.
# -----------------------------------------------------------------------------


def _page(title: str, description: str, body: str, **more) -> str:
    front = {"title": title, "description": description, **more}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()) + f"\n---\n\n{body}\n"


def _series_index() -> str:
    return _page("Series", "Routines written to be done in order, one part after another.", "<!-- discovery -->")


def series_pages(parts: int, per_page: int) -> int:
    """How many pages list a series of `parts` (one at least, which says there are none yet)."""
    return max(1, -(-parts // per_page))


def _series_page(name: str, info: dict, number: int) -> str:
    info = info or {}
    title = info.get("title") or name
    description = info.get("description") or ""
    if number == 1:
        return _page(title, description, f"{description}\n\n<!-- series-parts -->")
    # Later pages only continue the list: search finds the series by its first page.
    return _page(f"{title}, page {number}", description, "<!-- series-parts -->", search={"exclude": True})


def _series_page_path(name: str, number: int) -> str:
    """A series page's path, without suffix: `series/x` (its first page), `series/x/page/2`."""
    return f"{SERIES_DIR}/{name}" if number == 1 else f"{SERIES_DIR}/{name}/page/{number}"


def _series_page_of(src: str) -> tuple[str, int]:
    """The series and page number of a series page's source (`_series_page_path` with `.md`)."""
    parts = posixpath.splitext(src)[0].split("/")
    return (parts[1], int(parts[3])) if len(parts) == 4 else (parts[1], 1)


def _equipment_index() -> str:
    return _page("Equipment", "Routines by the equipment they need.", "<!-- equipment-list -->")


def _equipment_page(config: MkDocsConfig, name: str) -> str:
    a = "an" if name[:1] in "aeiou" else "a"
    description = f"Every routine that uses {a} {name}."
    # The tags plugin reads tags escaped (literal_text), so the listing names the escaped tag;
    # the description goes into the body as HTML, where Markdown leaves it as text.
    listing = "<!-- material/tags { include: [" + json.dumps(str(escape(name))) + "] } -->"
    # Search reads the description, not the listing (hooks/routines/search.py).
    return _page(f"Routines with {a} {name}", description, f"<p>{escape(description)}</p>\n\n<div data-pagefind-ignore=\"all\" markdown>\n\n{listing}\n\n</div>")
