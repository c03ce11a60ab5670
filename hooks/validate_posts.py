"""Validate every post's front matter before Material's blog plugin reads it.

The blog plugin stops at the first post whose YAML is broken and ignores the
fields this site adds; MkDocs drops broken front matter of other pages
silently. This hook reads every page first, reports every problem of every
post in one run, one line each, and fails the build. What it read is handed
on (`read_once`), so no post is parsed twice.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

import read_once
import site_settings
from routines.checks import check_pages


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: the blog plugin takes the front matter this hook parsed."""
    read_once.share_with_blog()


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: runs before the blog plugin, which reads posts at priority -50."""
    pages = [(f.src_uri, f.abs_src_path, site_settings.shown_path(config, f.abs_src_path)) for f in files.documentation_pages()]
    site = site_settings.site(config)
    checked = check_pages(pages, site.post_dirs, site)
    if checked.problems:
        count = f"{len(checked.problems)} problem{'s' if len(checked.problems) != 1 else ''}"
        raise PluginError(f"{count} in posts; fix them and build again:\n" + "\n".join(map(str, checked.problems)))
    read_once.keep(config, checked.posts)
    return files
