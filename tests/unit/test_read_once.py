"""Front matter parsed once per build and handed to the blog plugin and the hooks."""

from __future__ import annotations

import yaml

import read_once
from routines.frontmatter import read_front_matter
from routines.model import Post

TEXT = "---\ntitle: Knee reset\ndate: 2024-01-17\ncategories: [Knee]\n---\n\nBody\n"


class Config:
    """Stands for one build's MkDocs config: only its identity matters."""


def test_blog_plugin_takes_the_parsed_front_matter_once_then_parses_the_same():
    """The first read gets validation's own data; any later read parses the text to equal data."""
    front = read_front_matter(TEXT)
    post = Post(title="Knee reset", date=None)
    read_once.keep(Config(), {"blog/posts/knee.md": (front, post)})
    first = yaml.load(front.source, read_once._ParsedAlready)
    again = yaml.load(front.source, read_once._ParsedAlready)
    assert first is front.data
    assert again == front.data and again is not front.data


def test_models_belong_to_the_build_that_validated_them():
    """A model is found for its own build's config only, so a later build never sees a stale one."""
    post = Post(title="Knee reset", date=None)
    this_build, next_build = Config(), Config()
    read_once.keep(this_build, {"blog/posts/knee.md": (read_front_matter(TEXT), post)})
    assert read_once.model(this_build, "blog/posts/knee.md") is post
    assert read_once.model(next_build, "blog/posts/knee.md") is None
    assert read_once.model(this_build, "blog/posts/other.md") is None
