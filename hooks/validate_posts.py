"""Validate every post's front matter before Material's blog plugin reads it.

The blog plugin stops at the first post whose YAML is broken and ignores the
fields this site adds; MkDocs drops broken front matter of other pages
silently. This hook reads every page first, reports every problem of every
post in one run, one line each, and fails the build. What it read is handed
on (`Build.keep_posts`, `routines/engine/blog_yaml.py`), so no post is parsed twice.

Under `mkdocs serve` the build goes on, each page with a problem as it last
was without one (a new page with a problem is left out), and every page the
server serves shows the problems (`routines/serving/panel.py`), so the author sees a
mistake in the browser the moment it is saved, and the panel goes by itself
once it is fixed.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from routines.contract.checks import Remembered, check_pages
from routines.contract.files import sort_files
from routines.discovery.pages import MADE_BY_SITE
from routines.engine import settings
from routines.engine.blog_authors import tolerate_wrong_authors
from routines.engine.blog_yaml import share_with_blog
from routines.engine.state import build_of
from routines.model.units import plural
from routines.serving.incremental import session
from routines.serving.panel import over_every_page

log = get_plugin_logger(__name__)


# Before Material's blog plugin (at 0), which reads its authors file in its on_config.
@event_priority(100)
def on_config(config: MkDocsConfig) -> None:
    """`on_config`: the blog plugin takes the front matter this hook parsed, and leaves a wrong authors file to on_files' lines."""
    share_with_blog()
    tolerate_wrong_authors()


def on_serve(server, *, config: MkDocsConfig, builder):
    """`on_serve`: every page served shows the problems of the latest build, if any."""
    serving = session()
    server.set_app(over_every_page(server.get_app(), lambda: serving.problems))
    return server


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: runs before the blog plugin, which reads posts at priority -50."""
    found = sort_files(settings.files_of_docs(config), MADE_BY_SITE)
    for src in found.unpublished:
        if (file := files.get_file_from_path(src)) is not None:
            files.remove(file)
    pages = found.pages
    site = settings.site(config)
    serving = session()
    if serving is not None and serving.checks is None:
        serving.checks = Remembered()  # each save checks again only the pages it changed
    checked = check_pages(pages, site.post_dirs, site, remembered=serving.checks if serving is not None else None)
    problems = found.problems + checked.problems
    count = plural(len(problems), "problem")
    if problems and serving is None:
        raise PluginError(f"{count} in posts; fix them and build again:\n" + "\n".join(map(str, problems)))
    if serving is not None:
        for src, instead in serving.as_last_good(checked, {src: shown for src, _, shown in pages}).items():
            if instead is None:
                files.remove(files.get_file_from_path(src))
            else:
                files.get_file_from_path(src).abs_src_path = str(instead)  # read from there, in its place
        lines = list(map(str, problems))
        if lines:
            log.error(f"{count} in posts; until you fix them, each shows as it last was without one:\n" + "\n".join(lines))
        serving.problems = build_of(config).render("partials/build-problems.html", href=str, problems=lines) if lines else ""
    build_of(config).keep_posts(checked.posts)
    return files
