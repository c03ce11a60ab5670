"""List pages render each post's excerpt from the start of the post, not all of it.

Material's blog plugin renders a post's whole Markdown for every list page the
post appears on (index pages, archive, categories) and keeps the HTML up to the
excerpt separator. Most of a blog's build went there. The excerpt is the same
rendered from the text before the separator with what the rest defines for the
whole text (`routines/excerpt.py`); a post whose separator sits in a code
block is rendered whole, as before. Either way the title heading is text,
not Markdown.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

import material.plugins.blog.structure as blog_posts
from routines.excerpt import GOES_ON, excerpt_source
from routines.literal import markdown_literal


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: excerpts render from the start of each post (once per process)."""
    render = blog_posts.Excerpt.render
    if not getattr(render, "from_start", False):
        blog_posts.Excerpt.render = _from_start(render)


def _from_start(render):
    """Material's `Excerpt.render`, given the start of the post instead of all of it, and its title as text."""

    def from_start(excerpt, page, separator: str):
        post = excerpt.post
        whole, heading = post.markdown, post._title_from_render
        start = excerpt_source(whole, separator)
        source = whole if start is None else start.source
        if not heading:
            # Material writes `# {title}` into the Markdown, so `**Bold**` in a
            # title became bold on list pages; escaped for Markdown, it stays text.
            post._title_from_render = post.title
            source = f"# {markdown_literal(post.title, excerpt.md)}\n\n{source}"
        post.markdown = source  # what render reads; the post's own page is rendered already
        try:
            render(excerpt, page, separator)
        finally:
            post.markdown, post._title_from_render = whole, heading
        if start is not None:
            excerpt.more = GOES_ON if start.goes_on else None

    from_start.from_start = True
    return from_start
