"""The blog's list of posts answers "is this page a post?" by identity."""

from __future__ import annotations

from routines.engine.post_lookup import Posts


class Page:
    """Pages that compare equal to each other, as no two of MkDocs' pages for different files do."""

    def __eq__(self, other) -> bool:
        return isinstance(other, Page)

    __hash__ = object.__hash__


def test_posts_keep_their_order_and_answer_by_identity():
    """Same items in the same order as the list; membership is the page object itself."""
    first, second, other = Page(), Page(), Page()
    posts = Posts([first, second])
    assert list(posts) == [first, second] and posts[0] is first
    assert first in posts and second in posts
    assert other not in posts, "an equal page for another file is not a post"


def test_a_post_added_later_is_found():
    """Adding to the list is seen by the next lookup."""
    first, later = Page(), Page()
    posts = Posts([first])
    posts.append(later)
    assert later in posts
