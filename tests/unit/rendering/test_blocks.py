"""Where a post's video and routine blocks go in its body."""

from __future__ import annotations

import pytest

from routines.rendering.blocks import assemble, yield_ids


@pytest.mark.parametrize(
    ("html", "placed"),
    [
        ("<p>a</p>\n<!-- video -->\n<p>b</p>\n<!-- routine -->", "<p>a</p>\n[V]\n<p>b</p>\n[R]"),
        ("<p>a</p>\n<!-- routine -->\n<p>b</p>", "<p>a</p>\n[V][R]\n<p>b</p>"),
        ("<p>a <!-- routine --> b</p>", "<p>a <!-- routine --> b</p>[V][R]"),
        ("<p>a</p>", "<p>a</p>[V][R]"),
    ],
)
def test_video_goes_at_its_marker_or_just_before_the_routine(html, placed):
    """`<!-- video -->` places the video; without it, it comes right before the routine."""
    assert assemble(html, "[R]", "[V]") == placed


def test_video_without_routine_goes_at_its_marker_or_last():
    """A plain post with a video: at the marker, else at the end."""
    assert assemble("<p>a</p>\n<!-- video -->\n<p>b</p>", "", "[V]") == "<p>a</p>\n[V]\n<p>b</p>"
    assert assemble("<p>a</p>", "", "[V]") == "<p>a</p>[V]"


@pytest.mark.parametrize(
    ("html", "placed"),
    [
        ("<h1>T</h1>\n<p>a</p>\n<!-- routine -->", "<h1>T</h1>[S]\n<p>a</p>\n[R]"),
        ("<p>a</p>\n<h1>T</h1>\n<h1>U</h1>", "<p>a</p>\n<h1>T</h1>[S]\n<h1>U</h1>[R]"),
        ("<p>a</p>", "[S]<p>a</p>[R]"),
    ],
)
def test_start_goes_right_under_the_title(html, placed):
    """"Start routine" follows the body's first `<h1>`; without one it comes first, just under the theme's title."""
    assert assemble(html, "[R]", "", "[S]") == placed


def test_headings_give_way_to_the_cards_ids():
    """A prose heading titled "Step 2" or "Routine" gets another id; the cards keep theirs, which links point at."""
    prose = '<h2 id="routine">Routine</h2><h2 id="step-2">Step 2</h2><h2 id="step-2-1">Taken</h2><h2 id="why">Why</h2>'
    blocks = '<section id="routine"><li id="step-1"></li><li id="step-2"></li></section>'
    html, renamed = yield_ids(prose, blocks)
    assert renamed == {"routine": "routine-1", "step-2": "step-2-2"}
    assert html == '<h2 id="routine-1">Routine</h2><h2 id="step-2-2">Step 2</h2><h2 id="step-2-1">Taken</h2><h2 id="why">Why</h2>'


def test_only_whole_id_attributes_are_the_cards_ids():
    """A `data-id` or `aria-id` in the blocks is not an id: the heading keeps its own."""
    prose = '<h2 id="step-2">Step 2</h2>'
    html, renamed = yield_ids(prose, '<li data-id="step-2"></li><li aria-id="step-2" id="step-1"></li>')
    assert (html, renamed) == (prose, {})
    html, renamed = yield_ids(prose, '<li\nid="step-2"></li>')
    assert renamed == {"step-2": "step-2-1"}
