"""The live preview: what is in the form, checked as `make check` checks it and shown as the site shows it.

The editor sends the file it would save. It is checked among every other
page of the site as they are on disk (so an address another post has is
caught too) and the problems are `make check`'s own lines; when the post
is valid, its body, routine and video are rendered through the theme's
partials, as a build renders them.
"""

from __future__ import annotations

import posixpath
import tempfile
from pathlib import Path
from typing import Any

from ..contract.checks import check_pages, markdown_pages
from ..contract.frontmatter import FrontMatter
from ..contract.project import Project
from ..model.post import Post
from ..model.units import plural
from ..rendering.blocks import assemble, render_routine, render_video, routine_view, video_view

TEMPLATE = "partials/desk-preview.html"


def preview(text: str, shown: str, project: Project, theme: Any, site_url: str, pending: tuple[str, ...] = ()) -> dict:
    """The post in `text`, saved as `shown` (a path from mkdocs.yml's folder, in a posts folder).

    Args:
        text: the whole file the editor would save.
        shown: where it would be saved, as problem lines name it.
        project: the site's folders and what posts may refer to.
        theme: the theme's Jinja environment and Markdown (`engine.desk.Theme`).
        site_url: where `make serve` serves the site, for a post's own video files.
        pending: files (paths from mkdocs.yml's folder) the editor saves with the post, not on disk yet.

    Returns:
        `problems`: make check's lines for this post, and `summary` their
        number in words; `html`: the problems and the post as the site shows
        it (the post only when it has none).
    """
    problems, found = check_as_saved(text, shown, project, pending)
    body, title = "", ""
    if found is not None:
        front, post = found
        body, title = render_post(post, front, theme, site_url), post.title
    html = theme.env.get_template(TEMPLATE).render(problems=problems, title=title, body=body, shown=found is not None)
    return {"problems": problems, "summary": plural(len(problems), "problem"), "html": html, "shown": found is not None}


def check_as_saved(
    text: str, shown: str, project: Project, pending: tuple[str, ...] = (),
) -> tuple[list[str], tuple[FrontMatter, Post] | None]:
    """`make check`'s lines for this post were it saved as `shown` with the `pending` files, and its front matter and model when it has none."""
    docs = project.shown(project.docs_dir)
    src = posixpath.relpath(shown, docs)
    if src.startswith("..") or not src.startswith(project.post_dirs):
        raise ValueError(f"{shown} is not in a posts folder ({', '.join(project.post_dirs)} in {docs}/)")
    pages = [page for page in markdown_pages(project.docs_dir, project.root, project.exclude_docs) if page[0] != src]
    with tempfile.TemporaryDirectory(prefix="desk-") as folder:
        draft = Path(folder, posixpath.basename(src))
        draft.write_text(text, encoding="utf-8")
        pages = sorted([*pages, (src, str(draft), shown)])
        checked = check_pages(pages, project.post_dirs, project.site)
    # Its own lines, and another post's that name it (the one of two sharing an address that check reports),
    # less that a file saved with it (an image just uploaded) is not there yet.
    problems = [
        str(problem) for problem in checked.problems
        if (problem.file == shown or shown in problem.message) and not _names_pending(problem.message, pending)
    ]
    # Valid but for files not saved yet: no lines, and nothing to render until they are there.
    return problems, (None if problems else checked.posts.get(src))


def _names_pending(message: str, pending: tuple[str, ...]) -> bool:
    """Whether a problem is only that a file the editor saves with the post is not on disk yet."""
    missing = ("file not found: ", "does not exist")
    return any(f" {path}" in message for path in pending) and any(words in message for words in missing)


def render_post(post: Post, front: FrontMatter, theme: Any, site_url: str) -> str:
    """The post's body with its routine and video where its markers say, as a build makes it."""
    video = None
    if post.video:
        video = video_view(post, site_url, lambda path: site_url + path, lambda path: site_url + path)
    routine_block = ""
    if post.routine:
        routine_block = render_routine(theme.env, routine_view(post.routine, theme.step_text, video), theme.safety)
    video_block = render_video(theme.env, video) if video else ""
    return assemble(theme.body(front.body), routine_block, video_block)
