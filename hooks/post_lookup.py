"""The blog plugin asks "is this page a post?" at once, not by comparing it with every post (routines/engine/post_lookup.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation

from routines.engine import settings
from routines.engine.post_lookup import answer_at_once


# After the blog plugin (priority -50) has read, sorted and chained its posts.
@event_priority(-60)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files) -> Navigation:
    """`on_nav`: each blog's list of posts answers `in` at once."""
    answer_at_once(settings.blog_instances(config))
    return nav
