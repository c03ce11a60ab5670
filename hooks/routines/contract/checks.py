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

import yaml

from ..model.post import Post
from ..model.units import plural
from .blog import Blog
from .fields import MARKDOWN_SUFFIXES, SAFE_SCHEMES, validate_front
from .frontmatter import FrontMatter, blocks_of, read_front_matter, shown
from .types import CONTROL_CHARACTERS, Problem, Site, excluded_docs, unpublished



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


def check_pages(
    pages: Iterable[tuple[str, str, str]], post_dirs: tuple[str, ...], site: Site, now: dt.datetime | None = None,
) -> Checked:
    """Read and check every page, what posts share (their addresses), and what pages link to.

    Args:
        pages: (path relative to docs/, absolute path, path to show) of each Markdown page.
        post_dirs: posts folders relative to docs/, ending in `/`.
        site: what posts may refer to.
        now: the moment of the build, for posts dated in the future.
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    checked = Checked()
    shown_as: dict[str, str] = {}
    fronts: dict[str, FrontMatter] = {}
    for src, path, shown_path in pages:
        shown_as[src] = shown_path
        try:
            checked.problems += _check_page(src, path, shown_path, post_dirs, site, checked, fronts)
        except Exception as error:  # noqa: BLE001 - one post's surprise is that post's line, never a traceback
            checked.problems.append(Problem(shown_path, None, "file", f"could not be checked ({type(error).__name__}: {error}); simplify what changed last"))
    checked.problems += _addresses(checked.posts, shown_as, site, now)
    checked.problems += authors_file_problems(site)
    targets = _Targets(site, _made_paths(checked, site, now))
    for src, front in fronts.items():
        checked.problems += [
            Problem(shown_as[src], front.body_line + offset, "body", message)
            for offset, message in broken_links(front.body, src, targets)
        ]
        if src in checked.posts:
            checked.problems += _step_links(front, checked.posts[src][1], src, shown_as[src], targets)
    return checked


def _check_page(
    src: str, path: str, shown_path: str, post_dirs: tuple[str, ...], site: Site, checked: Checked, fronts: dict[str, FrontMatter],
) -> list[Problem]:
    try:
        text = read_page(path)
    except Unreadable as error:
        return [Problem(shown_path, error.line, "file", str(error))]
    checked.texts[src] = text
    front = _front_matter(text)
    if src.startswith(post_dirs) and not front.source and not front.errors:
        return [_no_front_matter(text, shown_path)]
    fronts[src] = front
    if src.startswith(post_dirs):
        post, problems = validate_front(front, shown_path, posixpath.dirname(src), site)
        if post is not None:
            checked.posts[src] = (front, post)
        return problems
    return [Problem(shown_path, line, name, message) for line, name, message in front.errors]


def _front_matter(text: str) -> FrontMatter:
    """A page's front matter, read once per text in a process (`serve` checks every page on every save).

    Its data is a copy: the blog and the hooks change the mapping they are given.
    """
    front = _read_front_matter(text)
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
    taken: dict[str, str] = {_page_path(src): src for src in shown_as if not src.startswith(blog.post_dir)}
    for src, (front, post) in posts.items():
        data, file = front.data, shown_as[src]
        target = _post_address(front, post, blog, src)
        if not target:
            problems.append(Problem(file, front.line_of(("title",)), "title", "has no letters or digits to make the post's address from; add a slug, like: slug: knee-reset"))
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


def authors_file_problems(site: Site) -> list[Problem]:
    """The blog's authors file: valid YAML, and no address in it a browser would run (`javascript:`)."""
    path, shown_path = os.path.join(site.docs_dir, site.blog.authors_file), f"docs/{site.blog.authors_file}"
    if site.blog.authors is None or not os.path.isfile(path):
        return []
    try:
        node = yaml.compose(read_page(path), Loader=yaml.SafeLoader)
    except Unreadable as error:
        return [Problem(shown_path, error.line, "file", str(error))]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(shown_path, mark.line + 1 if mark else None, "authors file", f"is not valid YAML ({getattr(error, 'problem', error)}); check the indentation, and quote text with ': ' in it")]
    problems = []
    for id_node, author in _pairs(_pairs_of(node).get("authors")):
        for field_node, value in _pairs(author):
            scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", value.value) if isinstance(value, yaml.ScalarNode) else None
            if field_node.value in ("url", "avatar") and scheme and scheme[1].lower() not in SAFE_SCHEMES:
                problems.append(Problem(
                    shown_path, value.start_mark.line + 1, f"authors.{id_node.value}.{field_node.value}",
                    f"{scheme[1]}: addresses are not allowed; give a web address (https://...) or a path in docs/",
                ))
    return problems


def _pairs(node: yaml.Node | None) -> list[tuple[yaml.Node, yaml.Node]]:
    return node.value if isinstance(node, yaml.MappingNode) else []


def _pairs_of(node: yaml.Node | None) -> dict[str, yaml.Node]:
    return {key.value: value for key, value in _pairs(node) if isinstance(key, yaml.ScalarNode)}


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

    def missing(self, target: str, src: str) -> str:
        """What is wrong with a link from page `src`, in words, or "" when it works."""
        path = unquote(urlsplit(target).path)
        absolute = path.startswith("/")
        resolved = posixpath.normpath(path.lstrip("/") if absolute else posixpath.join(posixpath.dirname(src), path))
        if resolved.startswith(".."):
            return f'links to "{target}", but docs/{resolved} does not exist; check the path'
        if os.path.exists(os.path.join(self.docs_dir, resolved)):
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
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        if problem := targets.missing(target, src):
            problems.append((offset, problem))
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
    excluded = excluded_docs(exclude_docs)
    pages = []
    for path in sorted(docs_dir.rglob("*")):
        src = path.relative_to(docs_dir).as_posix()
        if path.suffix.lower() in MARKDOWN_SUFFIXES and path.is_file() and not excluded.match_file(src):
            pages.append((src, str(path), path.relative_to(root).as_posix()))
    return pages
