"""Placement markers: one rule (a line of its own, indented at most three spaces, outside code) for the validator and the renderer."""

from __future__ import annotations

import pytest

from routines.contract.markers import COMMENT, Enclosed, enclosed_markers, find_markers, indented_markers, marker_in_html


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Intro\n\n<!-- routine -->\n", {"routine": [2]}),
        ("   <!--routine-->  \n", {"routine": [0]}),
        ("<!-- more -->\n\n<!-- video -->\n", {"more": [0], "video": [2]}),
        ("Text <!-- routine --> inline\n", {}),
        ("```\n<!-- routine -->\n```\n", {}),
        ("    <!-- routine -->\n", {}),
        ("!!! note\n    <!-- routine -->\n", {}),
        ("- item\n\n    <!-- more -->\n", {}),
        ("<!-- notes\n<!-- more -->\n", {}),
    ],
)
def test_a_marker_is_a_line_of_its_own_outside_code(body, found):
    assert {name: lines for name, lines in find_markers(body).items() if lines} == found


def test_a_marker_indented_into_code_is_named_so_the_author_can_unindent_it():
    assert indented_markers("Intro\n\n    <!-- video -->\n") == [(2, "video")]
    assert indented_markers("\t<!-- routine -->\n") == [(0, "routine")]


@pytest.mark.parametrize(("html", "marks"), [("<p>a</p>\n<!-- routine -->\n", True), ("<p>a <!-- routine --> b</p>", False)])
def test_the_renderer_finds_in_html_what_the_validator_found_in_markdown(html, marks):
    assert bool(marker_in_html("routine").search(html)) is marks


@pytest.mark.parametrize(
    ("body", "enclosed"),
    [
        ("Intro\n\n!!! note\n    Text.\n\n    <!-- more -->\n", [Enclosed(5, "more", "the '!!! note' block", 2)]),
        ('???+ tip "Why"\n    <!-- routine -->\n', [Enclosed(1, "routine", "the '???+ tip' block", 0)]),
        ("- First\n\n    <!-- video -->\n", [Enclosed(2, "video", "the list", 0)]),
        ("> Quote\n> <!-- more -->\n", [Enclosed(1, "more", "the quote", 0)]),
        ("<!-- notes\n<!-- routine -->\n-->\n", [Enclosed(1, "routine", COMMENT, 0)]),
        ("!!! note\n    Text.\n\n<!-- more -->\n", []),
        ("```\n!!! note\n    <!-- more -->\n```\n", []),
    ],
)
def test_a_marker_inside_a_block_is_named_with_the_block(body, enclosed):
    """A marker in a comment, a list, a quote or an admonition is named with what encloses it, and where that opens."""
    assert enclosed_markers(body) == enclosed
    assert not indented_markers(body)
