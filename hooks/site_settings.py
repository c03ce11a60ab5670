"""What the hooks read from MkDocs' config: the one place that knows its shape.

Not a hook itself; the hook files import it from their folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from routines.blog import read_blog
from routines.schema import Site


def site(config: MkDocsConfig) -> Site:
    """The series, categories, blog settings and docs folder that posts may refer to."""
    blogs = [read_blog(plugin.config, config.docs_dir, config.theme.get("language", "en")) for plugin in blog_plugins(config)]
    return Site.of(config.docs_dir, (config.extra.get("series") or {}).keys(), blogs)


def published_posts(config: MkDocsConfig) -> list:
    """The posts every blog publishes in this build (drafts left out), once they are read."""
    return [post for blog in blog_instances(config) for post in blog.posts]


def blog_instances(config: MkDocsConfig) -> list:
    """Each blog plugin's blog (its posts and views), once the plugin has read its files."""
    return [plugin.blog for plugin in blog_plugins(config)]


def per_page(config: MkDocsConfig) -> int:
    """How many posts a list page shows: the blog's own pagination, for every list the site makes."""
    blogs = blog_plugins(config)
    return blogs[0].config.pagination_per_page if blogs else 10


def kept_in(config: MkDocsConfig, kind: str) -> Path:
    """Where files of a kind made by earlier builds are kept: `.cache/<kind>` beside mkdocs.yml (git ignores it)."""
    return Path(config.config_file_path).parent / ".cache" / kind


def shown_path(config: MkDocsConfig, abs_path: str) -> str:
    """A path as authors see it in error lines: relative to mkdocs.yml."""
    root = os.path.dirname(config.config_file_path) if config.config_file_path else os.getcwd()
    return os.path.relpath(abs_path, root).replace(os.sep, "/")


def blog_plugins(config: MkDocsConfig) -> list:
    """Each of Material's blog plugins in this build (a site may have several blogs)."""
    return [p for name, p in config.plugins.items() if name.split(" ")[0] in ("material/blog", "blog")]
