"""Render each post's routine and video where its markers say.

One hook for both because they depend on each other: a step card links to
its moment in the video, and the video's default place is just before the
routine.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import site_settings
from routines.contract import post_from_meta
from routines.render import assemble, render_routine, render_video, routine_view, video_view


class _Build:
    """Per-build helpers, made once per build and only when a post needs them."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.site = site_settings.site(config)
        self.posts = site_settings.post_dirs(config)
        self._env = None
        self._markdown: markdown.Markdown | None = None

    @property
    def env(self):
        """The theme's Jinja environment, where the partials live."""
        if self._env is None:
            self._env = self.config.theme.get_env()
        return self._env

    def markdown(self, text: str) -> str:
        """Render a step's `text` with the same extensions as the page body."""
        if self._markdown is None:
            self._markdown = markdown.Markdown(
                extensions=self.config.markdown_extensions,
                extension_configs=self.config.mdx_configs,
            )
        return self._markdown.reset().convert(text)


# Hook modules outlive builds under `mkdocs serve`; on_config replaces this.
_build: _Build | None = None


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: start every build with fresh helpers."""
    global _build
    _build = _Build(config)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`on_page_content`: put the post's video and routine into its body."""
    if not ("routine" in page.meta or "video" in page.meta) or not site_settings.is_post(page.file.src_uri, _build.posts):
        return html
    shown = site_settings.shown_path(config, page.file.abs_src_path)
    try:
        post = post_from_meta(page.meta, shown, posixpath.dirname(page.file.src_uri), _build.site)
    except ValueError as error:
        raise PluginError(str(error)) from None

    def url(docs_path: str) -> str:
        return files.get_file_from_path(docs_path).url_relative_to(page.file)

    def absolute(docs_path: str) -> str:
        return urljoin(config.site_url or "/", files.get_file_from_path(docs_path).url)

    video = video_view(post, page.canonical_url or page.abs_url or "", url, absolute) if post.video else None
    safety = config.extra.get("safety", "")
    routine = render_routine(_build.env, routine_view(post.routine, _build.markdown, video), safety) if post.routine else ""
    return assemble(html, routine, render_video(_build.env, video) if video else "")
