"""Write the search index once the site is written (hooks/routines/discovery/search.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from routines.serving.incremental import session
from routines.discovery.search import Indexing

log = get_plugin_logger(__name__)


# Last: after every plugin has written its files, and after stale pages are
# removed (incremental, -90), index the pages as readers get them.
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    """`on_post_build`: index the written site; under `serve`, while the new pages are already served."""
    try:
        indexing = Indexing(Path(config.site_dir), config.theme.get("language", "en"))
    except OSError as error:
        raise PluginError(_failed(error)) from None
    serving = session()
    if serving is not None:
        serving.after_build(indexing, lambda error: log.error(_failed(error)))
        return
    try:
        pages = indexing.wait()
    except Exception as error:  # the indexer is a separate program: any failure of it is one line
        raise PluginError(_failed(error)) from None
    if pages == 0:
        raise PluginError("search index: no page is marked for search (data-pagefind-body); check overrides/main.html")


def _failed(error: Exception) -> str:
    return f"search index: Pagefind failed ({error}); reinstall it with `make clean test`"
