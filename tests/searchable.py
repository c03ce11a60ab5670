"""What the search index reads of a written page, by the marks Pagefind follows.

Pagefind reads the element marked `data-pagefind-body`, leaves out whatever
is marked `data-pagefind-ignore` or told to leave out (headings' permalink
signs), and scripts, styles and templates, and makes
a sub-result of each heading with an id, holding the words up to the next.
"""

from __future__ import annotations

import copy
import gzip
import json
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from routines.discovery.search import LEFT_OUT

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def indexed(page: BeautifulSoup) -> Tag | None:
    """The part of the page search reads, or None if the page is left out of search."""
    body = page.select_one("[data-pagefind-body]")
    if body is None:
        return None
    body = copy.copy(body)
    for left_out in body.select(f"[data-pagefind-ignore], {LEFT_OUT}, script, style, template, noscript, svg"):
        left_out.decompose()
    return body


def text(page: BeautifulSoup) -> str:
    """Every word search reads on the page, spaced as a reader sees them."""
    body = indexed(page)
    return " ".join(body.get_text(" ").split()) if body else ""


def sections(page: BeautifulSoup) -> dict[str, str]:
    """The words under each heading with an id (key: the id; "" for those before the first)."""
    body = indexed(page)
    found: dict[str, list[str]] = {"": []}
    current = ""
    for node in body.descendants if body else ():
        if isinstance(node, Tag) and node.name in HEADINGS and node.get("id"):
            current = node["id"]
            found[current] = []
        if isinstance(node, NavigableString):
            found[current].append(str(node))
    return {key: " ".join(" ".join(words).split()) for key, words in found.items()}


def fragments(site: Path) -> dict[str, dict]:
    """What Pagefind wrote for each indexed page (key: its URL): title, content, anchors."""
    found = {}
    for file in (site / "pagefind" / "fragment").iterdir():
        data = json.loads(gzip.decompress(file.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data
    return found
