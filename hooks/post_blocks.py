"""Render each post's routine and video where its markers say.

One hook for both because they depend on each other: a step card links to
its moment in the video, and the video's default place is just before the
routine.
"""

from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from routines.engine import settings
from routines.engine.state import build_of, current
from routines.engine.step_markdown import StepMarkdown
from routines.model.post import Post
from routines.rendering.blocks import (
    Paper, assemble, paper_codes, render_routine, render_start, render_video, routine_view, video_view, yield_ids,
)
from routines.rendering.paper import CodesAhead
from routines.serving.incremental import memo, session


def on_nav(nav, *, config: MkDocsConfig, files: Files) -> None:
    """`on_nav`: start drawing the QR codes of every published post not kept yet, while the pages render.

    Under `serve` only for a build of every page: a later one remembers each post's blocks.
    """
    build = build_of(config)
    build.qr_codes = CodesAhead(settings.kept_in(config, "qr"))
    serving = session()
    if serving is not None and not serving.afresh:
        return
    codes = []
    # In the order MkDocs renders pages, so each is drawn before its page asks for it.
    for post in sorted(settings.published_posts(config), key=_rendered_order(files)):
        model = build.model(post.file.src_uri)
        if model is not None and model.routine and post.canonical_url:
            codes += paper_codes(model.routine, _video(model, post, config, files), _paper(model, post, config))
    build.qr_codes.start(codes)


def on_post_build(*, config: MkDocsConfig) -> None:
    """`on_post_build`: no drawing outlives the build."""
    build_of(config).qr_codes.stop()


def on_build_error(*, error: Exception) -> None:
    """`on_build_error`: stop drawing the codes of a build that failed."""
    build = current()
    if build is not None and build.qr_codes is not None:
        build.qr_codes.stop()


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`on_page_content`: put the post's video and routine into its body."""
    post = build_of(config).model(page.file.src_uri)
    if post is None or not (post.routine or post.video):
        return html
    kept = memo()
    if kept is None:
        blocks = _blocks(post, page, config, files)
    else:
        # Made again only when the post, its address or a file it names changed (under `serve`, and from build to build).
        key = ("blocks", post, page.file.src_uri, page.file.url, page.canonical_url, page.abs_url)
        blocks = kept.make(key, files, lambda lookups: _blocks(post, page, config, lookups))
    html, renamed = yield_ids(html, "".join(blocks))
    _rename_in_toc(page.toc, renamed)
    return assemble(html, *blocks)


def _rename_in_toc(toc, renamed: dict[str, str]) -> None:
    """The page's table of contents follows the headings whose ids gave way to the cards'."""
    for link in toc or ():
        link.id = renamed.get(link.id, link.id)
        _rename_in_toc(link.children, renamed)


def _blocks(post: Post, page: Page, config: MkDocsConfig, files: Files) -> tuple[str, str, str]:
    """The post's routine block, video block and "Start routine", as HTML ("" for what it does not have)."""

    video = _video(post, page, config, files)
    build = build_of(config)
    env, safety = build.env, config.extra.get("safety", "")
    # Rendered to strings at once: strings cost the garbage collector nothing,
    # where every post's view objects would be scanned again and again.
    routine_block = video_block = start_block = ""
    if post.routine:
        paper = _paper(post, page, config) if page.canonical_url else None
        steps = StepMarkdown.of(build)
        view = routine_view(post.routine, lambda text: steps.convert(text, page, files), video, paper)
        routine_block = render_routine(env, view, safety)
        start_block = render_start(env, view)
    if video:
        video_block = render_video(env, video)
    return routine_block, video_block, start_block


def _video(post: Post, page: Page, config: MkDocsConfig, files: Files):
    """The post's video as its page shows it, or None."""

    def url(docs_path: str) -> str:
        return files.get_file_from_path(docs_path).url_relative_to(page.file)

    def absolute(docs_path: str) -> str:
        return urljoin(config.site_url or "/", files.get_file_from_path(docs_path).url)

    return video_view(post, page.canonical_url or page.abs_url or "", url, absolute) if post.video else None


def _paper(post: Post, page: Page, config: MkDocsConfig) -> Paper:
    return Paper(post.title, config.site_name, page.canonical_url, settings.kept_in(config, "qr"))


def _rendered_order(files: Files):
    """A page's place in the order MkDocs renders pages: that of its files."""
    place = {file.src_uri: n for n, file in enumerate(files)}
    return lambda page: place.get(page.file.src_uri, len(place))
