"""What the hooks read from MkDocs' config: the one place that knows its shape."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..contract.blog import is_blog_plugin, read_blog
from ..contract.theme import read_theme
from ..contract.types import Site
from .state import build_of


def site(config: MkDocsConfig) -> Site:
    """The series, categories, blog settings and docs folder that posts may refer to (read once per build)."""
    build = build_of(config)
    if build.site is None:
        blogs = [read_blog(plugin.config, config.docs_dir, config.theme.get("language", "en")) for plugin in blog_plugins(config)]
        theme = read_theme(config.theme.custom_dir, config.theme.dirs, config.theme.static_templates, config.extra.get("status"))
        build.site = Site.of(config.docs_dir, (config.extra.get("series") or {}).keys(), blogs, theme)
    return build.site


def published_posts(config: MkDocsConfig) -> list:
    """The posts every blog publishes in this build (drafts left out), once they are read."""
    return [post for blog in blog_instances(config) for post in blog.posts]


def blog_instances(config: MkDocsConfig) -> list:
    """Each blog plugin's blog (its posts and views), once the plugin has read its files."""
    return [plugin.blog for plugin in blog_plugins(config)]


def per_page(config: MkDocsConfig) -> int:
    """How many posts a list page shows: the blog's own pagination, for every list the site makes."""
    return site(config).blog.per_page


def kept_in(config: MkDocsConfig, kind: str) -> Path:
    """Where files of a kind made by earlier builds are kept: `.cache/<kind>` beside mkdocs.yml (git ignores it)."""
    return Path(config.config_file_path).parent / ".cache" / kind


def shown_path(config: MkDocsConfig, abs_path: str) -> str:
    """A path as authors see it in error lines: relative to mkdocs.yml."""
    root = os.path.dirname(config.config_file_path) if config.config_file_path else os.getcwd()
    return os.path.relpath(abs_path, root).replace(os.sep, "/")


def blog_plugins(config: MkDocsConfig) -> list:
    """Each of Material's blog plugins in this build (a site may have several blogs)."""
    return [p for name, p in config.plugins.items() if is_blog_plugin(name)]


def tags_plugin(config: MkDocsConfig):
    """Material's tags plugin in this build, or None."""
    return next((p for name, p in config.plugins.items() if name.split(" ")[0] in ("material/tags", "tags")), None)
