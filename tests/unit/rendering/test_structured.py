"""Structured data: a post's VideoObject and its clips, as JSON-LD safe inside <script>."""

from __future__ import annotations

import datetime as dt
import json

from routines.model.post import Post, Routine, Step, Video
from routines.model.video import VideoSource, embed_url
from routines.rendering.structured import clips, iso_duration, script_json, video_object

YT = VideoSource("youtube", "AbCdEfGhIjK")


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
