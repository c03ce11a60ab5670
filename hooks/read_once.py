"""Each post's front matter, read once per build and shared by the hooks.

validate_posts reads and checks every page first. The blog plugin then gets
the YAML it parsed rather than parsing it again (a routine makes front matter
several times longer), and the other hooks get the validated model rather
than building it again from `page.meta`.

Not a hook itself; the hook files import it from their folder. What it holds
belongs to one build's config, so a later build never sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import material.plugins.blog.structure as blog_posts
import yaml
from mkdocs.config.defaults import MkDocsConfig

from routines.frontmatter import FrontMatter, Loader
from routines.model import Post


@dataclass
class _Build:
    config: MkDocsConfig
    models: dict[str, Post] = field(default_factory=dict)  # src_uri -> model
    parsed: dict[str, list[dict]] = field(default_factory=dict)  # YAML text -> data not yet taken


_build: _Build | None = None


def keep(config: MkDocsConfig, posts: dict[str, tuple[FrontMatter, Post]]) -> None:
    """Remember this build's valid posts (src_uri -> front matter and model)."""
    global _build
    _build = _Build(config)
    for src, (front, post) in posts.items():
        _build.models[src] = post
        _build.parsed.setdefault(front.source, []).append(front.data)


def model(config: MkDocsConfig, src_uri: str) -> Post | None:
    """The validated model of a post in this build; None for any other page."""
    return _build.models.get(src_uri) if _build is not None and _build.config is config else None


def share_with_blog() -> None:
    """Let the blog plugin take front matter already parsed, and parse the rest with libyaml.

    The blog plugin calls `yaml.load(text, SafeLoader)` on each post's front
    matter, the text validate_posts parsed a moment before. libyaml's loader
    has the same safe constructors and resolvers, so anything not taken reads
    exactly the same.
    """
    if getattr(blog_posts, "SafeLoader", None) is yaml.SafeLoader:
        blog_posts.SafeLoader = _ParsedAlready


class _ParsedAlready(Loader):
    """A YAML loader that hands out front matter validate_posts parsed, once per post."""

    def __init__(self, stream) -> None:
        self._text = stream
        super().__init__(stream)

    def get_single_data(self):
        waiting = _build.parsed.get(self._text) if _build is not None and isinstance(self._text, str) else None
        return waiting.pop() if waiting else super().get_single_data()
