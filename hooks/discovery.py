"""Ways through the blog, computed once per build from all posts (routines/discovery/).

Series pages and each post's place in its series, previous and next posts by
date, related posts, a page per piece of equipment, the home page's cards,
and the booking invitation under each post.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from markupsafe import Markup, escape

from routines.discovery.catalog import build_catalog, entry, feed_summary
from routines.discovery.pages import (
    CARDS, EQUIPMENT_INDEX, EQUIPMENT_LIST, SERIES_INDEX, SERIES_PARTS,
    equipment_url, generated_pages, series_page_of, series_pages, series_url,
)
from routines.engine import settings
from routines.engine.state import Build, add_wording, build_of
from routines.rendering.blocks import place_block


# After the blog plugin (priority -50) has read every post and given it its URL.
@event_priority(-60)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: index all published posts; generate series and equipment pages."""
    build = build_of(config)
    entries = []
    for post in settings.published_posts(config):
        src = post.file.src_uri
        build.post_pages[src] = post
        entries.append(entry(build.model(src), src, post.file.url, post.config.date.created, post.markdown))  # every published post was validated
    build.catalog = build_catalog(entries)
    pages = generated_pages(config.extra.get("series") or {}, build.catalog.series, list(build.catalog.equipment), settings.per_page(config))
    for path, text in pages.items():
        files.append(File.generated(config, path, content=text))
    return files


# After the blog plugin (priority -50) has chained its posts.
@event_priority(-60)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """`on_nav`: link each post to the previous and next post strictly by date.

    The blog plugin chains posts pinned first; a reader walking the blog
    expects the dates in order, pinned or not.
    """
    build = build_of(config)
    chain = [build.post_pages[e.key] for e in build.catalog.by_date]
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
    catalog = build_of(config).catalog
    src = page.file.src_uri
    found = catalog.by_key.get(src)
    if found:
        # What the series line and the footer show from other posts, for `serve`
        # to know when this page changed (routines/serving/incremental.py).
        page.shows = (catalog.parts.get(src), catalog.related.get(src, []), found.booking)
    if found and found.equipment:
        own = page.meta.get("tags") or []
        page.meta["tags"] = list(dict.fromkeys([*own, *(item.casefold() for item in found.equipment)]))
    if found:
        # Feeds carry HTML descriptions: the author's text, escaped, and the routine in one line.
        text = f"{found.excerpt} {feed_summary(found)}".strip()
        page.meta["rss"] = {**(page.meta.get("rss") or {}), "feed_description": str(escape(text))}
    return markdown


def on_env(env, *, config: MkDocsConfig, files: Files):
    """`on_env`: give the page templates the series line, the footer and the site's words.

    Search indexes the post's own words, not its neighbours' titles: both
    partials are marked `data-pagefind-ignore`.
    """
    build = build_of(config)
    add_wording(env)
    env.globals["post_series_line"] = lambda page: _series_line(build, page)
    env.globals["post_footer"] = lambda page: _post_footer(build, page)
    return env


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`on_page_content`: the lists on series pages, the series overview, the equipment page and the home page."""
    build = build_of(config)
    catalog = build.catalog
    src = page.file.src_uri
    href = _href(page)
    if (shown := series_page_of(src)) is not None:
        parts = catalog.series.get(shown.name, [])
        per_page = settings.per_page(config)
        first = (shown.number - 1) * per_page
        pages = [(n, series_url(shown.name, n)) for n in range(1, series_pages(len(parts), per_page) + 1)]
        listing = build.render("partials/series-parts.html", href, parts=parts[first:first + per_page], first=first, number=shown.number, pages=pages)
        return place_block(html, SERIES_PARTS, listing)
    if src == EQUIPMENT_INDEX:
        kinds = sorted((name, equipment_url(name), len(posts)) for name, posts in catalog.equipment.items())
        return place_block(html, EQUIPMENT_LIST, build.render("partials/equipment-list.html", href, equipment=kinds))
    if src == SERIES_INDEX or page.is_homepage:
        cards = build.render(
            "partials/home-cards.html", href, series=config.extra.get("series") or {}, catalog=catalog,
            latest=catalog.latest_routines(6) if page.is_homepage else [],
        )
        return place_block(html, CARDS, cards)
    return html


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _href(page: Page):
    """Site URLs made relative to the page."""
    return lambda url: get_relative_url(url, page.url)


def _series_line(build: Build, page: Page) -> Markup:
    """"Part 2 of 3 in …" for a series post, else nothing."""
    part = build.catalog.parts.get(page.file.src_uri)
    if not part:
        return Markup()
    return Markup(build.render("partials/series-line.html", _href(page), part=part, series=build.config.extra.get("series") or {}))


def _post_footer(build: Build, page: Page) -> Markup:
    """Series neighbours, related routines and booking under a post."""
    src = page.file.src_uri
    catalog = build.catalog
    if src not in catalog.by_key:
        return Markup()
    return Markup(build.render(
        "partials/post-footer.html", _href(page), part=catalog.parts.get(src),
        series=build.config.extra.get("series") or {},
        related=catalog.related.get(src, []), booking=catalog.by_key[src].booking,
    ))
