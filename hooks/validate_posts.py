"""Validate every post's front matter before Material's blog plugin reads it.

The blog plugin stops at the first post whose YAML is broken and ignores the
fields this site adds; MkDocs drops broken front matter of other pages
silently. This hook reads every page first, reports every problem of every
post in one run, one line each, and fails the build. What it read is handed
on (`read_once`), so no post is parsed twice.

Under `mkdocs serve` the build goes on, each page with a problem as it last
was without one (a new page with a problem is left out), and every page the
server serves shows the problems (`routines/panel.py`), so the author sees a
mistake in the browser the moment it is saved, and the panel goes by itself
once it is fixed.
"""

from __future__ import annotations

import copy
import dataclasses

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

import read_once
import site_settings
from routines.checks import check_pages
from routines.incremental import session
from routines.panel import over_every_page

log = get_plugin_logger(__name__)


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: the blog plugin takes the front matter this hook parsed."""
    read_once.share_with_blog()


def on_serve(server, *, config: MkDocsConfig, builder):
    """`on_serve`: every page served shows the problems of the latest build, if any."""
    serving = session()
    server.set_app(over_every_page(server.get_app(), lambda: serving.problems))
    return server


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: runs before the blog plugin, which reads posts at priority -50."""
    pages = [(f.src_uri, f.abs_src_path, site_settings.shown_path(config, f.abs_src_path)) for f in files.documentation_pages()]
    site = site_settings.site(config)
    checked = check_pages(pages, site.post_dirs, site)
    serving = session()
    if checked.problems and serving is None:
        raise PluginError(f"{_count(checked.problems)} in posts; fix them and build again:\n" + "\n".join(map(str, checked.problems)))
    if serving is not None:
        _as_last_good(files, config, checked, serving)
    read_once.keep(config, checked.posts)
    return files


def _as_last_good(files: Files, config: MkDocsConfig, checked, serving) -> None:
    """Under `serve`, a page with a problem is built as it last was without one, or left out if it never was.

    The author keeps reading the page they are fixing, with the problems over
    it, and every other page stays as it was: nothing is built again but the
    panel, which the server lays over every page.
    """
    wrong = {problem.file for problem in checked.problems}
    for file in list(files.documentation_pages()):
        src = file.src_uri
        if site_settings.shown_path(config, file.abs_src_path) not in wrong:
            if src in checked.texts:
                front, post = checked.posts.get(src, (None, None))
                serving.last_good[src] = (checked.texts[src], front, post)
            continue
        checked.posts.pop(src, None)
        if src not in serving.last_good:
            files.remove(file)
            continue
        text, front, post = serving.last_good[src]
        file.abs_src_path = str(serving.kept_text(src, text))  # read from there, in its place
        if post is not None:
            checked.posts[src] = (dataclasses.replace(front, data=copy.deepcopy(front.data)), post)
    serving.problems = ""
    if checked.problems:
        lines = list(map(str, checked.problems))
        log.error(f"{_count(checked.problems)} in posts; until you fix them, each shows as it last was without one:\n" + "\n".join(lines))
        serving.problems = config.theme.get_env().get_template("partials/build-problems.html").render(problems=lines)


def _count(problems: list) -> str:
    return f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
