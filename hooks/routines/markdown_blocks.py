"""Markdown extensions of this site: custom elements as blocks, headings inside step cards."""

from __future__ import annotations

import re
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
    """Move every heading `below` levels down (`#` becomes h`1+below`), at most to h6.

    A step's `text` sits under the card's own h3: its `## Setup` belongs under
    that title, not beside the page's sections.
    """

    def __init__(self, below: int) -> None:
        super().__init__()
        self.below = below

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_ShiftHeadings(md, self.below), "headings_below", 5)


class _ShiftHeadings(Treeprocessor):
    HEADING = re.compile(r"h([1-6])")

    def __init__(self, md: Markdown, below: int) -> None:
        super().__init__(md)
        self.below = below

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            level = self.HEADING.fullmatch(element.tag) if isinstance(element.tag, str) else None
            if level:
                element.tag = f"h{min(6, int(level.group(1)) + self.below)}"
