"""Write the search index once the site is written (hooks/routines/search.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from routines.search import write_index


def on_post_build(*, config: MkDocsConfig) -> None:
    """`on_post_build`: after every plugin has written its files, index the pages as readers get them."""
    try:
        pages = write_index(Path(config.site_dir), config.theme.get("language", "en"))
    except Exception as error:  # the indexer is a separate program: any failure of it is one line
        raise PluginError(f"search index: Pagefind failed ({error}); reinstall it with `make clean test`") from None
    if pages == 0:
        raise PluginError("search index: no page is marked for search (data-pagefind-body); check overrides/main.html")
