"""Patch: under `serve`, a page's Markdown becomes HTML only when it, its address or a file it links to changed.

What: a page's `render` (MkDocs' `Page.render`), for one build's page.
Why: turning every page's Markdown into HTML is most of a rebuild, and an
edit changes one page.
Guard: what `render` sets (content, table of contents, title, anchors,
links to anchors) is kept by everything it was made from and the files it
looked up (`serving.incremental.Memo`), and set again exactly. Each render
that runs is watched (`engine/guard.py`): one that sets anything else, or
a page without these, turns the patch off for the process, and every page is rendered
by MkDocs at every save, as plain `serve` does, with one line saying so.
"""

from __future__ import annotations

from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..serving.incremental import Memo
from .guard import Patch, has

KEPT = Patch(
    "page HTML kept between saves", "mkdocs", "1.6.1",
    "serve turns every page's Markdown into HTML at every save, as plain serve does (slower)",
)
# What MkDocs' `Page.render` sets, all of which is kept.
SETS = frozenset({"content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors"})


def render_kept(memo: Memo, page, render, config, files) -> None:
    """MkDocs' `Page.render`, kept by the page's Markdown, its address and the files it looked up."""
    if not KEPT.holds():
        render(config, files)
        return

    def made(lookups) -> tuple:
        before = dict(vars(page))
        render(config, lookups)
        if not KEPT.holds(_not_as_known(before, page)):
            raise _Changed
        links = None if page.links_to_anchors is None else {f.src_uri: dict(v) for f, v in page.links_to_anchors.items()}
        return page.content, toc_copy(page.toc), page._title_from_render, frozenset(page.present_anchor_ids), links

    key = ("page", page.file.src_uri, page.file.url, page.file.inclusion.name, page.markdown)
    try:
        content, toc, title, anchors, links = memo.make(key, files, made)
    except _Changed:  # rendered by MkDocs, and not kept
        return
    page.content, page.toc, page._title_from_render = content, toc_copy(toc), title
    page.present_anchor_ids = set(anchors)
    page.links_to_anchors = None if links is None else {files.get_file_from_path(src): dict(v) for src, v in links.items()}


class _Changed(Exception):
    """`Page.render` no longer sets what is kept."""


def _not_as_known(before: dict, page) -> str | None:
    """What a render set beyond what is kept, or what kept the page lacks; None when it is as known."""
    changed = {name for name, value in vars(page).items() if before.get(name, _Changed) is not value}
    if changed - SETS:
        return "Page.render also sets " + ", ".join(sorted(changed - SETS))
    return next(filter(None, (has(page, name) for name in sorted(SETS))), None)


def toc_copy(toc: TableOfContents) -> TableOfContents:
    """A table of contents of its own (the blog adds its excerpts' entries to a list page's)."""

    def entry(item: AnchorLink) -> AnchorLink:
        copied = AnchorLink(item.title, item.id, item.level)
        copied.children = [entry(child) for child in item.children]
        return copied

    return TableOfContents([entry(item) for item in toc])
