"""How a static host caches each file: `_headers`, the file Netlify and Cloudflare Pages read.

A file whose name carries a digest of its content (`main.57a0d79d.min.css`,
Pagefind's `en_323c564.pf_fragment`) never changes at its address: a year,
immutable. Everything else (pages, feeds, `sw.js`, the search index's entry,
the sitemap, post cards) is asked again each time (`no-cache`: the browser
keeps it but checks it is still current, a 304 costing a few bytes). The
rules cover each file exactly once, with a folder's `/*` wherever all of
its files are of one kind, so the file stays short (Cloudflare Pages reads
at most 100 rules) and no two rules add their headers to one file.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

HEADERS_FILE = "_headers"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# A digest of 7 or more hex digits between dots or after an underscore, before the suffix.
_FINGERPRINT = re.compile(r"[._][0-9a-f]{7,}\.")


def is_fingerprinted(path: str) -> bool:
    """Whether a file's name carries its content's digest (pages never do: their address is their name)."""
    name = posixpath.basename(path)
    return not name.endswith(".html") and bool(_FINGERPRINT.search(name))


def cache_rules(paths: Iterable[str]) -> list[tuple[str, str]]:
    """(address pattern, Cache-Control) for the site's files (paths relative to the site, with `/`), each file matched once."""
    files = sorted(set(paths) - {HEADERS_FILE})
    return _rules("", files)


def headers_file(paths: Iterable[str]) -> str:
    """The text of `_headers`."""
    blocks = [f"{pattern}\n  Cache-Control: {value}\n" for pattern, value in cache_rules(paths)]
    return "# How long browsers and CDNs may keep each file (written by the build).\n" + "\n".join(blocks)


def _rules(folder: str, files: list[str]) -> list[tuple[str, str]]:
    kinds = {is_fingerprinted(path) for path in files}
    if folder and len(kinds) == 1:
        return [(f"/{folder}*", IMMUTABLE if kinds.pop() else REVALIDATE)]
    rules: list[tuple[str, str]] = []
    below: dict[str, list[str]] = {}
    for path in files:
        rest = path[len(folder):]
        if "/" in rest:
            below.setdefault(folder + rest.split("/", 1)[0] + "/", []).append(path)
            continue
        value = IMMUTABLE if is_fingerprinted(path) else REVALIDATE
        if rest == "index.html":  # a folder's page is asked for by the folder's address
            rules.append((f"/{folder}", value))
        rules.append((f"/{path}", value))
    for sub, inside in sorted(below.items()):
        rules += _rules(sub, inside)
    return rules
