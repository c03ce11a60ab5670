"""Validate every post's front matter before Material's blog plugin reads it.

The blog plugin stops at the first post whose YAML is broken and ignores the
fields this site adds; MkDocs drops broken front matter of other pages
silently. This hook reads every page first, reports every problem of every
post in one run, one line each, and fails the build. What it read is handed
on (`read_once`), so no post is parsed twice.

Under `mkdocs serve` the build goes on without the pages that have problems,
and every page the server serves shows them (`routines/panel.py`), so the
author sees a mistake in the browser the moment it is saved, and the page
comes back by itself once fixed.
"""

from __future__ import annotations

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
    if serving is not None:
        serving.problems = ""
    if checked.problems:
        count = f"{len(checked.problems)} problem{'s' if len(checked.problems) != 1 else ''}"
        lines = list(map(str, checked.problems))
        if serving is None:
            raise PluginError(f"{count} in posts; fix them and build again:\n" + "\n".join(lines))
        log.error(f"{count} in posts; their pages are left out until you fix them:\n" + "\n".join(lines))
        wrong = {problem.file for problem in checked.problems}
        for src, _, shown in pages:
            if shown in wrong:
                files.remove(files.get_file_from_path(src))
                checked.posts.pop(src, None)
        serving.problems = config.theme.get_env().get_template("partials/build-problems.html").render(problems=lines)
    read_once.keep(config, checked.posts)
    return files
