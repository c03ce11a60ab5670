"""The Markdown a post's excerpt needs, rather than the whole post.

A list page shows each post's excerpt: the post's HTML up to the excerpt
separator (`<!-- more -->`). Rendering the whole post to keep only its start
costs most of a blog's build, once per list page a post appears on. The start
renders the same on its own, except for what the rest defines for the whole
text: link references, abbreviations and footnotes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..contract.frontmatter import blocks_of, body_lines
from .literal import markdown_literal

# Lines that define something for the whole text (Python-Markdown's syntax):
# `[id]: url`, `*[HTML]: title`, `[^1]: note`.
_DEFINITION = re.compile(r"^ {0,3}(?:\[[^\]]+\]|\*\[[^\]]*\])[ ]?:")


# What an excerpt holds for the rest of a post that goes on: list pages only
# ask whether there is more, to link to it ("Continue reading").
GOES_ON = "<!-- the post goes on -->"


@dataclass(frozen=True)
class Start:
    """The Markdown an excerpt renders, and whether the post goes on after it."""

    source: str
    goes_on: bool


def excerpt_source(markdown: str, separator: str) -> Start | None:
    """The text before the separator, the separator, and what the rest defines.

    Returns:
        None when the whole text is needed: the separator does not start a
        line of its own outside code blocks (indented, it may be code, or
        inside a list or a quote).
    """
    lines = [line + "\n" for line in body_lines(markdown)]  # at "\n" only, as Markdown: U+2028 is text
    lines[-1] = lines[-1][:-1]
    blocks = blocks_of(markdown)
    cut = next((line.offset for line in blocks if line.kind == "prose" and line.text.rstrip() == separator), None)
    if cut is None:
        return None
    prose = {line.offset for line in blocks if line.kind in ("prose", "nested")}
    definitions, goes_on = [], False
    for offset in range(cut + 1, len(lines)):
        line = lines[offset]
        if offset in prose and _DEFINITION.match(line):
            definitions.append(line)
        elif line.strip():
            goes_on = True
    return Start("".join([*lines[:cut], separator, "\n\n", *definitions]), goes_on)


_COMMENT = re.compile(r"<!--.*?(?:-->|$)")  # to the end of the line when it goes on below


def opening_prose(markdown: str) -> str:
    """A post's own paragraphs, for a summary: no code, HTML comments, admonitions, lists or quotes."""
    return "\n".join(_COMMENT.sub("", line.text) for line in blocks_of(markdown) if line.kind == "prose")


@functools.lru_cache(maxsize=4096)  # a post is on several list pages; `serve` asks again every build
def excerpt_markdown(whole: str, title: str, separator: str, titled: bool) -> tuple[str, Start | None]:
    """What an excerpt renders, and the start it was cut from (None: the whole text).

    Args:
        whole: the post's Markdown.
        title: the post's title, shown as a heading unless the text has its own (`titled`),
            written so Markdown shows it as text (`**Bold**` stays as typed).
        separator: the excerpt separator.
    """
    start = excerpt_source(whole, separator)
    source = whole if start is None else start.source
    return (source if titled else f"# {markdown_literal(title)}\n\n{source}"), start


def excerpt_key(post, view, separator: str) -> tuple:
    """Everything a post's excerpt, rendered on a list page, is made from (but the files its links name).

    Args:
        post: a blog post (its Markdown, title, source path and address).
        view: the list page it is shown on (its address).
    """
    source, _ = excerpt_markdown(post.markdown, post.title, separator, bool(post._title_from_render))
    return ("excerpt", separator, post.file.src_uri, post.url, view.url, source)
