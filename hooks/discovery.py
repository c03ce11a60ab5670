"""The site across all posts, computed once per build (routines/discovery/).

The catalog of published posts; the pages it adds (series, their parts a
page at a time, equipment) and their lists; the home page's cards; each
post's equipment as tags and its routine in its feed item. What a post shows
of the others (its place in its series, previous and next, related routines,
booking) is post_navigation's.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from markupsafe import escape

from routines.discovery.catalog import build_catalog, feed_summary
from routines.discovery.pages import (
    CARDS, EQUIPMENT_INDEX, EQUIPMENT_LIST, SERIES_INDEX, SERIES_PARTS,
    equipment_url, generated_pages, series_page_of, series_pages, series_url,
)
from routines.engine import settings
from routines.engine.feeds import dated_once
from routines.engine.state import add_wording, build_of
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
        entries.append(build.entry(post))  # every published post was validated
    build.catalog = build_catalog(entries)
    pages = generated_pages(config.extra.get("series") or {}, build.catalog.series, list(build.catalog.equipment), settings.per_page(config))
    for path, text in pages.items():
        files.append(File.generated(config, path, content=text))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`on_page_markdown`: equipment becomes tags and the feed item gets a routine summary.

    Before the tags plugin (-50) and the RSS plugin (on_page_content, -75) read them.
    """
    catalog = build_of(config).catalog
    found = catalog.by_key.get(page.file.src_uri)
    if found and found.equipment:
        own = page.meta.get("tags") or []
        page.meta["tags"] = list(dict.fromkeys([*own, *(catalog.equipment_names[item.casefold()] for item in found.equipment)]))
    if found:
        page.meta = dated_once(page.meta)
        # Feeds carry HTML descriptions: the author's text (the excerpt unless rss.feed_description says), escaped, and the routine in one line.
        model = build_of(config).model(page.file.src_uri)
        text = f"{model and model.feed_description or found.excerpt} {feed_summary(found)}".strip()
        page.meta["rss"] = {**(page.meta.get("rss") or {}), "feed_description": str(escape(text))}
    return markdown


def on_env(env, *, config: MkDocsConfig, files: Files):
    """`on_env`: every page template gets the site's words and addresses (`plural`, `series_url`, `script_words`)."""
    add_wording(env)
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


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    """`on_template_context`: the 404 page lists the newest routines, so a wrong address still leads somewhere."""
    if template_name == "404.html":
        context["latest"] = build_of(config).catalog.latest_routines(5)
    return context
