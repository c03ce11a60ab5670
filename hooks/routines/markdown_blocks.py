"""Let authors write this site's custom elements in Markdown as blocks."""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension

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
