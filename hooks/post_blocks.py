"""Render each post's routine and video where its markers say.

One hook for both because they depend on each other: a step card links to
its moment in the video, and the video's default place is just before the
routine.
"""

from __future__ import annotations

from urllib.parse import urljoin

import markdown
from markdown.extensions.toc import TocExtension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor

import read_once
import site_settings
from routines.incremental import session
from routines.markdown_blocks import HeadingsBelow
from routines.model import Post
from routines.render import STEP_TITLE_LEVEL, Paper, assemble, render_routine, render_video, routine_view, video_view


class _Build:
    """Per-build helpers, made once per build and only when a post needs them."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self._env = None
        self._markdown: markdown.Markdown | None = None

    @property
    def env(self):
        """The theme's Jinja environment, where the partials live (made once per build).

        MkDocs calls `on_env` only after every page's content, so the cards
        cannot use the build's own environment.
        """
        if self._env is None:
            self._env = self.config.theme.get_env()
        return self._env

    def markdown(self, text: str, page: Page, files: Files) -> str:
        """Render a step's `text` with the page body's extensions, as part of its card.

        Its headings go below the card's h3 title and get no `id` or
        permalink from `toc`: the card is not a section of the page, and the
        page's own headings keep their ids to themselves. Its links to other
        pages (`knee.md`) become their addresses, as in the page body.
        """
        if self._markdown is None:
            self._markdown = markdown.Markdown(
                extensions=[*(e for e in self.config.markdown_extensions if not _is_toc(e)), HeadingsBelow(STEP_TITLE_LEVEL)],
                extension_configs=self.config.mdx_configs,
            )
        # MkDocs' own resolver of a page body's links, as Material's excerpts use it.
        self._markdown.treeprocessors.register(_RelativePathTreeprocessor(page.file, files, self.config), "relpath", 0)
        return self._markdown.reset().convert(text)


def _is_toc(extension) -> bool:
    return extension in ("toc", "markdown.extensions.toc") or isinstance(extension, TocExtension)


# Hook modules outlive builds under `mkdocs serve`; on_config replaces this.
_build: _Build | None = None


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: start every build with fresh helpers."""
    global _build
    _build = _Build(config)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`on_page_content`: put the post's video and routine into its body."""
    post = read_once.model(config, page.file.src_uri)
    if post is None or not (post.routine or post.video):
        return html
    serving = session()
    if serving is None:
        return assemble(html, *_blocks(post, page, config, files))
    # Under `serve`, made again only when the post, its address or a file it names changed.
    key = ("blocks", post, page.file.src_uri, page.file.url, page.canonical_url, page.abs_url)
    return assemble(html, *serving.memo.make(key, files, lambda lookups: _blocks(post, page, config, lookups)))


def _blocks(post: Post, page: Page, config: MkDocsConfig, files: Files) -> tuple[str, str]:
    """The post's routine block and video block, as HTML ("" for what it does not have)."""

    def url(docs_path: str) -> str:
        return files.get_file_from_path(docs_path).url_relative_to(page.file)

    def absolute(docs_path: str) -> str:
        return urljoin(config.site_url or "/", files.get_file_from_path(docs_path).url)

    video = video_view(post, page.canonical_url or page.abs_url or "", url, absolute) if post.video else None
    env, safety = _build.env, config.extra.get("safety", "")
    # Rendered to strings at once: strings cost the garbage collector nothing,
    # where every post's view objects would be scanned again and again.
    routine_block = video_block = ""
    if post.routine:
        paper = Paper(post.title, config.site_name, page.canonical_url, site_settings.kept_in(config, "qr")) if page.canonical_url else None
        view = routine_view(post.routine, lambda text: _build.markdown(text, page, files), video, paper)
        routine_block = render_routine(env, view, safety)
    if video:
        video_block = render_video(env, video)
    return routine_block, video_block
