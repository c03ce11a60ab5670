"""Structured data (schema.org JSON-LD): a post as a BlogPosting, its video and steps, and every page's breadcrumbs."""

from __future__ import annotations

import datetime as dt
import json

from ..model.post import Post


def iso_duration(seconds: int) -> str:
    """ISO 8601 duration: 310 -> PT5M10S."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + (f"{secs}S" if secs or not seconds else "")


def clips(post: Post) -> list[tuple[int, str, int, int | None]]:
    """(step number, title, start, end) for every step that has `video_at`.

    A clip ends where the next clip starts, or at the end of the video when
    its duration is known.
    """
    if not post.routine or not post.video:
        return []
    marked = sorted(
        ((step.video_at, number, step.title) for number, step in enumerate(post.routine.steps, 1) if step.video_at is not None),
    )
    ends = [start for start, _, _ in marked[1:]] + [post.video.duration]
    return [(number, title, start, end) for (start, number, title), end in zip(marked, ends)]


def video_object(post: Post, page_url: str, published: dt.date | None, embed: str, content: str, thumbnail: str) -> dict:
    """A schema.org VideoObject with one Clip per step that has `video_at`.

    Args:
        post: the validated post.
        page_url: the post's absolute address.
        published: the post's date, as the upload date.
        embed: the player's address for hosted videos ("" for a file).
        content: the file's absolute address for local videos ("" otherwise).
        thumbnail: an absolute image address, or "".
    """
    video = post.video
    data: dict = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "@id": video_id(page_url),
        "name": video.title or post.title,
        "description": post.description or post.title,
    }
    if published:
        data["uploadDate"] = published.isoformat()
    if thumbnail:
        data["thumbnailUrl"] = thumbnail
    if embed:
        data["embedUrl"] = embed
    if content:
        data["contentUrl"] = content
    if video.duration:
        data["duration"] = iso_duration(video.duration)
    parts = []
    for number, title, start, end in clips(post):
        # Google wants a clip's URL to be the video's page with a time parameter;
        # the post opens at that step and plays from there (video-facade.js).
        clip = {"@type": "Clip", "name": title, "startOffset": start, "url": f"{page_url}?t={start}"}
        if end is not None:
            clip["endOffset"] = end
        parts.append(clip)
    if parts:
        data["hasPart"] = parts
    return data


def script_json(data: dict | list) -> str:
    """JSON safe inside <script>: no `<`, `>` or `&` that could close or open a tag."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def organization(name: str, url: str) -> dict:
    """The site as a schema.org Organization: author and publisher of its posts."""
    return {"@type": "Organization", "name": name, "url": url}


def blog_posting(
    post: Post, url: str, image: str, site: dict, series: tuple[str, str] | None = None, modified: dt.date | None = None,
    video: bool = False,
) -> dict:
    """A schema.org BlogPosting for a post.

    Args:
        post: the validated post.
        url: the post's absolute address (its page is the posting's main entity).
        image: the post's card, absolute.
        site: the Organization that writes and publishes the site (`organization`).
        series: (title, absolute URL) of the series the post is part of.
        modified: when the post was last updated, where known.
        video: whether the page carries a VideoObject (linked by `video_id`).
    """
    data: dict = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": post.description or post.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "image": image,
        "author": site,
        "publisher": site,
    }
    if post.date:
        data["datePublished"] = post.date.isoformat()
    if modified:
        data["dateModified"] = modified.isoformat()
    if post.categories:
        data["articleSection"] = list(post.categories)
    if series:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": series[0], "url": series[1]}
    if video:
        data["video"] = {"@id": video_id(url)}
    return data


def video_id(url: str) -> str:
    """The VideoObject's node id on the post's page, for the BlogPosting to point at."""
    return url + "#video"


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    """A schema.org BreadcrumbList from (name, absolute URL) pairs, the site's home first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url} for n, (name, url) in enumerate(trail, 1)
        ],
    }
