"""Let authors write `<breath-timer>` directly in a post, as the contract allows."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from routines.rendering.markdown_blocks import CustomBlocks


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: register the custom element as a Markdown block tag."""
    config.markdown_extensions.append(CustomBlocks())
