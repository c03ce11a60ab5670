"""What a page says of itself when its link is shared: title, description, image."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..model.post import Post, Routine
from ..model.units import about_minutes
from ..model.wording import routine_line, routine_seconds
from .cards import HEIGHT, WIDTH, Card

SITE_CARD = "assets/cards/site.png"
POST_CARD = "card.png"  # beside the post's index.html


@dataclass(frozen=True)
class Preview:
    """Open Graph and Twitter card values, as plain text (the template escapes them)."""

    title: str
    description: str
    url: str
    image: str
    image_alt: str
    type: str = "website"
    published: str = ""
    section: str = ""
    width: int = WIDTH
    height: int = HEIGHT


def routine_summary(post: Post) -> str:
    """"3 steps · about 4 min · foam roller, tennis ball", or "" for a post with no routine."""
    return _summary(post.routine) if post.routine else ""


@functools.lru_cache(maxsize=4096)  # a routine is frozen: its card, its preview and every list ask for the same line
def _summary(routine: Routine) -> str:
    return routine_line(len(routine.steps), about_minutes(routine_seconds(routine)), routine.all_equipment)


def post_card(post: Post, site_name: str) -> Card:
    """The post's card: its title, routine and body region, and the site's name."""
    return Card(title=post.title, summary=routine_summary(post), region=", ".join(post.categories), site=site_name)


def post_preview(post: Post, url: str, site_description: str) -> Preview:
    """A post: an article, with its own card beside it at `url`."""
    summary = routine_summary(post)
    return Preview(
        title=post.title,
        description=post.description or site_description,
        url=url,
        image=url + POST_CARD,
        image_alt=" · ".join(part for part in (post.title, summary) if part),
        type="article",
        published=post.date.isoformat() if post.date else "",
        section=post.categories[0] if post.categories else "",
    )


def site_card(site_name: str, site_description: str) -> Card:
    return Card(title=site_name, summary=site_description)


def page_preview(title: str, url: str, site_url: str, site_name: str, site_description: str, description: str = "") -> Preview:
    """Any other page: its title, its own description (else the site's) and the site's card."""
    return Preview(
        title=title,
        description=description or site_description,
        url=url,
        image=site_url.rstrip("/") + "/" + SITE_CARD,
        image_alt=f"{site_name}: {site_description}" if site_description else site_name,
    )
