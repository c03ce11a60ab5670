"""Validate every post's front matter before Material's blog plugin reads it.

The blog plugin stops at the first post whose YAML is broken and ignores the
fields this site adds; MkDocs drops broken front matter of other pages
silently. This hook reads every page first, reports every problem of every
post in one run, one line each, and fails the build. What it read is handed
on (`read_once`), so no post is parsed twice.

Under `mkdocs serve` the build goes on without the pages that have problems,
and every page shows the problems, so the author sees a mistake in the
browser the moment it is saved, and the page comes back by itself once fixed.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import read_once
import site_settings
from routines.checks import check_pages

log = get_plugin_logger(__name__)
BODY = re.compile(r"<body[^>]*>")


class _Serve:
    """What `mkdocs serve` shows of the problems of its latest build."""

    def __init__(self) -> None:
        self.on = False  # set for the whole process by on_startup
        self.panel = ""  # the panel every page of this build shows, if any problem


_serve = _Serve()


def on_startup(*, command: str, dirty: bool) -> None:
    """`on_startup`: problems stop `build`; `serve` shows them in the browser instead."""
    _serve.on = command == "serve"


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: the blog plugin takes the front matter this hook parsed."""
    read_once.share_with_blog()


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: runs before the blog plugin, which reads posts at priority -50."""
    pages = [(f.src_uri, f.abs_src_path, site_settings.shown_path(config, f.abs_src_path)) for f in files.documentation_pages()]
    site = site_settings.site(config)
    checked = check_pages(pages, site.post_dirs, site)
    _serve.panel = ""
    if checked.problems:
        count = f"{len(checked.problems)} problem{'s' if len(checked.problems) != 1 else ''}"
        lines = list(map(str, checked.problems))
        if not _serve.on:
            raise PluginError(f"{count} in posts; fix them and build again:\n" + "\n".join(lines))
        log.error(f"{count} in posts; their pages are left out until you fix them:\n" + "\n".join(lines))
        wrong = {problem.file for problem in checked.problems}
        for src, _, shown in pages:
            if shown in wrong:
                files.remove(files.get_file_from_path(src))
                checked.posts.pop(src, None)
        _serve.panel = config.theme.get_env().get_template("partials/build-problems.html").render(problems=lines)
    read_once.keep(config, checked.posts)
    return files


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """`on_post_page`: while serving, every page shows the problems at its top."""
    return _with_panel(output)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """`on_post_template`: the 404 page too (a post left out is not found)."""
    return _with_panel(output) if template_name.endswith(".html") else output


def _with_panel(output: str) -> str:
    if not _serve.panel or not (body := BODY.search(output)):
        return output
    return output[: body.end()] + _serve.panel + output[body.end():]
