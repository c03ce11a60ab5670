"""Structured data in every page's head: a BlogPosting for each post, and breadcrumbs everywhere.

The JSON-LD goes into `page.structured`, which `overrides/main.html` prints
in <head>: out of the content that Material's instant navigation swaps and
re-runs as scripts.
"""

from __future__ import annotations

from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from routines.discovery.pages import series_url
from routines.engine.state import build_of
from routines.rendering.previews import POST_CARD
from routines.rendering.structured import blog_posting, breadcrumbs, organization, script_json


# After link_previews (default priority), whose preview gives the page's plain title.
@event_priority(-10)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """`on_page_context`: the page's JSON-LD nodes, safe inside <script>."""
    site_url = config.site_url or "/"
    url = page.canonical_url or urljoin(site_url, page.url)
    preview = getattr(page, "preview", None)
    title = preview.title if preview else Markup(page.title or config.site_name).striptags()
    nodes = [breadcrumbs(_trail(page, nav, config, title, url))]
    post = build_of(config).model(page.file.src_uri)
    if post is not None:
        series = (config.extra.get("series") or {}).get(post.series)
        part_of = (series["title"], urljoin(site_url, series_url(post.series))) if series else None
        site = organization(config.site_author or config.site_name, site_url)
        posting = blog_posting(post, url, url + POST_CARD, site, part_of, _updated(page), video=post.video is not None)
        nodes.insert(0, posting)
    page.structured = script_json(nodes)
    return context


def _trail(page: Page, nav, config: MkDocsConfig, title: str, url: str) -> list[tuple[str, str]]:
    """Home, the top section the page is in (Blog, Series, Equipment) unless it is that page, then the page."""
    site_url = config.site_url or "/"
    trail = [("Home", site_url)]
    if page.is_homepage:
        return trail
    top = page.url.split("/", 1)[0] + "/"
    section = next((p for p in nav.pages if p.url == top), None)
    if section is not None and section is not page:
        trail.append((Markup(section.title or "").striptags() or top.strip("/").title(), urljoin(site_url, section.url)))
    trail.append((title, url))
    return trail


def _updated(page: Page):
    """The post's `date: updated:` as Material's blog read it, if the author gave one."""
    dates = getattr(getattr(page, "config", None), "date", None)
    try:
        updated = dates.get("updated") if dates is not None else None
    except AttributeError:
        return None
    return updated.date() if hasattr(updated, "date") else updated
