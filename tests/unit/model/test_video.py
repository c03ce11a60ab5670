"""Recognising video hosts and files, and their privacy-friendly players and links."""

from __future__ import annotations

import pytest

from routines.model.video import VideoSource, parse_video_source, player_src, watch_url

YT = VideoSource("youtube", "AbCdEfGhIjK")
VIMEO = VideoSource("vimeo", "76979871")
UNLISTED = VideoSource("vimeo", "76979871", "8f2a1c3b4d")
FILE = VideoSource("file", "blog/posts/media/calf.mp4")


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://www.youtube.com/watch?v=AbCdEfGhIjK&t=10", VideoSource("youtube", "AbCdEfGhIjK")),
        ("https://m.youtube.com/watch?feature=share&v=AbCdEfGhIjK", VideoSource("youtube", "AbCdEfGhIjK")),
        ("https://youtu.be/AbCdEfGhIjK?si=x", VideoSource("youtube", "AbCdEfGhIjK")),
        ("https://youtube.com/shorts/AbCdEfGhIjK", VideoSource("youtube", "AbCdEfGhIjK")),
        ("https://www.youtube.com/embed/AbCdEfGhIjK", VideoSource("youtube", "AbCdEfGhIjK")),
        ("https://vimeo.com/76979871", VideoSource("vimeo", "76979871")),
        ("https://vimeo.com/76979871/8f2a1c3b4d", VideoSource("vimeo", "76979871", "8f2a1c3b4d")),
        ("https://player.vimeo.com/video/76979871?h=8f2a1c3b4d", VideoSource("vimeo", "76979871", "8f2a1c3b4d")),
        ("knee.mp4", VideoSource("file", "blog/posts/knee.mp4")),
        ("../media/knee.webm", VideoSource("file", "blog/media/knee.webm")),
        ("/videos/knee.mp4", VideoSource("file", "videos/knee.mp4")),
    ],
)
def test_video_sources(url, source):
    """Every accepted video form is recognised, relative paths from the post's folder."""
    assert parse_video_source(url, "blog/posts") == source


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
