"""Markdown extensions of this site: custom elements as blocks, headings inside step cards."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

CUSTOM_BLOCKS = ("breath-timer",)


class CustomBlocks(Extension):
    """Treat custom elements like `<div>`: a raw HTML block, not an inline tag.

    Python-Markdown wraps unknown tags in `<p>`, and a `<div>` inside one would
    then close that paragraph and leave the element in pieces.
    """

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        for tag in CUSTOM_BLOCKS:
            if tag not in md.block_level_elements:
                md.block_level_elements.append(tag)


class HeadingsBelow(Extension):
    """Put a text's headings under a heading of level `parent`.

    The text's top heading becomes h`parent + 1` and the others keep their
    distance from it (at most h6): a step's `text` sits under the card's h3
    title, so its `## Setup` becomes an h4 and a `### Then` below it an h5.
    """

    def __init__(self, parent: int) -> None:
        super().__init__()
        self.parent = parent

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_HeadingsBelow(md, self.parent), "headings_below", 5)


class _HeadingsBelow(Treeprocessor):
    LEVELS = {f"h{level}": level for level in range(1, 7)}

    def __init__(self, md: Markdown, parent: int) -> None:
        super().__init__(md)
        self.parent = parent

    def run(self, root: etree.Element) -> None:
        headings = [(element, self.LEVELS[element.tag]) for element in root.iter() if element.tag in self.LEVELS]
        if not headings:
            return
        shift = self.parent + 1 - min(level for _, level in headings)
        for element, level in headings:
            element.tag = f"h{min(6, level + shift)}"
