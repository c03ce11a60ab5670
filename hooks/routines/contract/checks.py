"""Checking every page of a site: front matter, markers, addresses, and what bodies link to.

`make check` and the build call `check_pages` on the same files (`markdown_pages`
finds what MkDocs finds), so they report the same lines.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import unquote, urlsplit

from ..model.post import Post
from ..model.units import plural
from .blog import SLUG_BYTES, Blog
from .fields import RelatedLinks, validate_authors_file, validate_front, validate_page_front
from .files import docs_files, is_leftover, sort_files
from .frontmatter import FrontMatter, blocks_of, read_front_matter, shown
from .types import CONTROL_CHARACTERS, Problem, Site, unpublished



@dataclass
class Checked:
    """What checking every page found.

    Attributes:
        problems: every problem of every page.
        posts: each valid post's front matter and model, by path relative to docs/.
        texts: the text of every page read, by path relative to docs/.
    """

    problems: list[Problem] = field(default_factory=list)
    posts: dict[str, tuple[FrontMatter, Post]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


class Remembered:
    """What each page's own checks found, kept from one check of a site to the next (`serve` checks every page at every save).

    A page with the same text gives the same lines and model again, as long
    as nothing else it may name changed: the site's settings and the pages
    there are (a related link names one). Whoever keeps it forgets it when
    any other file of docs/ changes (a poster, a video), as `serve` does.
    """

    def __init__(self) -> None:
        self._of: tuple | None = None
        self._pages: dict[tuple[str, str, str], tuple] = {}

    def of(self, site: Site, srcs: frozenset[str]) -> dict[tuple[str, str, str], tuple]:
        """Each page's checks, by (path relative to docs/, path to show, text), for this site and these pages."""
        if self._of != (site, srcs):
            self._of, self._pages = (site, srcs), {}
        return self._pages


def check_pages(
    pages: Iterable[tuple[str, str, str]], post_dirs: tuple[str, ...], site: Site, now: dt.datetime | None = None,
    remembered: Remembered | None = None,
) -> Checked:
    """Read and check every page, what posts share (their addresses), and what pages link to.

    Args:
        pages: (path relative to docs/, absolute path, path to show) of each Markdown page, in any order
            (they are read in path order, so of two posts at one address the same one is named).
        post_dirs: posts folders relative to docs/, ending in `/`.
        site: what posts may refer to.
        now: the moment of the build, for posts dated in the future.
        remembered: what an earlier check of the same site found, used again for a page whose text is the same.
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    checked = Checked()
    shown_as: dict[str, str] = {}
    fronts: dict[str, FrontMatter] = {}
    pages = sorted(pages)
    known = remembered.of(site, frozenset(src for src, _, _ in pages)) if remembered is not None else {}
    for src, path, shown_path in pages:
        shown_as[src] = shown_path
        try:
            checked.problems += _check_page(src, path, shown_path, post_dirs, site, checked, fronts, known)
        except Exception as error:  # noqa: BLE001 - one post's surprise is that post's line, never a traceback
            checked.problems.append(Problem(shown_path, None, "file", f"could not be checked ({type(error).__name__}: {error}); simplify what changed last"))
    checked.problems += _addresses(checked.posts, shown_as, site, now)
    targets = _Targets(site, _made_paths(checked, site, now))
    for src, front in fronts.items():
        checked.problems += [
            Problem(shown_as[src], front.body_line + offset, "body", message)
            for offset, message in broken_links(front.body, src, targets)
        ]
        if src in checked.posts:
            checked.problems += _step_links(front, checked.posts[src][1], src, shown_as[src], targets)
    checked.problems += _links_to_unpublished(checked, shown_as, site, now)
    authors = _authors_file(site)
    if authors:
        checked.problems += authors
        for front, _ in checked.posts.values():
            front.data.pop("authors", None)  # until the file is right, the blog plugin looks up no author
    return checked


def _authors_file(site: Site) -> list[Problem]:
    """The blog's authors file, checked as the blog plugin reads it (no file: no authors, and nothing to say)."""
    blog = site.blog
    path = os.path.join(site.docs_dir, blog.authors_file)
    if not blog.reads_authors or not os.path.isfile(path):
        return []
    shown_path = f"{posixpath.basename(os.path.normpath(site.docs_dir))}/{blog.authors_file}"
    try:
        text = read_page(path)
    except Unreadable as error:
        return [Problem(shown_path, error.line, "file", str(error))]
    front = read_front_matter(f"---\n{text}\n---\n\n")
    return [
        dataclasses.replace(problem, line=problem.line - 1 if problem.line else None)
        for problem in validate_authors_file(front, shown_path, site)
    ]


def _check_page(
    src: str, path: str, shown_path: str, post_dirs: tuple[str, ...], site: Site, checked: Checked,
    fronts: dict[str, FrontMatter], known: dict[tuple[str, str, str], tuple],
) -> list[Problem]:
    try:
        text = read_page(path)
    except Unreadable as error:
        return [Problem(shown_path, error.line, "file", str(error))]
    checked.texts[src] = text
    key = (src, shown_path, text)
    if key not in known:
        known[key] = _page_checks(src, text, shown_path, post_dirs, site)
    front, post, problems = known[key]
    if front is not None:
        fronts[src] = front = _copied(front)
        if post is not None:
            checked.posts[src] = (front, post)
    return problems


def check_page(src: str, text: str, shown_path: str, post_dirs: tuple[str, ...], site: Site) -> tuple[FrontMatter | None, Post | None, list[Problem]]:
    """One page's own checks, without what it shares with the others (its address, its links): its front matter, its model if it is a valid post, and its problems."""
    front, post, problems = _page_checks(src, text, shown_path, post_dirs, site)
    return (_copied(front) if front is not None else None), post, problems


def _page_checks(src: str, text: str, shown_path: str, post_dirs: tuple[str, ...], site: Site) -> tuple[FrontMatter | None, Post | None, list[Problem]]:
    """A page's front matter (None for a post without any), its model if it is a valid post, and its problems."""
    front = _read_front_matter(text)
    if src.startswith(post_dirs) and not front.source and not front.errors:
        return None, None, [_no_front_matter(text, shown_path)]
    if src.startswith(post_dirs):
        post, problems = validate_front(_copied(front), shown_path, posixpath.dirname(src), site)
        return front, post, problems
    problems = [Problem(shown_path, line, name, message) for line, name, message in front.errors]
    return front, None, problems + (validate_page_front(_copied(front), shown_path, posixpath.dirname(src), site) if not front.errors else [])


def _copied(front: FrontMatter) -> FrontMatter:
    """Front matter read once per text in a process, with its own data: the blog and the hooks change the mapping they are given."""
    return dataclasses.replace(front, data=copy.deepcopy(front.data))


@functools.lru_cache(maxsize=4096)
def _read_front_matter(text: str) -> FrontMatter:
    return read_front_matter(text)


# -----------------------------------------------------------------------------
# Addresses and publishing: what the blog plugin would do with every post
# -----------------------------------------------------------------------------


def _addresses(posts: dict[str, tuple[FrontMatter, Post]], shown_as: dict[str, str], site: Site, now: dt.datetime) -> list[Problem]:
    """Every post has an address of its own, made of one safe slug; a post dated in the future waits."""
    blog = site.blog
    problems: list[Problem] = []
    taken: dict[str, str] = {}
    for src in shown_as:
        if src.startswith(blog.post_dir):
            continue
        other = taken.setdefault(_page_path(src), src)
        if other != src:
            problems.append(Problem(shown_as[src], None, "file", f"is the same page as {shown_as[other]} (both are written to /{_page_path(src)}); rename or move one of them"))
    for src, (front, post) in posts.items():
        data, file = front.data, shown_as[src]
        target = _post_address(front, post, blog, src)
        if not target:
            problems.append(Problem(file, front.line_of(("title",)), "title", "has no letters or digits to make the post's address from; add a slug, like: slug: knee-reset"))
            continue
        folder = posixpath.basename(target.rstrip("/"))
        if len(folder.encode()) > SLUG_BYTES:
            field_name = "slug" if data.get("slug") else "title"
            fix = "shorten it" if field_name == "slug" else "add a shorter slug, like: slug: knee-reset"
            problems.append(Problem(
                file, front.line_of((field_name,)), field_name,
                f"makes an address too long to be a file name ({len(folder.encode())} bytes, where a name holds {SLUG_BYTES} and a Chinese or Japanese letter takes 3); {fix}",
            ))
            continue
        if target in taken:
            other = shown_as[taken[target]]
            field_name = "slug" if data.get("slug") else "title"
            problems.append(Problem(
                file, front.line_of((field_name,)), field_name,
                f"gives the same address as {other} (/{target}); change the slug or the date of one of them",
            ))
        else:
            taken[target] = src
        if data.get("draft") is False and post.date is not None and blog.future_is_draft and blog.is_future(post.date, now):
            problems.append(Problem(
                file, front.line_of(("draft",)), "draft",
                f"false would publish this post before its date ({shown(post.date)}); remove 'draft: false' and it appears on that date",
            ))
    return problems


def left_out(checked: Checked, shown_as: dict[str, str], site: Site, now: dt.datetime | None = None) -> list[str]:
    """The valid posts a build leaves out, one line each with why and how to publish it."""
    now = now or dt.datetime.now(dt.timezone.utc)
    blog = site.blog
    lines = []
    for src, (front, post) in sorted(checked.posts.items()):
        file = shown_as.get(src, src)
        if front.data.get("draft") is True:
            lines.append(f"{file}: not published: it says draft: true (delete that line to publish it)")
        elif _waits(front, post, blog, now):
            lines.append(f"{file}: not published yet: dated {shown(post.date)}, it appears with the first publish on or after that day")
    return lines


def addresses(checked: Checked, site: Site, now: dt.datetime | None = None) -> tuple[dict[str, str], set[str]]:
    """Where a build puts each post it publishes (drafts and dates to come left out), by its file, and every page's address.

    Returns:
        ({post file: its address (`blog/2024/01/17/knee/`)}, the addresses of every page built).
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    blog = site.blog
    posts = {
        src: _post_address(front, post, blog, src)
        for src, (front, post) in checked.posts.items()
        if front.data.get("draft") is not True and not _waits(front, post, blog, now)
    }
    posts = {src: url for src, url in posts.items() if url}
    pages = {_page_path(src) for src in checked.texts if not src.startswith(blog.post_dir)}
    return posts, pages | set(posts.values())


def _post_address(front: FrontMatter, post: Post, blog: Blog, src: str) -> str:
    """The address the blog gives a post (`blog/2024/01/17/knee/`), or "" when its title makes no slug."""
    slug = blog.slug(post.title, front.data.get("slug") or "")
    named = re.search(r"[^\W_]", slug)  # "-" alone, from a title of dashes, names nothing
    return _page_path(blog.post_path(slug, post.date, post.categories, src)) if named else ""


def _waits(front: FrontMatter, post: Post, blog: Blog, now: dt.datetime) -> bool:
    """Whether a post dated in the future is left out until its date."""
    return post.date is not None and blog.future_is_draft and blog.is_future(post.date, now) and front.data.get("draft") is not False


def _page_path(src: str) -> str:
    """The folder a Markdown page is written to (`blog/2024/01/17/knee/`), with directory URLs."""
    stem = posixpath.splitext(src)[0]
    if posixpath.basename(stem) in ("index", "README"):
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""


# -----------------------------------------------------------------------------
# Links
# -----------------------------------------------------------------------------

_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_ESCAPED = re.compile(r"\\[\\`*_{}\[\]()#+\-.!]")
_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(?:<([^<>\n]*)>|([^()\s]+(?:\([^()\s]*\)[^()\s]*)*))(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
_REFERENCE = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:[ ]?\[([^\[\]]*)\])?")
_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)([^\]]+)\]:[ \t]*<?([^\s>]+)>?")  # `[^1]: text` is a footnote


def _markdown_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of text Markdown reads as Markdown: no code, comments or escapes."""
    in_comment = False
    for block in blocks_of(text):
        offset, line = block.offset, block.text
        if block.kind in ("fence", "code"):
            continue
        if in_comment or "<!--" in line:
            kept, rest = "", line
            while rest:
                if in_comment:
                    end = rest.find("-->")
                    in_comment, rest = end < 0, "" if end < 0 else rest[end + 3:]
                else:
                    start = rest.find("<!--")
                    kept, rest = (kept + rest, "") if start < 0 else (kept + rest[:start], rest[start + 4:])
                    in_comment = start >= 0
            line = kept
        yield offset, _ESCAPED.sub("  ", _CODE_SPAN.sub(lambda m: " " * len(m[0]), line))


def links(text: str) -> list[tuple[int, str]]:
    """(line offset, target) of every link and image Markdown would make of a text."""
    lines = list(_markdown_lines(text))
    definitions = {}
    for _, line in lines:
        if found := _DEFINITION.match(line):
            definitions.setdefault(" ".join(found[1].lower().split()), found[2])
    found_links = []
    for offset, line in lines:
        if _DEFINITION.match(line):
            continue
        found_links += [(offset, m[1] if m[1] is not None else m[2]) for m in _INLINE.finditer(line)]
        for m in _REFERENCE.finditer(_INLINE.sub(" ", line)):
            name = " ".join((m[2] or m[1]).lower().split())
            if name in definitions:
                found_links.append((offset, definitions[name]))
    return found_links


# What mkdocs-rss-plugin writes at the top of the site.
FEEDS = ("feed_rss_created.xml", "feed_rss_updated.xml", "feed_json_created.json", "feed_json_updated.json")


class _Targets:
    """What a link may point at: a file MkDocs publishes, or a page or feed the build adds."""

    def __init__(self, site: Site, made: set[str]) -> None:
        self.docs_dir, self.made = site.docs_dir, made
        self.publishes = site.publishes

    def missing(self, target: str, resolved: str, src: str) -> str:
        """What is wrong with a link from page `src` to `resolved` (relative to docs/, `_resolved`), in words, or "" when it works."""
        absolute = unquote(urlsplit(target).path).startswith("/")
        if resolved.startswith(".."):
            return f'links to "{target}", but docs/{resolved} does not exist; check the path'
        if os.path.exists(os.path.join(self.docs_dir, resolved)):
            if is_leftover(posixpath.basename(resolved)):
                return f'links to "{target}", an editor\'s copy, which is never published; link the file itself'
            return "" if self.publishes(resolved) else f'links to "{target}", but {unpublished(resolved)}'

        # A page the build adds: by its Markdown path (`series/x.md`), or by its address from the top
        # (`/equipment/x/`) or from an index page, whose address is its folder.
        by_address = absolute or posixpath.basename(src) in ("index.md", "README.md")
        if resolved in self.made and (resolved.endswith(".md") or by_address) or by_address and f"{resolved}/" in self.made:
            return ""
        if absolute and not posixpath.splitext(resolved)[1]:
            return f'links to "{target}", but the site has no page at /{resolved}/ and docs/{resolved} does not exist; check the address'
        return f'links to "{target}", but docs/{resolved} does not exist; check the path'


def _made_paths(checked: Checked, site: Site, now: dt.datetime) -> set[str]:
    """Every page and feed the build adds for the posts it publishes, as paths in docs/ and addresses."""
    published, _ = addresses(checked, site, now)
    posts = [checked.posts[src][1] for src in published]
    return {*FEEDS, *published.values(), *site.blog.list_pages(posts), *(site.made(posts) if site.made else ())}


def broken_links(text: str, src: str, targets: _Targets) -> list[tuple[int, str]]:
    """(line offset, what is wrong) of relative links and images in a Markdown text that point at nothing the site has."""
    problems = []
    for offset, target in links(text):
        if (resolved := _resolved(target, src)) is not None and (problem := targets.missing(target, resolved, src)):
            problems.append((offset, problem))
    return problems


def _resolved(target: str, src: str) -> str | None:
    """What a link in the page at `src` points at, relative to docs/ (`blog/posts/knee.md`); None for a web address or an anchor."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    return posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(src), path))


def _links_to_unpublished(checked: Checked, shown_as: dict[str, str], site: Site, now: dt.datetime) -> list[Problem]:
    """A published page may not link to a post readers cannot see yet: the link would lead nowhere, its address showing the title."""
    waiting = {
        src: f"a draft (draft: true); remove the link, or publish {shown_as[src]}" if front.data.get("draft") is True
        else f"a post not published until {shown(post.date)}; remove the link until then"
        for src, (front, post) in checked.posts.items()
        if front.data.get("draft") is True or _waits(front, post, site.blog, now)
    }
    if not waiting:
        return []
    problems = []
    for src, text in checked.texts.items():
        if src in waiting:
            continue  # not published either: it may link to another post still to come
        front = _read_front_matter(text)
        texts = [(front.body, lambda offset: front.body_line + offset, "body")]
        _, post = checked.posts.get(src, (None, None))
        for index, step in enumerate(post.routine.steps if post and post.routine else ()):
            if step.text:
                where = ("routine", "steps", index, "text")
                texts.append((step.text, lambda offset, where=where: front.line_of(where), front.name_of(where)))
        for body, line_of, name in texts:
            for offset, target in links(body):
                reason = waiting.get(_resolved(target, src))
                if reason:
                    problems.append(Problem(shown_as[src], line_of(offset), name, f'links to "{target}", {reason}'))
        for where, page in RelatedLinks.pages(front.data.get("links") if post else None):
            if page in waiting:
                problems.append(Problem(shown_as[src], front.line_of(where), front.name_of(where), f'names {page}, {waiting[page]}'))
    return problems


def _step_links(front: FrontMatter, post: Post, src: str, shown_path: str, targets: _Targets) -> list[Problem]:
    """Links in steps' `text`, checked like the body's, at the line of each `text:`."""
    problems = []
    for index, step in enumerate(post.routine.steps if post.routine else ()):
        if step.text:
            path = ("routine", "steps", index, "text")
            problems += [
                Problem(shown_path, front.line_of(path), front.name_of(path), message)
                for _, message in broken_links(step.text, src, targets)
            ]
    return problems


# -----------------------------------------------------------------------------
# Files
# -----------------------------------------------------------------------------

_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
_SAVE_AS_UTF8 = "save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)"


class Unreadable(Exception):
    """A page that is not text MkDocs can read; the message says why and what to do, at `line`."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def read_page(path: str) -> str:
    """A page's text as MkDocs reads it (UTF-8, a byte order mark left out).

    Raises:
        Unreadable: another encoding, or characters no page can show, at their line.
    """
    with open(path, "rb") as source:
        data = source.read()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data.count(b"\x00") * 4 >= len(data) > 0 and _is_utf16(data):
        raise Unreadable(1, f"is saved as UTF-16, which MkDocs cannot read; {_SAVE_AS_UTF8}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise Unreadable(line, f"this line is not UTF-8 text (saved as Latin-1 or Windows-1252?); {_SAVE_AS_UTF8}") from None
    if control := _CONTROL.search(text):
        line = text.count("\n", 0, control.start()) + 1
        what = "a NUL character (a zero byte)" if control[0] == "\x00" else f"an invisible control character (U+{ord(control[0]):04X})"
        raise Unreadable(line, f"this line has {what}, which no page can show; delete it")
    return text


def _is_utf16(data: bytes) -> bool:
    try:
        data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
    except UnicodeDecodeError:
        return False
    return True


def _no_front_matter(text: str, shown_path: str) -> Problem:
    """A post without front matter: where it went wrong, as one line."""
    stripped = text.lstrip()
    if not stripped:
        return Problem(shown_path, 1, "file", "is empty; write the post in it (make post TITLE=\"...\" starts one), or delete the file")
    if stripped.startswith("---"):
        above = text.count("\n", 0, len(text) - len(stripped))
        return Problem(shown_path, 1, "front matter", f"must start on the file's first line; delete the {plural(above, 'blank line')} above its '---'")
    return Problem(shown_path, 1, "front matter", "is missing; a post starts with '---', title: and date: on lines of their own, then '---'")


def markdown_pages(docs_dir: Path, root: Path, exclude_docs: str = "") -> list[tuple[str, str, str]]:
    """(path relative to docs/, absolute path, path relative to root) of every page MkDocs builds."""
    return sort_files(docs_files(docs_dir, root, exclude_docs)).pages
