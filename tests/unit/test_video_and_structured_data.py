"""Video addresses, structured data and where blocks go in the body."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from routines.model.post import Post, Routine, Step, Video
from routines.rendering.blocks import assemble
from routines.rendering.structured import clips, iso_duration, script_json, video_object
from routines.model.video import VideoSource, embed_url, player_src, watch_url

YT = VideoSource("youtube", "AbCdEfGhIjK")
VIMEO = VideoSource("vimeo", "76979871")
UNLISTED = VideoSource("vimeo", "76979871", "8f2a1c3b4d")
FILE = VideoSource("file", "blog/posts/media/calf.mp4")


@pytest.mark.parametrize(
    ("source", "at", "url"),
    [
        (YT, 0, "https://www.youtube.com/watch?v=AbCdEfGhIjK"),
        (YT, 185, "https://www.youtube.com/watch?v=AbCdEfGhIjK&t=185s"),
        (VIMEO, 185, "https://vimeo.com/76979871#t=185s"),
        (UNLISTED, 0, "https://vimeo.com/76979871/8f2a1c3b4d"),
        (FILE, 185, "media/calf.mp4#t=185"),
    ],
)
def test_watch_links_without_javascript(source, at, url):
    """Every step link works as a plain link to the video at its moment."""
    assert watch_url(source, "media/calf.mp4", at) == url


@pytest.mark.parametrize(
    ("source", "src"),
    [
        (YT, "https://www.youtube-nocookie.com/embed/AbCdEfGhIjK?autoplay=1&start={t}"),
        (VIMEO, "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1#t={t}s"),
        (UNLISTED, "https://player.vimeo.com/video/76979871?h=8f2a1c3b4d&autoplay=1&dnt=1#t={t}s"),
        (FILE, "media/calf.mp4#t={t}"),
    ],
)
def test_players_are_the_privacy_friendly_ones(source, src):
    """YouTube through youtube-nocookie.com, Vimeo with Do Not Track."""
    assert player_src(source, "media/calf.mp4") == src


def test_iso_durations():
    """Durations in structured data are ISO 8601."""
    assert [iso_duration(s) for s in (0, 45, 310, 3725)] == ["PT0S", "PT45S", "PT5M10S", "PT1H2M5S"]


def post(duration=None, at=(45, None, 270)) -> Post:
    steps = tuple(Step(title=f"Step {n}", kind="mobility", video_at=t) for n, t in enumerate(at, 1))
    return Post(
        title="Knee", description="Knee routine", routine=Routine(steps=steps),
        video=Video(url="u", source=YT, duration=duration), date=dt.date(2024, 1, 17),
    )


def test_clips_end_where_the_next_begins_or_at_the_end():
    """Steps without video_at are skipped; the last clip ends with the video."""
    assert clips(post(duration=300)) == [(1, "Step 1", 45, 270), (3, "Step 3", 270, 300)]
    assert clips(post()) == [(1, "Step 1", 45, 270), (3, "Step 3", 270, None)]


def test_video_object_with_clips():
    """A VideoObject names the video and has one Clip per marked step."""
    data = video_object(post(duration=300), "https://x.org/knee/", dt.date(2024, 1, 17), embed_url(YT), "", "https://x.org/p.png")
    assert data["@type"] == "VideoObject" and data["duration"] == "PT5M" and data["uploadDate"] == "2024-01-17"
    assert data["embedUrl"] == "https://www.youtube-nocookie.com/embed/AbCdEfGhIjK"
    assert data["hasPart"] == [
        {"@type": "Clip", "name": "Step 1", "startOffset": 45, "url": "https://x.org/knee/?t=45", "endOffset": 270},
        {"@type": "Clip", "name": "Step 3", "startOffset": 270, "url": "https://x.org/knee/?t=270", "endOffset": 300},
    ]


def test_json_ld_cannot_close_its_script():
    """A title with </script> stays inside the JSON and the JSON stays valid."""
    data = {"name": "</script><script>alert(1)</script> & <!--"}
    text = script_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


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
