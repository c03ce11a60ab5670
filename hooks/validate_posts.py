"""Validate every post's front matter before Material's blog plugin reads it.

The blog plugin stops at the first post whose YAML is broken and ignores the
fields this site adds; MkDocs drops broken front matter of other pages
silently. This hook reads every page first, reports every problem of every
post in one run, one line each, and fails the build.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

import site_settings
from routines.contract import validate_post
from routines.frontmatter import read_front_matter
from routines.schema import Problem


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: runs before the blog plugin, which reads posts at priority -50."""
    posts = site_settings.post_dirs(config)
    site = site_settings.site(config)
    problems: list[Problem] = []
    for file in files.documentation_pages():
        shown = site_settings.shown_path(config, file.abs_src_path)
        try:
            with open(file.abs_src_path, encoding="utf-8-sig") as source:
                text = source.read()
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(shown, None, "file", f"cannot be read as UTF-8 text ({error})"))
            continue
        if site_settings.is_post(file.src_uri, posts):
            problems += validate_post(text, shown, posixpath.dirname(file.src_uri), site)[1]
        else:
            problems += [Problem(shown, line, name, message) for line, name, message in read_front_matter(text).errors]
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise PluginError(f"{count} in posts; fix them and build again:\n" + "\n".join(map(str, problems)))
    return files
