"""What `serve` lays over every page it serves: the panel of the posts' problems.

Served, not built: the pages written to the site stay what a clean build
makes, so a mistake and its fix change only the pages that show the post,
and every page, the 404 page too, shows the panel at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_BODY = re.compile(rb"<body[^>]*>")


def over_every_page(app: Callable, panel: Callable[[], str]) -> Callable:
    """A WSGI app that serves what `app` does, with `panel()` (when not empty) at the top of every HTML page."""

    def served(environ: dict, start_response: Callable) -> Iterable[bytes]:
        answer: list = []

        def hold(status: str, headers: list[tuple[str, str]], exc_info=None):
            answer[:] = [status, headers, exc_info]
            return lambda data: None  # MkDocs' server never writes through it

        body = app(environ, hold)
        status, headers, exc_info = answer
        shown = panel()
        if not shown or not _is_html(headers):
            start_response(status, headers, exc_info)
            return body
        try:
            page = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        page = with_panel(page, shown.encode("utf-8"))
        headers = [(name, str(len(page)) if name.lower() == "content-length" else value) for name, value in headers]
        start_response(status, headers, exc_info)
        return [page]

    return served


def with_panel(page: bytes, panel: bytes) -> bytes:
    """The page with the panel first in its body."""
    body = _BODY.search(page)
    return page if body is None else page[: body.end()] + panel + page[body.end():]


def _is_html(headers: list[tuple[str, str]]) -> bool:
    return any(name.lower() == "content-type" and value.startswith("text/html") for name, value in headers)
