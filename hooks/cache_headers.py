"""How a static host caches each file: the built site carries `_headers` (`routines.publishing.headers`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from routines.publishing.headers import HEADERS_FILE, headers_file
from routines.serving.incremental import session


# After every other file is written, the search index's included (search_index, -100).
@event_priority(-110)
def on_post_build(*, config: MkDocsConfig) -> None:
    """`on_post_build`: write `_headers` for every file of the built site (not under `serve`, which no host serves)."""
    if session() is not None:
        return
    site = Path(config.site_dir)
    paths = (path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    (site / HEADERS_FILE).write_text(headers_file(paths), encoding="utf-8")
