"""The blog plugin asks "is this page a post?" at once, not by comparing it with every post.

Material's blog plugin asks it of every page, twice (`page not in
blog.posts`), and a list answers by comparing the page with each post in
turn: work that grows with the square of the number of posts. A build has
one page object per file, so asking by identity gives the same answers.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation

import site_settings


# After the blog plugin (priority -50) has read, sorted and chained its posts.
@event_priority(-60)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files) -> Navigation:
    """`on_nav`: each blog's list of posts answers `in` at once."""
    for blog in site_settings.blog_instances(config):
        blog.posts = Posts(blog.posts)
    return nav


class Posts(list):
    """A blog's posts, in order, that answers `page in posts` by identity."""

    def __init__(self, posts) -> None:
        super().__init__(posts)
        self._ids = frozenset(map(id, self))

    def __contains__(self, page) -> bool:
        if len(self._ids) != len(self):  # changed since: look again
            self._ids = frozenset(map(id, self))
        return id(page) in self._ids
