"""What the hooks read from MkDocs' config: the one place that knows its shape."""

from __future__ import annotations

import dataclasses
import functools
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..contract.blog import is_blog_plugin, read_blog
from ..contract.files import docs_files
from ..contract.theme import read_theme
from ..contract.types import Site
from ..discovery.pages import added_paths
from .state import build_of


def site(config: MkDocsConfig) -> Site:
    """The series, categories, blog settings and docs folder that posts may refer to (read once per build)."""
    build = build_of(config)
    if build.site is None:
        blogs = [read_blog(plugin.config, config.docs_dir, config.theme.get("language", "en")) for plugin in blog_plugins(config)]
        theme = read_theme(config.theme.custom_dir, config.theme.dirs, config.theme.static_templates, config.extra.get("status"))
        series = tuple((config.extra.get("series") or {}).keys())
        build.site = Site.of(config.docs_dir, series, blogs, theme, exclude_docs=_excluded(config))
        build.site = dataclasses.replace(build.site, made=functools.partial(added_paths, series, per_page=build.site.blog.per_page))
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
    return os.path.relpath(abs_path, _root(config)).replace(os.sep, "/")


def files_of_docs(config: MkDocsConfig) -> list[tuple[str, str, str]]:
    """Every file of docs/ as `make check` finds it (`contract.files.docs_files`), less what `exclude_docs` says.

    Walked again rather than taken from MkDocs' list, which has already
    dropped, with a warning, one of two files it would make one page of.
    """
    return docs_files(Path(config.docs_dir), Path(_root(config)), _excluded(config))


def _excluded(config: MkDocsConfig) -> str:
    """`exclude_docs` as its gitignore lines (MkDocs keeps each line as a pattern of the spec it parsed)."""
    spec = config.exclude_docs
    return "\n".join(pattern.pattern for pattern in spec.patterns if isinstance(pattern.pattern, str)) if spec else ""


def _root(config: MkDocsConfig) -> str:
    """The folder of mkdocs.yml, which error lines name paths from."""
    return os.path.dirname(config.config_file_path) if config.config_file_path else os.getcwd()


def blog_plugins(config: MkDocsConfig) -> list:
    """Each of Material's blog plugins in this build (a site may have several blogs)."""
    return [p for name, p in config.plugins.items() if is_blog_plugin(name)]


def tags_plugin(config: MkDocsConfig):
    """Material's tags plugin in this build, or None."""
    return next((p for name, p in config.plugins.items() if name.split(" ")[0] in ("material/tags", "tags")), None)
