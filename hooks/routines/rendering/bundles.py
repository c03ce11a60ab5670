"""The site's own styles and scripts as readers get them: one file of each, minified and fingerprinted.

The sources stay one small file per widget (overrides/assets/), listed in
order under `extra_css` and `extra_javascript`. A page then waits for one
stylesheet of the site's own before it can paint, and makes one request for
its scripts, instead of one per widget: on a phone's connection each request
costs a round trip, and a browser opens only a few at a time.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from csscompressor import compress
from jsmin import jsmin

KINDS = {
    "css": ("assets/stylesheets/site", compress),
    # Each widget's script is its own closed function: joined with ";", none reaches into another.
    "js": ("assets/javascripts/site", lambda text: jsmin(text, quote_chars="'\"`") + ";"),
}


def bundle(kind: str, parts: list[Path]) -> tuple[str, str]:
    """The bundle's site path (`assets/stylesheets/site.1a2b3c4d.min.css`) and text, from parts in order."""
    stem, _ = KINDS[kind]
    text = "\n".join(minified(kind, part.read_text(encoding="utf-8")) for part in parts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{stem}.{digest}.min.{kind}", text


@functools.lru_cache(maxsize=64)
def minified(kind: str, text: str) -> str:
    """One part, minified (once per text in a process: `serve` bundles again on every save)."""
    return KINDS[kind][1](text)
