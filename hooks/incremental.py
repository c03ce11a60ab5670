"""Under `make serve`, rebuild only what an edit can change (hooks/routines/incremental.py).

Every build still reads every page and runs every plugin. What changes:
MkDocs turns a page's Markdown into HTML only when the page's text (or a
file it links to) changed, and `serve --dirty`, which `make serve` runs,
writes only the pages whose signature changed and removes the ones no
longer built. A change to mkdocs.yml, the overrides, the hooks or a file of
docs/ that is not a page starts again from an empty site.

`mkdocs build` is untouched: none of this runs outside `serve`.
"""

from __future__ import annotations

import functools
import gc
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import clean_directory, get_build_date

import material.plugins.blog.structure as blog
import site_settings
from routines.checks import MARKDOWN_SUFFIXES
from routines.excerpt import excerpt_key
from routines.incremental import digest, link, page_record, plain, post_facts, remove_stale, session, start_session, toc_data

log = get_plugin_logger(__name__)


def on_startup(*, command: str, dirty: bool) -> None:
    """`on_startup`: `serve` keeps what its builds made; `serve --dirty` also keeps unchanged pages."""
    if command == "serve":
        start_session(keeps_pages=dirty)
        # MkDocs (or ProperDocs) warns that a dirty build may be inaccurate; these are not.
        for engine in ("mkdocs", "properdocs"):
            logging.getLogger(f"{engine}.commands.build").addFilter(_not_the_dirty_warning)


def on_serve(server, *, config: MkDocsConfig, builder):
    """`on_serve`: hear of a saved file at once, rather than polling every half second.

    Also, after the first build, what is alive now (the program, the theme's
    compiled templates) is left out of Python's garbage collections, which
    would otherwise go through it again and again in every build.
    """
    _watch_natively(server)
    gc.collect()
    gc.freeze()
    return server


def on_shutdown() -> None:
    """`on_shutdown`: let the last search index finish before the site folder goes."""
    if (serving := session()) is not None:
        serving.end()


# Before every other hook: nothing may use what a change of inputs made stale.
@event_priority(100)
def on_config(config: MkDocsConfig) -> None:
    """`on_config`: start afresh when anything every page depends on changed."""
    global _build
    _build = _Build()
    serving = session()
    if serving is None:
        return
    root = Path(config.config_file_path).parent
    hooks = {Path(module.__file__).parent for module in config.hooks.values() if getattr(module, "__file__", None)}
    docs = Path(config.docs_dir)
    inputs = serving.inputs.digest(
        [Path(config.config_file_path), *(Path(d) for d in [config.theme.custom_dir] if d), *sorted(hooks), docs],
        skip=lambda path: path.is_relative_to(docs) and path.suffix.lower() in MARKDOWN_SUFFIXES,
    )
    inputs = digest(inputs, get_build_date(), config.site_url, str(root))
    _feeds_afresh(config)
    _templates_kept(config)
    if inputs != serving.inputs_digest:
        if serving.inputs_digest:
            log.info("mkdocs.yml, the overrides, the hooks or a file of docs/ changed: rebuilding every page")
        serving.start_afresh()
        serving.inputs_digest = inputs


# Before the search index of the last build is stopped by anything else.
@event_priority(100)
def on_pre_build(*, config: MkDocsConfig) -> None:
    """`on_pre_build`: stop the last build's search index; empty the site when starting afresh."""
    serving = session()
    if serving is None:
        return
    serving.stop_background()
    if serving.keeps_pages and serving.afresh:
        clean_directory(config.site_dir)  # what MkDocs does before every build it does not keep


# After every plugin has added its files: each page is read and rendered.
@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: every page is read again (MkDocs would skip the ones whose file is older than its page)."""
    serving = session()
    _build.files = files
    if serving is not None and serving.keeps_pages:
        for file in files:
            if file.is_documentation_page():
                file.is_modified = _yes
    return files


# After the blog plugin (-50) and discovery (-60) have linked the pages.
@event_priority(-100)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """`on_nav`: remember the navigation, which every page shows."""
    if session() is not None:
        _build.nav = nav
    return nav


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    """`on_pre_page`: the page's Markdown becomes HTML only if it, or a file it links to, changed."""
    if session() is not None:
        page.render = functools.partial(_render, page, page.render)
    return page


# Last: the tags plugin fills its listings into pages at priority 100, and
# every hook has set what its pages show.
@event_priority(-100)
def on_env(env, *, config: MkDocsConfig, files: Files):
    """`on_env`: a page whose signature is the one it was written with is not written again."""
    serving = session()
    if serving is None or not serving.keeps_pages:
        return env
    site = Path(config.site_dir)
    _build.shape = digest(_nav_shape(_build.nav.items))
    _build.lists = _lists(config, files)
    tags = _tag_links(config)
    for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        record = {**page_record(file.page), "tags": tags(file.page)}
        signature = _signature(file.page, record)
        if signature is None:  # a list page whose excerpts are rendered with it: signed once they are
            _build.unsigned.append((file.dest_uri, file.page, record))
            continue
        if serving.signatures.get(file.dest_uri) == signature and (site / file.dest_uri).is_file():
            file.is_modified = _no
        _build.signatures[file.dest_uri] = signature
    return env


# After every plugin has written its files; before the search index (-100).
@event_priority(-90)
def on_post_build(*, config: MkDocsConfig) -> None:
    """`on_post_build`: remove what is no longer built; remember what was written."""
    serving = session()
    if serving is None:
        return
    serving.memo.sweep()
    if not serving.keeps_pages:
        return
    outputs = {file.dest_uri for file in _build.files if file.inclusion.is_in_serve()}
    removed = remove_stale(Path(config.site_dir), serving.outputs, outputs)
    if removed:
        log.debug("no longer built: " + ", ".join(removed))
    serving.outputs = outputs
    for dest, page, record in _build.unsigned:
        _build.signatures[dest] = _signature(page, record)
    serving.signatures = {dest: sig for dest, sig in _build.signatures.items() if sig is not None}
    serving.afresh = False


def on_build_error(*, error: Exception) -> None:
    """`on_build_error`: a build that stopped half way leaves pages of two builds: start afresh."""
    if (serving := session()) is not None:
        serving.start_afresh()


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


class _Build:
    """What this hook learns of one build before it needs it."""

    def __init__(self) -> None:
        self.nav: Navigation | None = None
        self.files: Files | None = None
        self.shape = ""  # the digest of the navigation every page shows
        self.lists = lambda page: None  # what a list page shows (`_lists`)
        self.signatures: dict[str, str | None] = {}  # page in the site -> its signature
        self.unsigned: list[tuple] = []  # (page in the site, page, record) of list pages whose excerpts were not known


# Replaced at every build's on_config; holds nothing across builds.
_build = _Build()


def _signature(page: Page, record: dict) -> str | None:
    """The digest of everything a page's template reads; None while a list page's excerpts are not known."""
    listed = _build.lists(page)
    return None if listed is _UNKNOWN else digest(_build.shape, record, listed)


def _yes() -> bool:
    return True


def _no() -> bool:
    return False


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _render(page: Page, render, config: MkDocsConfig, files: Files) -> None:
    """MkDocs' `Page.render`, kept by the page's Markdown, its address and the files it looked up."""

    def made(lookups) -> tuple:
        render(config, lookups)
        links = None if page.links_to_anchors is None else {f.src_uri: dict(v) for f, v in page.links_to_anchors.items()}
        return page.content, toc_copy(page.toc), page._title_from_render, frozenset(page.present_anchor_ids), links

    key = ("page", page.file.src_uri, page.file.url, page.file.inclusion.name, page.markdown)
    content, toc, title, anchors, links = session().memo.make(key, files, made)
    page.content, page.toc, page._title_from_render = content, toc_copy(toc), title
    page.present_anchor_ids = set(anchors)
    page.links_to_anchors = None if links is None else {files.get_file_from_path(src): dict(v) for src, v in links.items()}


def toc_copy(toc: TableOfContents) -> TableOfContents:
    """A table of contents of its own (the blog adds its excerpts' entries to a list page's)."""

    def entry(item: AnchorLink) -> AnchorLink:
        copied = AnchorLink(item.title, item.id, item.level)
        copied.children = [entry(child) for child in item.children]
        return copied

    return TableOfContents([entry(item) for item in toc])


def _templates_kept(config: MkDocsConfig) -> None:
    """Every Jinja environment of the build keeps compiled templates, and the list of the theme's files, between builds.

    Each build makes new environments (MkDocs one, hooks their own), which
    would compile every template again and list the theme's 14,000 files
    (Material's icons) to tell templates from files to copy. Compiled code is
    used while the template's text is the same; the list, while the inputs
    (the overrides among them) are.
    """
    serving, theme = session(), config.theme
    make = theme.get_env

    def get_env():
        env = make()
        env.bytecode_cache = serving.templates
        listing = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            # MkDocs' filter is a new function every build, of the same code and static templates.
            key = (extensions and tuple(extensions), getattr(filter_func, "__code__", filter_func), tuple(theme.static_templates))
            if key not in serving.theme_files:
                serving.theme_files[key] = listing(extensions=extensions, filter_func=filter_func)
            return list(serving.theme_files[key])

        env.list_templates = list_templates
        return env

    theme.get_env = get_env


def _nav_shape(items) -> list:
    """The navigation every page shows: titles, addresses and what the theme reads of each page's front matter."""
    shape = []
    for item in items:
        meta = getattr(item, "meta", None) or {}
        shown = {key: meta.get(key) for key in ("icon", "status", "subtitle", "title") if key in meta}
        shape.append([type(item).__name__, link(item), plain(shown), _nav_shape(getattr(item, "children", None) or [])])
    return shape


def _tag_links(config: MkDocsConfig):
    """Each page's tags with the listings they link to, as the tags plugin gives them to the template."""
    plugin = next((p for name, p in config.plugins.items() if name.split(" ")[0] in ("material/tags", "tags")), None)

    def tags(page: Page) -> list:
        mapping = plugin.mappings.get(page) if plugin is not None else None
        if not mapping:
            return []
        return [
            (ref.name, [(item.title, item.url) for item in ref.links])
            for ref in plugin.listings & mapping
        ]

    return tags


# What a list page shows is not known yet: one of its excerpts has not been rendered.
_UNKNOWN = object()


def _lists(config: MkDocsConfig, files: Files):
    """For a blog list page, its place among its pages and what it shows of each post; None for other pages.

    Material's blog decides which posts a list page shows as it renders it
    (`_render`); this asks it the same way. Each excerpt is the one kept
    from its last render, or `_UNKNOWN` if there is none.
    """
    blogs = site_settings.blog_plugins(config)
    memo = session().memo

    def lists(page: Page):
        if not isinstance(page, blog.View):
            return None
        plugin = next((p for p in blogs if p._resolve_original(page) in p._resolve_views(p.blog)), None)
        if plugin is None:
            return None
        posts, place = page.posts, None
        if plugin._config_pagination(page):
            at, step = page.pages.index(page), plugin._config_pagination_per_page(page)
            posts, place = posts[at * step:at * step + step], (at, [p.url for p in page.pages])
        shown = []
        for post in posts:
            if not post.excerpt:
                continue
            kept = memo.get(excerpt_key(post, page, plugin.config.post_excerpt_separator), files)
            if kept is None:
                return _UNKNOWN
            _, content, more, toc = kept
            facts = {**post_facts(post), "listed": ([link(c) for c in post.excerpt.categories], [dict(a) for a in post.excerpt.authors])}
            shown.append((facts, content, more, toc_data(toc)))
        return [place, shown]

    return lists


def _feeds_afresh(config: MkDocsConfig) -> None:
    """mkdocs-rss-plugin (1.19.0) gathers a build's feed items from `on_startup` on, which `serve` runs once:
    each rebuild added every item again. Each build starts its feeds empty, as `on_startup` left them.
    """
    for name, plugin in config.plugins.items():
        if name.split(" ")[0] == "rss" and hasattr(plugin, "pages_to_filter"):
            plugin.on_startup(command="serve", dirty=session().keeps_pages)


def _watch_natively(server) -> None:
    """Let the operating system say when a file changes (inotify on Linux), where MkDocs polls twice a second.

    A save then starts a build at once instead of up to half a second later.
    Only changes count: a build reads every post, and reading is an event
    too. Guarded: where the server is not as in MkDocs 1.6, or the platform
    has nothing but polling, the server keeps its own observer.
    """
    watched = getattr(server, "_watched_paths", None)
    if not isinstance(watched, dict) or not hasattr(server, "observer"):
        return
    from watchdog import events
    from watchdog.observers import Observer

    if Observer is type(server.observer):
        return
    changes = [
        events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
        events.FileClosedEvent, events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent,
    ]

    class Changes(Observer):
        def schedule(self, handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            # Through a symbolic link too, as polling does.
            return super().schedule(handler, path, recursive=recursive, event_filter=event_filter or changes, follow_symlink=True)

    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = Changes()
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
