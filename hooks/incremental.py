"""Under `make serve`, rebuild only what an edit can change (routines/serving/incremental.py).

Every build still reads every page and runs every plugin. What changes:
MkDocs turns a page's Markdown into HTML only when the page's text (or a
file it links to) changed, and `serve --dirty`, which `make serve` runs,
renders a page's template only when something its last render read reads
differently now, and removes the pages no longer built. A change to
mkdocs.yml, the overrides, the hooks or a file of docs/ that is not a page
starts again from an empty site. What the builds of `serve --dirty` made
is stored in `.cache/serve/`, so one started again on the same inputs
begins with it.

`mkdocs build` keeps only the memos: each page's HTML, each excerpt and
each post's blocks, stored in `.cache/build/` and used by the next build
of the same inputs, Python and packages while the files they looked up
give the same answers. Everything else is built as MkDocs builds it.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory, get_build_date

from routines.contract.files import MARKDOWN_SUFFIXES
from routines.engine.feeds import feeds_afresh
from routines.engine.page_render import render_kept
from routines.engine.preview import last_build, preview_saves
from routines.engine.reads import render_what_changed
from routines.engine.settings import kept_in
from routines.engine.state import build_of
from routines.engine.templates import keep_templates
from routines.engine.watcher import watch_natively
from routines.serving.incremental import (
    Inputs, Served, Storing, digest, memo, process_stamp, remove_stale, session, start_build_memo, start_session,
)

log = get_plugin_logger(__name__)


def on_startup(*, command: str, dirty: bool) -> None:
    """`on_startup`: `serve` keeps what its builds made; `serve --dirty` also keeps unchanged pages; `build` starts from what the last build of the same inputs made."""
    global _storing
    _storing = None
    if command == "build":
        start_build_memo()
    if command == "serve":
        start_session(keeps_pages=dirty)
        # MkDocs (or ProperDocs) warns that a dirty build may be inaccurate, and says of each page
        # left as it was that it is skipped; neither is news.
        for engine in ("mkdocs", "properdocs"):
            logging.getLogger(f"{engine}.commands.build").addFilter(_not_news)


def on_serve(server, *, config: MkDocsConfig, builder):
    """`on_serve`: hear of a saved file at once, rather than polling every half second; show a saved post before the whole build.

    Also, once the first page is served, what is alive then (the program, the
    theme's compiled templates) is left out of Python's garbage collections,
    which would otherwise go through it again and again in every build.
    """
    watch_natively(server)
    if (serving := session()) is not None:
        serving.collecting.freeze_next()
        if serving.keeps_pages:
            preview_saves(server, serving)
    return server


def on_shutdown() -> None:
    """`on_shutdown`: let the last search index finish before the site folder goes, and the memos be written."""
    if (serving := session()) is not None:
        serving.end()
    if _storing is not None:
        _storing.join()


# Before every other hook: nothing may use what a change of inputs made stale.
@event_priority(100)
def on_config(config: MkDocsConfig) -> None:
    """`on_config`: start afresh when anything every page depends on changed; a build takes what the last one made of the same."""
    serving = session()
    if serving is None:
        if (kept := memo()) is not None:
            kept.load(_stored(config, "build"), process_stamp(_inputs(config, Inputs())))
        return
    build_of(config).served = Served()
    serving.left_as_written = set()
    inputs = _inputs(config, serving.inputs)
    feeds_afresh(config, serving.keeps_pages)
    keep_templates(config, serving)
    if inputs != serving.inputs_digest:
        if serving.inputs_digest:
            log.info("mkdocs.yml, the overrides, the hooks or a file of docs/ changed: rebuilding every page")
        serving.start_afresh()
        serving.inputs_digest, serving.stamp = inputs, process_stamp(inputs)
        if serving.keeps_pages:  # `make serve`: what an earlier one made from the same inputs
            serving.memo.load(_stored(config, "serve"), serving.stamp)


# Before the search index of the last build is stopped by anything else.
@event_priority(100)
def on_pre_build(*, config: MkDocsConfig) -> None:
    """`on_pre_build`: stop the last build's search index; pause garbage collection; empty the site when starting afresh."""
    serving = session()
    if serving is None:
        return
    serving.stop_background()
    serving.collecting.pause()
    if serving.keeps_pages and serving.afresh:
        clean_directory(config.site_dir)  # what MkDocs does before every build it does not keep


# After every plugin has added its files: each page is read and rendered.
@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: every page is read again (MkDocs would skip the ones whose file is older than its page)."""
    serving = session()
    if serving is None:
        return files
    build_of(config).served.files = files
    if serving.keeps_pages:
        for file in files:  # every page, drafts too (`documentation_pages()` leaves out what serve still builds)
            if file.is_documentation_page():
                file.is_modified = _yes
    return files


# After the blog plugin (-50) and post_navigation (-60) have linked the pages.
@event_priority(-100)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """`on_nav`: remember the navigation, which every page shows."""
    if session() is not None:
        build_of(config).served.nav = nav
    return nav


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    """`on_pre_page`: the page's Markdown becomes HTML only if it, or a file it links to, changed."""
    if (kept := memo()) is not None:
        page.render = functools.partial(render_kept, kept, page, page.render)
    return page


# Last: every other plugin and hook has set up the environment (the tags plugin fills its listings into pages at 100).
@event_priority(-100)
def on_env(env, *, config: MkDocsConfig, files: Files):
    """`on_env`: a page is rendered only when something its last render read now reads differently."""
    serving = session()
    if serving is not None and serving.keeps_pages:
        build_of(config).served.env = env
        render_what_changed(env, config, serving, build_of(config).served)
    return env


# Last: whatever another listener made of a page left as it was written, it stays as it was written.
@event_priority(-100)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """`on_post_page`: a page not rendered again (an empty page, which MkDocs does not write) stays empty; after a preview, note a page written anew."""
    serving = session()
    if serving is None:
        return output
    if page.file.src_uri in serving.left_as_written:
        return ""
    if serving.previewed and not serving.rewritten and output.strip():
        serving.rewritten = not _stands(page.file.abs_dest_path, output)
    return output


# After every plugin has written its files; before the search index (-100).
@event_priority(-90)
def on_post_build(*, config: MkDocsConfig) -> None:
    """`on_post_build`: remove what is no longer built; remember what was written; collect garbage and store the memos in a moment."""
    global _storing
    serving = session()
    if serving is None:
        if (kept := memo()) is not None:
            kept.sweep()
            if kept.made:  # written while the search index is made; `on_shutdown` waits for it
                _storing = Storing(_stored(config, "build"), kept.stamp, kept.taken())
        return
    serving.collecting.resume()
    serving.memo.sweep()
    if serving.keeps_pages:
        serving.store_memos(_stored(config, "serve"), soon=serving.afresh and bool(serving.memo.made))
    if not serving.keeps_pages:
        return
    served = build_of(config).served
    outputs = {file.dest_uri for file in served.files if file.inclusion.is_in_serve()}
    removed = remove_stale(Path(config.site_dir), serving.outputs, outputs)
    if removed:
        log.debug("no longer built: " + ", ".join(removed))
        serving.rewritten = True
    serving.outputs = outputs
    serving.reads = {dest: reads for dest, reads in serving.reads.items() if dest in outputs}
    serving.afresh = False
    serving.last = last_build(build_of(config), lambda: _inputs(config, serving.inputs) == serving.inputs_digest)


def on_build_error(*, error: Exception) -> None:
    """`on_build_error`: a build that stopped half way leaves pages of two builds: start afresh."""
    if (serving := session()) is not None:
        serving.start_afresh()
        serving.collecting.resume()


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _yes() -> bool:
    return True


def _stands(path: str, output: str) -> bool:
    """Whether the file at `path` holds the page `output` as MkDocs writes it."""
    try:
        with open(path, "rb") as written:
            return written.read() == output.encode("utf-8", errors="xmlcharrefreplace")
    except OSError:
        return False


def _stored(config: MkDocsConfig, command: str) -> Path:
    """Where `serve` or `build` writes its memos for the next one to start from."""
    return kept_in(config, command) / "memos.pickle"


def _inputs(config: MkDocsConfig, inputs: Inputs) -> str:
    """The digest of what every page depends on: mkdocs.yml, the overrides, the hooks, docs/ but its pages, the day, the address."""
    root = Path(config.config_file_path).parent
    hooks = {Path(module.__file__).parent for module in config.hooks.values() if getattr(module, "__file__", None)}
    docs = Path(config.docs_dir)
    digested = inputs.digest(
        [Path(config.config_file_path), *(Path(d) for d in [config.theme.custom_dir] if d), *sorted(hooks), docs],
        skip=lambda path: path.is_relative_to(docs) and path.suffix.lower() in MARKDOWN_SUFFIXES,
    )
    return digest(digested, get_build_date(), config.site_url, str(root))


_storing: Storing | None = None  # the memos a build is writing


def _not_news(record: logging.LogRecord) -> bool:
    said = record.getMessage()
    if said.startswith("A 'dirty' build is being performed"):
        return False
    serving = session()
    left = serving.left_as_written if serving is not None else set()
    return not (said.startswith("Page skipped: '") and said.split("'")[1] in left)
