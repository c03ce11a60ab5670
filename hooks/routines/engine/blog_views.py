"""Which of the blog's list pages a page is, read from Material's blog views without patching them.

Relies on `material.plugins.blog.structure` (9.8): `View` (the blog index),
its subclasses `Category` and `Archive`, each with `name` and `pages` (the
view's pages of pagination, the first one named). A Material without them
makes every page "not a list", so list pages fall back to the site's
description: the build still works.
"""

from __future__ import annotations

from ..discovery.pages import ARCHIVE, BLOG, CATEGORY

try:
    from material.plugins.blog.structure import Archive, Category, View
except ImportError:  # pragma: no cover - a Material without the blog's views
    Archive = Category = View = None


def list_view(page) -> tuple[str, str, int] | None:
    """(kind, name, page number) of a blog list page, or None for any other page."""
    if View is None or not isinstance(page, View):
        return None
    pages = getattr(page, "pages", None) or [page]
    number = next((at for at, view in enumerate(pages, 1) if view is page), 1)
    kind = CATEGORY if isinstance(page, Category) else ARCHIVE if isinstance(page, Archive) else BLOG
    return kind, getattr(pages[0], "name", None) or "", number
