"""The start of a post that its excerpt renders."""

from __future__ import annotations

import pytest

from routines.rendering.excerpt import Start, excerpt_source

MORE = "<!-- more -->"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Intro.\n\n<!-- more -->\n\nThe rest.\n", Start("Intro.\n\n<!-- more -->\n\n", True)),
        ("Intro.\n\n<!-- more -->\n\n\n", Start("Intro.\n\n<!-- more -->\n\n", False)),
        (
            "See [a][x] and HTML.\n\n<!-- more -->\n\nRest.\n\n[x]: https://e.org\n*[HTML]: Markup\n[^1]: Note.\n",
            Start("See [a][x] and HTML.\n\n<!-- more -->\n\n[x]: https://e.org\n*[HTML]: Markup\n[^1]: Note.\n", True),
        ),
        (
            "Intro.\n\n```\n<!-- more -->\n```\n\nStill intro.\n\n<!-- more -->\n\n```\n[x]: not a definition\n```\n",
            Start("Intro.\n\n```\n<!-- more -->\n```\n\nStill intro.\n\n<!-- more -->\n\n", True),
        ),
        (
            "One\u2028two\fthree.\nThe last line.\n\n<!-- more -->\n\nThe rest.\n",
            Start("One\u2028two\fthree.\nThe last line.\n\n<!-- more -->\n\n", True),
        ),
    ],
    ids=["plain", "nothing after", "definitions", "code blocks", "line separator and form feed"],
)
def test_the_start_keeps_what_the_excerpt_needs(markdown, expected):
    """Text before the separator, definitions after it, and whether the post goes on."""
    assert excerpt_source(markdown, MORE) == expected


@pytest.mark.parametrize(
    "markdown",
    ["No separator.\n", "```\n<!-- more -->\n```\n", "Intro.\n\n    <!-- more -->\n", "- item\n\n  <!-- more -->\n", "> <!-- more -->\n"],
    ids=["none", "in a fence", "indented code", "in a list", "in a quote"],
)
def test_the_whole_text_when_the_separator_is_not_at_the_top_level(markdown):
    """Where the separator may not split the rendered post, the excerpt renders the whole text, as Material does."""
    assert excerpt_source(markdown, MORE) is None
