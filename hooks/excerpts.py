"""List pages render each post's excerpt from the start of the post, not all of it (routines/engine/excerpts.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from routines.engine.excerpts import patch_excerpts


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: Material's excerpts render from the start of each post (once per process)."""
    patch_excerpts()
