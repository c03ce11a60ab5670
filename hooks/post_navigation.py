"""What a post shows of the others: previous and next by date, its place in its series, related routines, booking.

From the catalog discovery makes (routines/discovery/catalog.py): the
previous/next links Material's footer shows (`navigation.footer`), and the
series line and post footer the post template calls around the article
(overrides/blog-post.html), outside what search indexes.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from markupsafe import Markup

from routines.engine.state import Build, build_of


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


def on_env(env, *, config: MkDocsConfig, files: Files):
    """`on_env`: give the post template its series line and footer.

    Search indexes the post's own words, not its neighbours' titles: both
    partials are marked `data-pagefind-ignore`.
    """
    build = build_of(config)
    env.globals["post_series_line"] = lambda page: _series_line(build, page)
    env.globals["post_footer"] = lambda page: _post_footer(build, page)
    return env


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
