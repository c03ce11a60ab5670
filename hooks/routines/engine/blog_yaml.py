"""Patch: Material's blog plugin takes each post's front matter as validate_posts parsed it.

What: `material.plugins.blog.structure.SafeLoader`, the YAML loader the blog
plugin reads each post's front matter with, becomes one that hands out what
validate_posts parsed from the same text a moment before (`Build.parsed`),
once per post, and parses anything else with libyaml.
Why: a routine makes front matter several times longer, and parsing it twice
was a large part of a build.
Guard: only where the plugin still uses PyYAML's `SafeLoader`; libyaml's
loader has the same safe constructors and resolvers, so anything not handed
out reads exactly the same. Where the module has no `SafeLoader`, or another
one (`engine/guard.py`), the plugin parses each post again, and one line
says so.
"""

from __future__ import annotations

import material.plugins.blog.structure as blog_posts
import yaml

from ..contract.frontmatter import Loader
from .guard import Patch
from .state import current

SHARED = Patch(
    "front matter parsed once", "mkdocs-material", "9.8.2",
    "the blog plugin parses each post's front matter again, as Material does (slower)",
)


def share_with_blog() -> None:
    """Let the blog plugin take front matter already parsed (once per process; later calls change nothing)."""
    loader = getattr(blog_posts, "SafeLoader", None)
    if loader is not ParsedAlready and SHARED.holds(
        None if loader is yaml.SafeLoader else "material.plugins.blog.structure.SafeLoader is no longer yaml.SafeLoader",
    ):
        blog_posts.SafeLoader = ParsedAlready


class ParsedAlready(Loader):
    """A YAML loader that hands out front matter validate_posts parsed, once per post."""

    def __init__(self, stream) -> None:
        self._text = stream
        super().__init__(stream)

    def get_single_data(self):
        build = current()
        waiting = build.parsed.get(self._text) if build is not None and isinstance(self._text, str) else None
        return waiting.pop() if waiting else super().get_single_data()
