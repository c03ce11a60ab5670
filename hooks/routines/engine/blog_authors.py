"""Patch: Material's blog plugin reads a wrong authors file as no authors, and validate_posts says what is wrong.

What: `BlogPlugin._resolve_authors`, which reads the blog's `.authors.yml` in
the plugin's `on_config`, returns no authors when the file is wrong instead
of raising.
Why: it raises before any hook has read a post, in YAML's or MkDocs' words
("Sub-option 'avatar': Required configuration not provided"), with no line,
where `make check` said nothing. validate_posts reads the same file
(`contract.checks`) and stops the build with one line per mistake; under
`serve` the panel shows them, and posts show without their authors until
the file is right.
Guard: only while the plugin has `_resolve_authors(self, config)`
(`engine/guard.py`); otherwise nothing is patched, Material's own message
stands for a wrong file, and one line says so.
"""

from __future__ import annotations

from material.plugins.blog.plugin import BlogPlugin
from mkdocs.exceptions import PluginError

from .guard import Patch, has

TOLERANT = Patch(
    "authors file mistakes named by line", "mkdocs-material", "9.8.2",
    "a wrong authors file stops the build with Material's message, without its line",
)


def tolerate_wrong_authors() -> None:
    """Let the blog plugin go on with no authors when its authors file is wrong (once per process)."""
    resolve = getattr(BlogPlugin, "_resolve_authors", None)
    if getattr(resolve, "tolerant", False) or not TOLERANT.holds(has(BlogPlugin, "_resolve_authors", parameters=("self", "config"))):
        return

    def tolerant(self, config):
        try:
            return resolve(self, config)
        except PluginError:
            return {}

    tolerant.tolerant = True
    BlogPlugin._resolve_authors = tolerant
