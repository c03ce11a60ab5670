"""Headings in a step's text, placed under the card's title."""

from __future__ import annotations

import markdown
import pytest

from routines.rendering.markdown_blocks import HeadingsBelow


def headings(text: str, parent: int = 3) -> list[str]:
    html = markdown.markdown(text, extensions=[HeadingsBelow(parent)])
    return [line.split(">")[0].lstrip("<") for line in html.splitlines() if line.startswith("<h")]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("## Setup\n\n### Then", ["h4", "h5"]),  # the top heading goes just below the parent
        ("### Only", ["h4"]),
        ("# A\n\n#### B\n\n###### C", ["h4", "h6", "h6"]),  # no deeper than h6
        ("#### Deep\n\n## Up", ["h6", "h4"]),  # measured from the text's top heading, wherever it is
        ("Just a paragraph.", []),
    ],
)
def test_top_heading_goes_just_below_the_parent(text: str, tags: list[str]) -> None:
    assert headings(text) == tags
