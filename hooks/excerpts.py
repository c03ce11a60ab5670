"""List pages render each post's excerpt from the start of the post, not all of it.

Material's blog plugin renders a post's whole Markdown for every list page the
post appears on (index pages, archive, categories) and keeps the HTML up to the
excerpt separator. Most of a blog's build went there. The excerpt is the same
rendered from the text before the separator with what the rest defines for the
whole text (`routines/excerpt.py`); a post whose separator sits in a code
block is rendered whole, as before.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

import material.plugins.blog.structure as blog_posts
from routines.excerpt import GOES_ON, excerpt_source


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: excerpts render from the start of each post (once per process)."""
    render = blog_posts.Excerpt.render
    if not getattr(render, "from_start", False):
        blog_posts.Excerpt.render = _from_start(render)


def _from_start(render):
    """Material's `Excerpt.render`, given the start of the post instead of all of it."""

    def from_start(excerpt, page, separator: str):
        post = excerpt.post
        whole = post.markdown
        start = excerpt_source(whole, separator)
        if start is None:
            return render(excerpt, page, separator)
        post.markdown = start.source  # what render reads; the post's own page is rendered already
        try:
            render(excerpt, page, separator)
        finally:
            post.markdown = whole
        excerpt.more = GOES_ON if start.goes_on else None

    from_start.from_start = True
    return from_start
