"""Which files of docs/ are published: pages, and files meant for readers; never an editor's leftovers.

MkDocs publishes every file of docs/: a Markdown page as HTML, anything else
as it is. So an editor's backup of a draft (`knee.md~`, `#knee.md#`,
`knee.md.bak`) would be published as raw source, draft and all, and a post
whose name MkDocs does not read as Markdown (`Knee.MD`, `knee.md.txt`) would
be published as a raw file instead of a page. The rule, the same for
`make check` (which walks docs/ as MkDocs does, `docs_files`) and the build
(which sorts MkDocs' own list, `sort_files`):

- an editor's leftover is never published, and nothing is said of it;
- a Markdown file under a name MkDocs does not read is one line: rename it;
- a link to a file that does not exist is one line: remove it or restore the file;
- a page in a folder whose pages the site makes (equipment/) is one line: move it;
- of two files MkDocs would make one page of (`knee.md`, `knee.markdown`), the second is one line;
- anything else is published.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .types import Problem, excluded_docs

# The file endings MkDocs reads as Markdown pages, in this letter case only (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# What editors leave beside a file they save: backups, autosaves, swap files, merge leftovers (names in lower case).
EDITOR_LEFTOVERS = (
    "*~", "#*#", "~$*", "*.bak", "*.backup", "*.bk", "*.old", "*.orig", "*.rej",
    "*.swp", "*.swo", "*.tmp", "*.temp", "*.sav", "*.save", "*.autosave", "*.kate-swp", "*.crdownload",
)

_MARKDOWN_NAME = re.compile(r"(.+?)\.(md|markdown|mdown|mkdn|mkd)((?:\.[^.]+)*)", re.IGNORECASE)


@dataclass
class DocsFiles:
    """docs/ sorted by what becomes of each file.

    Attributes:
        pages: (path relative to docs/, absolute path, path to show) of each Markdown page, in path order.
        problems: one line per file that cannot be published as it is.
        unpublished: the paths (relative to docs/) of files never published: leftovers and files with a problem.
    """

    pages: list[tuple[str, str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)


def sort_files(files: Iterable[tuple[str, str, str]], made_by_site: tuple[str, ...] = ()) -> DocsFiles:
    """Sort (path relative to docs/, absolute path, path to show) of every file into pages, lines and files left out.

    Args:
        files: every file of docs/.
        made_by_site: folders of docs/ whose pages the site makes (`equipment`): a page of an author's there would be lost.
    """
    found = DocsFiles()
    for src, path, shown in sorted(files):
        name = src.rsplit("/", 1)[-1]
        if is_leftover(name):
            found.unpublished.append(src)
        elif os.path.islink(path) and not os.path.exists(path):
            found.unpublished.append(src)
            found.problems.append(Problem(shown, None, "file", f"is a link to {os.readlink(path)}, which does not exist; remove the link, or put the file back"))
        elif (proper := proper_name(name)) is not None:
            found.unpublished.append(src)
            found.problems.append(Problem(
                shown, None, "file",
                f"is not published: only names ending in {', '.join(MARKDOWN_SUFFIXES)} (lower case) are pages; rename it to {proper}",
            ))
        elif src.endswith(MARKDOWN_SUFFIXES) and (folder := src.split("/", 1)[0]) in made_by_site and "/" in src:
            found.unpublished.append(src)
            found.problems.append(Problem(shown, None, "file", f"is in {folder}/, where the site makes its own pages, which would replace it; move it to another folder"))
        elif src.endswith(MARKDOWN_SUFFIXES):
            found.pages.append((src, path, shown))
    _one_page_each(found)
    return found


def _one_page_each(found: DocsFiles) -> None:
    """Two files of a folder that MkDocs writes as one page (`knee.md`, `knee.markdown`; `index.md`, `README.md`): the second is a line."""
    first: dict[str, str] = {}
    for src, path, shown in list(found.pages):
        folder, name = posixpath.split(src)
        stem = posixpath.splitext(name)[0]
        page = posixpath.join(folder, "" if stem in ("index", "README") else stem)
        if page not in first:
            first[page] = shown
            continue
        found.pages.remove((src, path, shown))
        found.unpublished.append(src)
        found.problems.append(Problem(shown, None, "file", f"is the same page as {first[page]}, as MkDocs names pages by their file; rename or remove one of them"))


def is_leftover(name: str) -> bool:
    """Whether a file name is an editor's backup, autosave or swap file (`knee.md~`, `#knee.md#`, `knee.md.bak`)."""
    return any(fnmatch.fnmatchcase(name.lower(), pattern) for pattern in EDITOR_LEFTOVERS)


def proper_name(name: str) -> str | None:
    """The name a Markdown file needs to be a page, when MkDocs would not read it as one (`Knee.MD` -> `Knee.md`), else None."""
    written = _MARKDOWN_NAME.fullmatch(name)
    if written is None:
        return None
    stem, suffix, _ = written.groups()
    proper = f"{stem}.{suffix.lower()}"
    return None if proper == name else proper


def docs_files(docs_dir: Path, root: Path, exclude_docs: str = "") -> list[tuple[str, str, str]]:
    """(path relative to docs/, absolute path, path relative to root) of every file MkDocs finds in docs/.

    As MkDocs walks it: into linked folders, with links to nothing listed,
    less what `exclude_docs` and MkDocs' defaults leave out.
    """
    excluded = excluded_docs(exclude_docs)
    files = []
    for folder, _, names in os.walk(docs_dir, followlinks=True):
        for name in names:
            path = Path(folder) / name
            src = path.relative_to(docs_dir).as_posix()
            if not excluded.match_file(src):
                files.append((src, str(path), path.relative_to(root).as_posix()))
    return sorted(files)
