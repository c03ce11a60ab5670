"""Checking every page of a site: front matter, markers, and what the body links to."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote, urlsplit

from .contract import validate_front
from .frontmatter import FrontMatter, prose_lines, read_front_matter
from .model import Post
from .schema import Problem, Site

_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")


@dataclass
class Checked:
    """What checking every page found.

    Attributes:
        problems: every problem of every page.
        posts: each valid post's front matter and model, by path relative to docs/.
    """

    problems: list[Problem] = field(default_factory=list)
    posts: dict[str, tuple[FrontMatter, Post]] = field(default_factory=dict)


def check_pages(pages: Iterable[tuple[str, str, str]], post_dirs: tuple[str, ...], site: Site, links: bool = False) -> Checked:
    """Read and check every page.

    Args:
        pages: (path relative to docs/, absolute path, path to show) of each Markdown page.
        post_dirs: posts folders relative to docs/, ending in `/`.
        site: what posts may refer to.
        links: also check that links and images in bodies point at existing files.
    """
    checked = Checked()
    for src, path, shown in pages:
        try:
            with open(path, encoding="utf-8-sig") as source:
                text = source.read()
        except (OSError, UnicodeDecodeError) as error:
            checked.problems.append(Problem(shown, None, "file", f"cannot be read as UTF-8 text ({error})"))
            continue
        front = read_front_matter(text)
        if src.startswith(post_dirs):
            post, problems = validate_front(front, shown, posixpath.dirname(src), site)
            checked.problems += problems
            if post is not None:
                checked.posts[src] = (front, post)
        else:
            checked.problems += [Problem(shown, line, name, message) for line, name, message in front.errors]
        if links:
            checked.problems += broken_links(front, src, shown, site.docs_dir)
    return checked


def broken_links(front: FrontMatter, src: str, shown: str, docs_dir: str) -> list[Problem]:
    """Relative links and images in the body that point at nothing in docs/."""
    problems = []
    for offset, line in prose_lines(front.body):
        for target in _LINK.findall(line):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = unquote(parts.path)
            resolved = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(src), path))
            if resolved.startswith("..") or not os.path.exists(os.path.join(docs_dir, resolved)):
                problems.append(Problem(
                    shown, front.body_line + offset, "body",
                    f'links to "{target}", but docs/{resolved} does not exist; check the path',
                ))
    return problems


def markdown_pages(docs_dir: Path, root: Path) -> list[tuple[str, str, str]]:
    """(path relative to docs/, absolute path, path relative to root) of every Markdown file."""
    return [
        (path.relative_to(docs_dir).as_posix(), str(path), path.relative_to(root).as_posix())
        for path in sorted(docs_dir.rglob("*.md"))
    ]
