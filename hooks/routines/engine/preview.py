"""Patch: under `make serve`, the post just saved is written and shown before the rest of the site is built again.

What: the livereload server's `builder` (wrapped) and the two versions of
the site it tells browsers of (`_wanted_epoch`, the one being built, and
`_visible_epoch`, the one shown, under `_epoch_cond`); MkDocs'
`_populate_page` and `_build_page`, run for one page; and Material's blog
`_resolve_post`, which reads a post and gives it its address, and
`_generate_links`, which resolves its related links.

Why: every save builds the whole site again, which at 1,000 posts takes
seconds, and the page saved is the one the author is looking at. Before
that build, the saved post is read again and rendered into the last build's
site (its navigation, every other page, every plugin's state), written, and
the browsers told to reload. Then the whole build runs as before; what the
post's page read of the site is checked again there (`engine/reads.py`), and
it is written again if anything reads differently. When that build writes
any page other than as it stands, the browsers reload once more. So the
first page shown can only be wrong (a list of the series naming the post by
its old title, say) for as long as the whole build takes; the site it
leaves is the whole build's.

When not: a save of more than one post, a draft, or mkdocs.yml, the
overrides, the hooks or a file of docs/ that is not a page (a build from
nothing follows); a post that now has a problem, or moves to another
address, date, category or author; while the site shows problems; after a
build that failed. Then only the whole build runs, as before.

Guard (`engine/guard.py`): the server, MkDocs' page functions and the blog
plugin are checked for what this relies on, and a freshly read post for the
attributes that place it in the site; where any is missing or changed, a
save shows once the whole site is built, and one line says so.
"""

from __future__ import annotations

import copy
import os
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from mkdocs.commands import build as mkdocs_build
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from ..contract.checks import Unreadable, check_page, read_page
from ..discovery.catalog import build_catalog
from ..serving.incremental import Session
from . import settings
from .guard import Patch, has
from .state import Build

PREVIEW = Patch(
    "the saved post shown before the whole build", "mkdocs", "1.6.1",
    "a save shows once the whole site is built again (slower)",
)

log = get_plugin_logger("routines.preview")

# What places a post in the site, kept from the last build when it is read again: its navigation and category pages.
_PLACE = ("file", "parent", "children", "previous_page", "next_page", "categories")
# What the blog reads of a post's front matter besides its text; the preview keeps to posts where none of it changed but the read time.
_UNCHANGED = ("date", "draft", "categories", "authors", "slug", "pin")


@dataclass
class LastBuild:
    """What a complete `serve` build leaves for the next save's preview.

    Attributes:
        build: the build's state (its config, models, catalog, and what `serve` learnt of its pages: files, navigation, environment).
        posts: each post page's source file -> (its page, the file's modification time when the build ended).
        same_inputs: whether what every page depends on (mkdocs.yml, the overrides, ...) is still as the build read it.
    """

    build: Build
    posts: dict[str, tuple[Any, int]]
    same_inputs: Callable[[], bool]


def last_build(build: Build, same_inputs: Callable[[], bool]) -> LastBuild:
    """What the build of `build` leaves for a preview: its state, and each post's file as it stood."""
    posts = {}
    for post in settings.published_posts(build.config):
        path = post.file.abs_src_path
        try:
            posts[path] = (post, os.stat(path).st_mtime_ns)
        except OSError:
            continue
    return LastBuild(build, posts, same_inputs)


def preview_saves(server, serving: Session) -> None:
    """Wrap the server's builder: the post just saved is rendered and shown first, then the whole site is built."""
    if not PREVIEW.holds(*_relied_on(server)):
        return
    build_site: Callable[[], None] = server.builder
    held = _Held(server.mount_path)
    server.set_app(held.over(server.get_app()))

    def builder() -> None:
        shown = _preview_saved(serving)
        if shown is not None:
            held.hold(shown)
            _show(server, server._wanted_epoch)
        serving.previewed, serving.rewritten = shown is not None, False
        try:
            build_site()
        finally:
            serving.previewed = False
            held.release()
        if shown is not None and serving.rewritten:
            with server._epoch_cond:
                server._wanted_epoch = _later_than(server._visible_epoch)  # the loop shows it once this returns

    server.builder = builder


def _preview_saved(serving: Session) -> str | None:
    """The preview of a post saved since the last build, if that build finished and shows no problem (which the whole build may clear)."""
    last, serving.last = serving.last, None  # the next build's state replaces this one's
    return preview(last, serving) if last is not None and not serving.problems else None


def preview(last: LastBuild, serving: Session) -> str | None:
    """Write the page of the one post saved since `last`, rendered into that build's site; its address in the site, if it was written."""
    saved = [(path, post) for path, (post, when) in last.posts.items() if _modified(path, when)]
    if len(saved) != 1 or not last.same_inputs():
        return None
    path, post = saved[0]
    started = time.perf_counter()
    try:
        if not _read_again(last.build, post, path):
            return None
        config, served = last.build.config, last.build.served
        serving.left_as_written.discard(post.file.src_uri)
        inclusion = InclusionLevel.is_in_serve
        mkdocs_build._populate_page(post, config, served.files)
        doc_files = served.files.documentation_pages(inclusion=inclusion)
        mkdocs_build._build_page(post, config, doc_files, served.nav, served.env, excluded=post.file.inclusion.is_excluded())
    except Exception as error:  # noqa: BLE001 - the whole build that follows says what is wrong
        log.debug("no preview of %s: %s", path, error)
        return None
    log.info("Showing '%s' as saved (%.2f s); building the site", post.file.src_uri, time.perf_counter() - started)
    return post.file.url


def _read_again(build: Build, post: Any, path: str) -> bool:
    """Take the post's new text into the last build's state, where it keeps the post where it was; whether it does."""
    config = build.config
    src = post.file.src_uri
    site = settings.site(config)
    try:
        text = read_page(path)
    except Unreadable:
        return False
    front, model, problems = check_page(src, text, settings.shown_path(config, path), site.post_dirs, site)
    if problems or model is None:
        return False
    blog = _blog_of(config, post)
    if blog is None:
        return False
    build.keep_posts({src: (front, model)})  # the blog takes the front matter checked here
    fresh = blog._resolve_post(copy.copy(post.file), config)
    if fresh.file.url != post.file.url or any(fresh.config.get(key) != post.config.get(key) for key in _UNCHANGED):
        return False
    place = {name: getattr(post, name) for name in _PLACE}
    post.__dict__.clear()
    post.__dict__.update(vars(fresh), **place)
    blog._generate_links(post, config, build.served.files)  # its related links, as the blog's `on_env` resolves them
    build.models[src] = model
    by_date = build.catalog.by_date
    build.catalog = build_catalog([build.entry(post) if e.key == src else e for e in by_date])
    return True


def _blog_of(config, post) -> Any | None:
    """The blog plugin whose post this is."""
    for plugin in settings.blog_plugins(config):
        if any(each is post for each in plugin.blog.posts):
            return plugin
    return None


def _modified(path: str, when: int) -> bool:
    try:
        return os.stat(path).st_mtime_ns != when
    except OSError:
        return True  # gone: not one post saved


class _Held:
    """While the whole build after a preview runs, every page but the one shown waits for it, as MkDocs makes every page wait for a build.

    What the shown page loads (styles, scripts, images) and the browsers'
    questions of whether to reload are answered at once.
    """

    def __init__(self, mount_path: str) -> None:
        self._mount = mount_path.rstrip("/") + "/"
        self._open = threading.Event()
        self._open.set()
        self._shown = ""

    def hold(self, url: str) -> None:
        """Hold every page but the one at `url` (relative to the site) until `release`."""
        self._shown = self._mount + url
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def over(self, app):
        def held(environ, start_response):
            if not self._open.is_set():
                path = environ.get("PATH_INFO", "")
                page = path.removesuffix("index.html")
                if (page.endswith("/") or path.endswith(".html")) and page != self._shown:
                    self._open.wait()
            return app(environ, start_response)

        return held


def _show(server, epoch: int) -> None:
    """Tell the browsers of the site as it is now (they reload), and serve its pages without waiting for the build."""
    with server._epoch_cond:
        server._visible_epoch = epoch
        server._epoch_cond.notify_all()


def _later_than(epoch: int) -> int:
    """A version of the site newer than `epoch`, as the server counts them (milliseconds of the monotonic clock)."""
    return max(round(time.monotonic() * 1000), epoch + 1)


def _relied_on(server) -> list[str | None]:
    """What this patch relies on, each None when it is as known."""
    from material.plugins.blog.plugin import BlogPlugin
    from material.plugins.blog.structure import Post

    fresh = set(Post.__init__.__code__.co_names)
    return [
        has(server, "builder"), has(server, "get_app"), has(server, "set_app"), has(server, "mount_path", kind=str),
        has(server, "_epoch_cond"), has(server, "_visible_epoch", kind=int),
        has(server, "_wanted_epoch", kind=int),
        has(mkdocs_build, "_populate_page", parameters=("page", "config", "files")),
        has(mkdocs_build, "_build_page", parameters=("page", "config", "doc_files", "nav", "env", "dirty", "excluded")),
        has(BlogPlugin, "_resolve_post", parameters=("self", "file", "config")),
        has(BlogPlugin, "_generate_links", parameters=("self", "post", "config", "files")),
        None if "categories" in fresh and "authors" in fresh else "material.plugins.blog.structure.Post no longer sets its categories and authors",
    ]
