"""Recognising the video hosts a post may use, and local video files."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

VIDEO_HELP = (
    "use a YouTube link (watch, youtu.be, shorts or embed), a Vimeo link, "
    "or a local .mp4/.webm file inside docs/"
)
LOCAL_VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}
_VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@dataclass(frozen=True)
class VideoSource:
    """Where a video lives.

    Attributes:
        host: `youtube`, `vimeo` or `file`.
        id: the YouTube or Vimeo id; for a file, its path relative to docs/.
        hash: the privacy hash of an unlisted Vimeo video, if any.
    """

    host: str
    id: str
    hash: str = ""


def parse_video_source(text: str, post_dir: str = "") -> VideoSource:
    """Recognise a video URL or a local path.

    Args:
        text: what the author wrote.
        post_dir: the post's folder relative to docs/, for relative paths.

    Raises:
        ValueError: not a video this site can show; the message says why.
    """
    text = text.strip()
    parts = urlsplit(text)
    if parts.scheme in ("http", "https"):
        host = (parts.hostname or "").removeprefix("www.")
        if host in _YOUTUBE_HOSTS or host == "youtu.be":
            return VideoSource("youtube", _youtube_id(host, parts.path, parts.query))
        if host in _VIMEO_HOSTS:
            return _vimeo(parts.path, parts.query)
        raise ValueError(f"{_quoted(host or text)} is not a supported video host; {VIDEO_HELP}")
    if parts.scheme or parts.netloc:
        raise ValueError(f"{_quoted(text)} is not a supported video address; {VIDEO_HELP}")
    host = text.split("/", 1)[0].lower().removeprefix("www.")
    if host in _YOUTUBE_HOSTS or host == "youtu.be" or host in _VIMEO_HOSTS:
        raise ValueError(f"{_quoted(text)} needs https:// in front: https://{text}")
    return VideoSource("file", local_path(text, post_dir, LOCAL_VIDEO_TYPES, "a video"))


def local_path(text: str, post_dir: str, suffixes: object, what: str) -> str:
    """Resolve a path written in a post to a path relative to docs/.

    A path starting with `/` is relative to docs/; any other is relative to
    the post's folder, as Markdown links are.

    Raises:
        ValueError: the path leaves docs/ or has the wrong kind of ending.
    """
    path = text.split("#", 1)[0].split("?", 1)[0]
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(post_dir, path)
    resolved = posixpath.normpath(joined)
    if resolved.startswith("..") or posixpath.isabs(resolved) or not path:
        raise ValueError(f"{_quoted(text)} must be a file inside docs/")
    suffix = posixpath.splitext(resolved)[1].lower()
    if suffix not in suffixes:
        allowed = ", ".join(sorted(suffixes))
        raise ValueError(f"{_quoted(text)} must be {what} file ({allowed})")
    return resolved


def _youtube_id(host: str, path: str, query: str) -> str:
    segments = [s for s in path.split("/") if s]
    if host == "youtu.be":
        candidate = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        candidate = parse_qs(query).get("v", [""])[0]
    elif len(segments) >= 2 and segments[0] in ("shorts", "embed", "live", "v"):
        candidate = segments[1]
    else:
        candidate = ""
    if candidate == "videoseries" or segments[:1] == ["playlist"]:
        raise ValueError("is a YouTube playlist, not one video; link the video itself: youtube.com/watch?v=ID")
    if not _YOUTUBE_ID.match(candidate):
        raise ValueError(
            "is not a YouTube video link; expected youtube.com/watch?v=ID, "
            "youtu.be/ID, youtube.com/shorts/ID or youtube.com/embed/ID"
        )
    return candidate


def _vimeo(path: str, query: str) -> VideoSource:
    segments = [s for s in path.split("/") if s]
    if segments[:1] == ["video"]:
        segments = segments[1:]
    if not segments or not segments[0].isdigit():
        raise ValueError("is not a Vimeo video link; expected vimeo.com/123456789")
    hash_ = segments[1] if len(segments) > 1 else parse_qs(query).get("h", [""])[0]
    if hash_ and not re.fullmatch(r"[0-9a-f]+", hash_):
        raise ValueError("is not a Vimeo video link; expected vimeo.com/123456789")
    return VideoSource("vimeo", segments[0], hash_)


# -----------------------------------------------------------------------------
# Addresses
# -----------------------------------------------------------------------------


def watch_url(source: VideoSource, file_url: str = "", at: int = 0) -> str:
    """Where a reader without JavaScript watches the video, from `at` seconds."""
    if source.host == "youtube":
        return f"https://www.youtube.com/watch?v={source.id}" + (f"&t={at}s" if at else "")
    if source.host == "vimeo":
        path = f"{source.id}/{source.hash}" if source.hash else source.id
        return f"https://vimeo.com/{path}" + (f"#t={at}s" if at else "")
    return file_url + (f"#t={at}" if at else "")


def embed_url(source: VideoSource) -> str:
    """The host's privacy-friendly player: YouTube's no-cookie domain, Vimeo's player."""
    if source.host == "youtube":
        return f"https://www.youtube-nocookie.com/embed/{source.id}"
    return f"https://player.vimeo.com/video/{source.id}" + (f"?h={source.hash}" if source.hash else "")


def player_src(source: VideoSource, file_url: str = "") -> str:
    """The player's address once the reader presses play; `{t}` is the start second.

    YouTube in privacy-enhanced mode and Vimeo with Do Not Track: neither sets
    cookies for a reader who only plays the video.
    """
    if source.host == "youtube":
        return embed_url(source) + "?autoplay=1&start={t}"
    if source.host == "vimeo":
        joiner = "&" if source.hash else "?"
        return embed_url(source) + joiner + "autoplay=1&dnt=1#t={t}s"
    return file_url + "#t={t}"


def file_type(path: str) -> str:
    """The MIME type of a local video file."""
    return LOCAL_VIDEO_TYPES[posixpath.splitext(path)[1].lower()]
