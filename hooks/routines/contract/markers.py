"""The placement markers in a post's body (`<!-- routine -->`, `<!-- video -->`, `<!-- more -->`).

One rule for the validator and the renderer: a marker is a line of its own,
indented by at most three spaces, outside code, comments and the blocks of
lists, quotes and admonitions. Indented further, Markdown shows it as code,
so it marks nothing; inside a block, what it marks would land inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .frontmatter import BodyLine, blocks_of

NAMES = ("routine", "video", "more")

_LINE = r"^ {0,3}<!--[ \t]*(%s)[ \t]*-->[ \t]*$"
_MARKER = re.compile(_LINE % "|".join(NAMES))
_INDENTED = re.compile(r"^(?: {4,}|[ ]*\t)[ \t]*<!--[ \t]*(%s)[ \t]*-->[ \t]*$" % "|".join(NAMES))
COMMENT = "the HTML comment"
_ANYWHERE = re.compile(r"<!--[ \t]*(%s)[ \t]*-->" % "|".join(NAMES))


def find_markers(body: str) -> dict[str, list[int]]:
    """Body line offsets (0-based) of each placement marker, where Markdown reads it as a line of its own."""
    found: dict[str, list[int]] = {name: [] for name in NAMES}
    for line in blocks_of(body):
        marker = _MARKER.match(line.text) if line.kind == "prose" else None
        if marker:
            found[marker[1]].append(line.offset)
    return found


def indented_markers(body: str) -> list[tuple[int, str]]:
    """(offset, name) of markers indented so far that Markdown would show them as code."""
    return [(line.offset, found[1]) for line in blocks_of(body) if line.kind == "code" and (found := _INDENTED.match(line.text))]


@dataclass(frozen=True)
class Enclosed:
    """A marker inside a block: what it marks would land inside that block.

    Attributes:
        offset: the marker's line.
        name: the marker's name.
        block: what encloses it, in words (`the HTML comment`, `the admonition`).
        opened_at: the line that opens that block.
    """

    offset: int
    name: str
    block: str
    opened_at: int


def enclosed_markers(body: str) -> list[Enclosed]:
    """Markers inside an HTML comment, a list, a quote or an admonition."""
    lines = blocks_of(body)
    return [
        Enclosed(line.offset, found[1], _block(line, lines), line.opened_at)
        for line in lines
        if line.kind in ("comment", "nested") and (found := _ANYWHERE.search(line.text))
    ]


def _block(line: BodyLine, lines: list[BodyLine]) -> str:
    if line.kind == "comment":
        return COMMENT
    opener = lines[line.opened_at].text.lstrip()
    if opener.startswith(">"):
        return "the quote"
    if opener.startswith(("!!!", "???")):
        return f"the '{' '.join(opener.split()[:2])}' block"
    return "the list"


def marker_in_html(name: str) -> re.Pattern[str]:
    """A marker as Python-Markdown passes it into the HTML: still a line of its own."""
    return re.compile(_LINE % re.escape(name), re.M)
