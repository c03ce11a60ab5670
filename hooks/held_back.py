"""Blocks a page shows but search does not read, held back until the page is written.

Material's search reads a page's body tag by tag, at a cost per tag. A
routine's cards are mostly controls and icons, and a listing page's list only
repeats the titles of posts that have entries of their own. So the body that
plugins see carries a stand-in (with the words search should read, if any),
and the block takes its place when the page is written.

Not a hook itself; the hook files import it from their folder. What it holds
belongs to one build's config, so a later build never sees it.
"""

from __future__ import annotations

import secrets

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

import site_settings
from routines.render import fill, marks, stand_in, take_out


class _Build:
    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.nonce = secrets.token_hex(8)  # no author writes this comment by chance
        self.blocks: dict[str, dict[str, str]] = {}  # src_uri -> block name -> HTML


_build: _Build | None = None


def _for(config: MkDocsConfig) -> _Build:
    global _build
    if _build is None or _build.config is not config:
        _build = _Build(config)
    return _build


def hold(config: MkDocsConfig, page: Page, name: str, block: str, searchable: str = "") -> str:
    """The stand-in for a block the written page shows; search reads only `searchable`."""
    build = _for(config)
    build.blocks.setdefault(page.file.src_uri, {})[name] = block
    return stand_in(name, build.nonce, searchable)


def around(config: MkDocsConfig, name: str, markdown: str) -> str:
    """Markdown whose rendering another plugin fills in later, marked to be held back by `hold_marked`."""
    begin, end = marks(name, _for(config).nonce)
    return f"{begin}\n\n{markdown}\n\n{end}"


def hold_marked(config: MkDocsConfig, page: Page, name: str) -> None:
    """Hold back what stands between the marks `around` put in the page's content."""
    build = _for(config)
    content, block = take_out(page.content or "", build.nonce, name)
    if block is not None:
        page.content = content
        build.blocks.setdefault(page.file.src_uri, {})[name] = block


def written(config: MkDocsConfig, page: Page, output: str) -> str:
    """The written page with every block held back from it in its place."""
    build = _for(config)
    blocks = build.blocks.pop(page.file.src_uri, None)
    if not blocks:
        return output
    try:
        return fill(output, build.nonce, blocks)
    except ValueError as error:
        shown = site_settings.shown_path(config, page.file.abs_src_path) if page.file.abs_src_path else page.file.src_uri
        raise PluginError(
            f"{shown}: {error}; its template must show the page content, and no plugin may strip HTML comments before this hook"
        ) from None
