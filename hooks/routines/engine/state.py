"""One build's state: made at the build's first `on_config`, reached the same way by every hook.

MkDocs does not reload hook modules between the builds of `mkdocs serve`, so
nothing a build learns is kept in them. It lives on the one `Build` of that
build's config, which `build_of(config)` returns to every hook; the next
build's config gets a new one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable

from ..discovery.catalog import Catalog, Entry, entry
from ..discovery.pages import series_url
from ..model.post import Post
from ..model.units import count_forms, plural
from ..rendering.excerpt import opening_prose
from .copies import copied_blocks


@dataclass(eq=False)
class Build:
    """What one build knows, filled in by the hooks in the order MkDocs runs them.

    Attributes:
        config: the build's MkDocs config.
        site: what posts may refer to, read from mkdocs.yml (`engine.settings.site`).
        models: each valid post's model, by path relative to docs/ (validate_posts).
        parsed: front matter YAML text -> what validate_posts parsed of it, not yet taken by the blog plugin (engine/blog_yaml.py).
        bundled: the files extra_css and extra_javascript list, which the bundles hold and the site does not serve (bundles).
        bundles: each bundle's path in the site -> its text (bundles).
        catalog: every published post's entry, by date, series and equipment (discovery).
        post_pages: each published post's page, by path relative to docs/ (discovery).
        steps: the Markdown converter of step text (post_blocks, `engine/step_markdown.py`), once a step needs it.
        cards: the link-preview cards being drawn in the background (`rendering.cards.CardDrawing`, link_previews).
        qr_codes: the printed routines' QR codes being drawn ahead (`rendering.paper.CodesAhead`, post_blocks).
        served: what `serve` learns of this build's pages before it writes them (incremental), or None.
    """

    config: Any
    site: Any = None
    models: dict[str, Post] = field(default_factory=dict)
    parsed: dict[str, list[dict]] = field(default_factory=dict)
    bundled: list[str] = field(default_factory=list)
    bundles: dict[str, str] = field(default_factory=dict)
    catalog: Catalog = field(default_factory=lambda: Catalog(by_date=[]))
    post_pages: dict[str, Any] = field(default_factory=dict)
    steps: Any = None
    cards: Any = None
    qr_codes: Any = None
    served: Any = None
    _env: Any = None

    def keep_posts(self, posts: dict[str, tuple[Any, Post]]) -> None:
        """Remember this build's valid posts (path relative to docs/ -> front matter and model)."""
        for src, (front, post) in posts.items():
            self.models[src] = post
            self.parsed.setdefault(front.source, []).append(front.data)

    def entry(self, post) -> Entry:
        """The catalog entry of a published post's page (discovery), which every post of this build has a model for."""
        src = post.file.src_uri
        return entry(self.model(src), src, post.file.url, post.config.date.created, opening_prose(post.markdown))

    def model(self, src: str) -> Post | None:
        """The validated model of a post in this build, by its path relative to docs/; None for any other page."""
        return self.models.get(src)

    @property
    def env(self):
        """The theme's Jinja environment every partial of this build is rendered in, made when first needed.

        MkDocs makes its own for the page templates only after every page's
        content, so the partials the hooks put into pages cannot use that one.
        """
        if self._env is None:
            self._env = self.config.theme.get_env()
            add_wording(self._env)
        return self._env

    def render(self, template: str, href: Callable[[str], str], **context) -> str:
        """Render a partial; `href(url)` makes a site URL relative to the page it goes into."""
        return self.env.get_template(template).render(href=href, extra=self.config.extra, **context)


def add_wording(env) -> None:
    """Give templates the site's words and addresses: `plural(3, "step")`, `series_url(name)`, `script_words`.

    The one grammar of counts and the one address of a series, for every
    template, rendered by the hooks or by MkDocs; `script_words` is what the
    page hands its scripts of that grammar (JSON, in main.html). Also which
    of the blocks copied from Material still match it (`copied_blocks`,
    `engine/copies.py`).
    """
    env.globals.update(plural=plural, series_url=series_url, script_words=_SCRIPT_WORDS, copied_blocks=copied_blocks())


_SCRIPT_WORDS = json.dumps(count_forms(), separators=(",", ":"))


_current: Build | None = None


def build_of(config) -> Build:
    """The state of the build of `config`: the first hook to ask in a build makes it."""
    global _current
    if _current is None or _current.config is not config:
        _current = Build(config)
    return _current


def current() -> Build | None:
    """The state of the build under way, for patched code that is handed no config."""
    return _current
