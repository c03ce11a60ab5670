"""Patch: under `serve`, a page's Markdown becomes HTML only when it, its address or a file it links to changed.

What: a page's `render` (MkDocs' `Page.render`), for one build's page.
Why: turning every page's Markdown into HTML is most of a rebuild, and an
edit changes one page.
Guard: what `render` sets (content, table of contents, title, anchors,
links to anchors) is kept by everything it was made from and the files it
looked up (`serving.incremental.Memo`), and set again exactly.
"""

from __future__ import annotations

from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..serving.incremental import Session


def render_kept(serving: Session, page, render, config, files) -> None:
    """MkDocs' `Page.render`, kept by the page's Markdown, its address and the files it looked up."""

    def made(lookups) -> tuple:
        render(config, lookups)
        links = None if page.links_to_anchors is None else {f.src_uri: dict(v) for f, v in page.links_to_anchors.items()}
        return page.content, toc_copy(page.toc), page._title_from_render, frozenset(page.present_anchor_ids), links

    key = ("page", page.file.src_uri, page.file.url, page.file.inclusion.name, page.markdown)
    content, toc, title, anchors, links = serving.memo.make(key, files, made)
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
