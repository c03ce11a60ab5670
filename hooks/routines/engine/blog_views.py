"""Which of the blog's list pages a page is, read from Material's blog views without patching them.

Relies on `material.plugins.blog.structure` (9.8): `View` (the blog index),
its subclasses `Category` and `Archive`, each with `name` and `pages` (the
view's pages of pagination, the first one named). A Material without them
(`engine/guard.py`) makes every page "not a list", so list pages fall back
to the site's description, and one line says so: the build still works.
"""

from __future__ import annotations

from ..discovery.pages import ARCHIVE, BLOG, CATEGORY
from .guard import Patch, importable

DESCRIBED = Patch(
    "list pages described by what they list", "mkdocs-material", "9.8.2",
    "blog list pages have the site's description",
)


def list_view(page) -> tuple[str, str, int] | None:
    """(kind, name, page number) of a blog list page, or None for any other page."""
    (view, _), (category, _), (archive, _) = found = [
        importable("material.plugins.blog.structure", name) for name in ("View", "Category", "Archive")
    ]
    if not DESCRIBED.holds(*(missing for _, missing in found)) or not isinstance(page, view):
        return None
    pages = getattr(page, "pages", None) or [page]
    number = next((at for at, each in enumerate(pages, 1) if each is page), 1)
    kind = CATEGORY if isinstance(page, category) else ARCHIVE if isinstance(page, archive) else BLOG
    return kind, getattr(pages[0], "name", None) or "", number
