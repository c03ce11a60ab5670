"""The placement markers in a post's body (`<!-- routine -->`, `<!-- video -->`, `<!-- more -->`).

One rule for the validator and the renderer: a marker is a line of its own,
indented by at most three spaces, outside fenced code. Indented further,
Markdown shows it as code, so it marks nothing.
"""

from __future__ import annotations

import re

from .frontmatter import prose_lines

NAMES = ("routine", "video", "more")

_LINE = r"^ {0,3}<!--[ \t]*(%s)[ \t]*-->[ \t]*$"
_MARKER = re.compile(_LINE % "|".join(NAMES))
_INDENTED = re.compile(r"^(?: {4,}|[ ]*\t)[ \t]*<!--[ \t]*(%s)[ \t]*-->[ \t]*$" % "|".join(NAMES))


def find_markers(body: str) -> dict[str, list[int]]:
    """Body line offsets (0-based) of each placement marker, outside code fences."""
    found: dict[str, list[int]] = {name: [] for name in NAMES}
    for number, line in prose_lines(body):
        marker = _MARKER.match(line)
        if marker:
            found[marker[1]].append(number)
    return found


def indented_markers(body: str) -> list[tuple[int, str]]:
    """(offset, name) of markers indented so far that Markdown would show them as code."""
    return [(number, found[1]) for number, line in prose_lines(body) if (found := _INDENTED.match(line))]


def marker_in_html(name: str) -> re.Pattern[str]:
    """A marker as Python-Markdown passes it into the HTML: still a line of its own."""
    return re.compile(_LINE % re.escape(name), re.M)
