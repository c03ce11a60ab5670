"""Link previews: Open Graph and Twitter tags on every page, and a card image per post.

A shared link shows a card with the post's title, its routine and body
region (`routines.rendering.previews`, `routines.rendering.cards`); other pages show the site's
card. The tags come from `page.preview`, which `overrides/main.html` prints,
escaped.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from routines.discovery.pages import BLOG, list_description
from routines.engine import settings
from routines.engine.blog_views import list_view
from routines.engine.feeds import fill_card_lengths
from routines.engine.state import build_of, current
from routines.rendering import fonts
from routines.rendering.cards import CardDrawing
from routines.rendering.previews import POST_CARD, SITE_CARD, page_preview, post_card, post_preview, site_card


# Not on MkDocs' loggers, whose warnings stop a strict build: a machine without a
# script's fonts still builds, and says what to install.
fonts_log = logging.getLogger("routines.link_previews")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    """`on_page_content`: a post's card is its feed items' image; a blog list page gets a description of its own.

    mkdocs-rss-plugin takes `image` (a path from the site's root) from the
    page's front matter as it reads the page, at priority -75. The
    description goes into `page.meta`, which Material's `<meta name="description">`
    prints, before literal_text escapes it (-100).
    """
    if build_of(config).model(page.file.src_uri) is not None:
        page.meta["image"] = posixpath.join(posixpath.dirname(page.file.dest_uri), POST_CARD)
    view = list_view(page)
    if view is not None:
        kind, name, number = view
        page.meta["description"] = list_description(kind, name, number, page.meta.get("description") or "" if kind == BLOG else "")
    return html


def on_nav(nav, *, config: MkDocsConfig, files) -> None:
    """`on_nav`: start drawing every published post's card that is not kept; pages take theirs as they are written."""
    build = build_of(config)
    build.cards = CardDrawing(settings.kept_in(config, "cards"))
    cards = [site_card(config.site_name, config.site_description or "")]
    for post in settings.published_posts(config):
        model = build.model(post.file.src_uri)
        if model is not None:
            card = post_card(model, config.site_name)
            cards.append(card)
            unreadable = fonts.missing(card.title + card.region)
            if unreadable:
                fonts_log.warning(
                    f"{settings.shown_path(config, post.file.abs_src_path)}: title: the link-preview card shows boxes for "
                    f"{' '.join(unreadable)}, which no font on this machine has; install Debian's {fonts.DEBIAN_PACKAGES} (README)"
                )
    build.cards.start(cards)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """`on_page_context`: the page's preview, and for a post its card."""
    site_url = config.site_url or "/"
    url = page.canonical_url or urljoin(site_url, page.url)
    description = config.site_description or ""
    post = build_of(config).model(page.file.src_uri)
    if post is None:
        # Page titles and descriptions may hold markup or entities (front matter is escaped for Material): as text.
        title = config.site_name if page.is_homepage or not page.title else Markup(page.title).striptags()
        own = Markup(page.meta.get("description") or "").striptags()
        page.preview = page_preview(title, url, site_url, config.site_name, description, own)
    else:
        page.preview = post_preview(post, url, description)
        page.preview_card = post_card(post, config.site_name)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """`on_post_page`: the post's card goes beside its page (once drawn, at the latest when the build ends).

    Not beside a page `serve` leaves as it was written (an empty page, which
    MkDocs does not write): nothing drawn on the card changed, as the page
    shows all of it.
    """
    card = getattr(page, "preview_card", None)
    if card is not None and output:
        build_of(config).cards.place(card, (Path(config.site_dir) / page.file.dest_uri).parent / POST_CARD)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    """`on_post_build`: the site's own card, and the cards' sizes in the RSS feeds.

    mkdocs-rss-plugin looks for a card beside the post's source, not in the
    built site, and writes `length="None"`; the size is the card's own.
    """
    site = Path(config.site_dir)
    cards = build_of(config).cards
    cards.place(site_card(config.site_name, config.site_description or ""), site / SITE_CARD)
    cards.close()  # every card in its place
    fill_card_lengths(site, config.site_url or "")


def on_build_error(*, error: Exception) -> None:
    """`on_build_error`: stop drawing the cards of a build that failed."""
    build = current()
    if build is not None and build.cards is not None:
        build.cards.stop()
