"""What a page's template reads of MkDocs, Material's blog and the tags plugin, for `serve` to sign it.

Reads, patches nothing: the navigation every page shows, each page's tags
as the tags plugin links them, and what a blog list page shows, asked the
way Material's blog decides it as it renders the page (`_resolve_original`,
`_resolve_views`, `_config_pagination*`: private to Material 9.x; a test
compares every page `serve` writes with a clean build, so a change there
shows). Guard (`engine/guard.py`): where Material's blog lacks any of them,
or its `View`, or the tags plugin its `mappings` and `listings`, no page is signed, so `serve` writes every page every time,
as plain `serve` does, and one line says so.
"""

from __future__ import annotations

import material.plugins.blog.structure as blog

from ..rendering.excerpt import excerpt_key
from ..serving.incremental import Session, link, plain, post_facts, toc_data
from .guard import Patch, has
from .settings import blog_plugins, tags_plugin

LISTS_SIGNED = Patch(
    "pages left unwritten by serve when unchanged", "mkdocs-material", "9.8.2",
    "serve writes every page at every save, as plain serve does (slower)",
)
_ASKED = ("_resolve_original", "_resolve_views", "_config_pagination", "_config_pagination_per_page")


def nav_shape(items) -> list:
    """The navigation every page shows: titles, addresses and what the theme reads of each page's front matter."""
    shape = []
    for item in items:
        meta = getattr(item, "meta", None) or {}
        shown = {key: meta.get(key) for key in ("icon", "status", "subtitle", "title") if key in meta}
        shape.append([type(item).__name__, link(item), plain(shown), nav_shape(getattr(item, "children", None) or [])])
    return shape


def tag_links(config):
    """Each page's tags with the listings they link to, as the tags plugin gives them to the template."""
    plugin = tags_plugin(config)
    if plugin is not None and not LISTS_SIGNED.holds(has(plugin, "mappings.get"), has(plugin, "listings")):
        return lambda page: []  # and no page is signed

    def tags(page) -> list:
        mapping = plugin.mappings.get(page) if plugin is not None else None
        if not mapping:
            return []
        return [
            (ref.name, [(item.title, item.url) for item in ref.links])
            for ref in plugin.listings & mapping
        ]

    return tags


# What a list page shows is not known yet: one of its excerpts has not been rendered.
UNKNOWN = object()


def lists(config, files, serving: Session):
    """For a blog list page, its place among its pages and what it shows of each post; None for other pages.

    Material's blog decides which posts a list page shows as it renders it
    (`_render`); this asks it the same way. Each excerpt is the one kept
    from its last render, or `UNKNOWN` if there is none.
    """
    blogs = blog_plugins(config)
    memo = serving.memo
    if not LISTS_SIGNED.holds(has(blog, "View", kind=type), *(has(plugin, name) for plugin in blogs for name in _ASKED)):
        return lambda page: UNKNOWN  # which pages are lists, and what they show, is not known

    def shown(page):
        if not LISTS_SIGNED.holds():
            return UNKNOWN
        if not isinstance(page, blog.View):
            return None
        plugin = next((p for p in blogs if p._resolve_original(page) in p._resolve_views(p.blog)), None)
        if plugin is None:
            return None
        posts, place = page.posts, None
        if plugin._config_pagination(page):
            at, step = page.pages.index(page), plugin._config_pagination_per_page(page)
            posts, place = posts[at * step:at * step + step], (at, [p.url for p in page.pages])
        listed = []
        for post in posts:
            if not post.excerpt:
                continue
            kept = memo.get(excerpt_key(post, page, plugin.config.post_excerpt_separator), files)
            if kept is None:
                return UNKNOWN
            _, content, more, toc = kept
            facts = {**post_facts(post), "listed": ([link(c) for c in post.excerpt.categories], [dict(a) for a in post.excerpt.authors])}
            listed.append((facts, content, more, toc_data(toc)))
        return [place, listed]

    return shown
