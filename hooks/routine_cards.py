"""Render each post's routine as step cards where `<!-- routine -->` stands."""

from __future__ import annotations

import posixpath

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import site_settings
from routines.contract import post_from_meta
from routines.render import place_block, render_routine, routine_view


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
    """`on_page_content`: put the rendered routine into the post's body."""
    if "routine" not in page.meta or not site_settings.is_post(page.file.src_uri, _build.posts):
        return html
    shown = site_settings.shown_path(config, page.file.abs_src_path)
    try:
        post = post_from_meta(page.meta, shown, posixpath.dirname(page.file.src_uri), _build.site)
    except ValueError as error:
        raise PluginError(str(error)) from None
    block = render_routine(_build.env, routine_view(post.routine, _build.markdown))
    return place_block(html, "routine", block)
