"""Patch: each of Material's blogs answers "is this page a post?" at once, not by comparing it with every post.

What: a blog's `posts` list becomes `Posts`, the same list that answers `in`
by identity.
Why: Material's blog plugin asks it of every page, twice (`page not in
blog.posts`), and a list answers by comparing the page with each post in
turn: work that grows with the square of the number of posts.
Guard: a build has one page object per file, so asking by identity gives
the same answers; a list changed since it was made looks again. A blog
whose `posts` is not a list (`engine/guard.py`) is left as it is, and one
line says so.
"""

from __future__ import annotations

from .guard import Patch, has

AT_ONCE = Patch(
    "posts found by identity", "mkdocs-material", "9.8.2",
    "the blog compares each page with every post, as Material does (slower with many posts)",
)


class Posts(list):
    """A blog's posts, in order, that answers `page in posts` by identity."""

    def __init__(self, posts) -> None:
        super().__init__(posts)
        self._ids = frozenset(map(id, self))

    def __contains__(self, page) -> bool:
        if len(self._ids) != len(self):  # changed since: look again
            self._ids = frozenset(map(id, self))
        return id(page) in self._ids


def answer_at_once(blogs) -> None:
    """Each blog's (Material's `Blog` view) list of posts answers `in` at once."""
    for blog in blogs:
        if AT_ONCE.holds(has(blog, "posts", kind=list)):
            blog.posts = Posts(blog.posts)
