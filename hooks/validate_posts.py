"""Validate every post's front matter before Material's blog plugin reads it.

The blog plugin stops at the first post whose YAML is broken and ignores the
fields this site adds; MkDocs drops broken front matter of other pages
silently. This hook reads every page first, reports every problem of every
post in one run, one line each, and fails the build.
"""

from __future__ import annotations

import material.plugins.blog.structure as blog_posts
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

import site_settings
from routines.checks import check_pages


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: let the blog plugin read front matter with libyaml, as we do.

    A routine makes a post's front matter several times longer, and the blog
    plugin parses it again with PyYAML's pure-Python loader: at 200 posts that
    was a tenth of the build. libyaml's loader uses the same safe constructors
    and resolvers, so posts read exactly the same (and were validated already).
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None and getattr(blog_posts, "SafeLoader", None) is yaml.SafeLoader:
        blog_posts.SafeLoader = fast


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: runs before the blog plugin, which reads posts at priority -50."""
    pages = [(f.src_uri, f.abs_src_path, site_settings.shown_path(config, f.abs_src_path)) for f in files.documentation_pages()]
    problems = check_pages(pages, site_settings.post_dirs(config), site_settings.site(config))
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise PluginError(f"{count} in posts; fix them and build again:\n" + "\n".join(map(str, problems)))
    return files
