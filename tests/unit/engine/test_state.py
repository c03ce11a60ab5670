"""One build's state: the posts it validated, handed to the blog plugin and the hooks, and nothing of another build's."""

from __future__ import annotations

import jinja2
import yaml

from routines.contract.frontmatter import read_front_matter
from routines.engine.blog_yaml import ParsedAlready
from routines.engine.state import build_of
from routines.model.post import Post

TEXT = "---\ntitle: Knee reset\ndate: 2024-01-17\ncategories: [Knee]\n---\n\nBody\n"


class Config:
    """Stands for one build's MkDocs config: only its identity matters."""


def test_blog_plugin_takes_the_parsed_front_matter_once_then_parses_the_same():
    """The first read gets validation's own data; any later read parses the text to equal data."""
    front = read_front_matter(TEXT)
    post = Post(title="Knee reset", date=None)
    build_of(Config()).keep_posts({"blog/posts/knee.md": (front, post)})
    first = yaml.load(front.source, ParsedAlready)
    again = yaml.load(front.source, ParsedAlready)
    assert first is front.data
    assert again == front.data and again is not front.data


def test_every_hook_reaches_the_same_state_and_a_new_build_starts_empty():
    """A model is found in its own build's state only, so a later build never sees a stale one."""
    post = Post(title="Knee reset", date=None)
    this_build, next_build = Config(), Config()
    build_of(this_build).keep_posts({"blog/posts/knee.md": (read_front_matter(TEXT), post)})
    assert build_of(this_build) is build_of(this_build)
    assert build_of(this_build).model("blog/posts/knee.md") is post
    assert build_of(this_build).model("blog/posts/other.md") is None
    assert build_of(next_build).model("blog/posts/knee.md") is None


def test_one_jinja_environment_per_build_with_the_sites_words():
    """Every partial of a build renders in one environment, which knows `plural` and `series_url`."""
    made = []

    class Theme:
        def get_env(self):
            made.append(jinja2.Environment(loader=jinja2.DictLoader({"t": "{{ plural(n, 'part') }} at {{ series_url('a') }}"})))
            return made[-1]

    config = Config()
    config.theme, config.extra = Theme(), {}
    build = build_of(config)
    assert build.render("t", href=str, n=2) == "2 parts at series/a/"
    assert build.render("t", href=str, n=1) == "1 part at series/a/"
    assert len(made) == 1
