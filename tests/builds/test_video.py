"""The video block in built posts: markup, placement, structured data."""

from __future__ import annotations

import json

import pytest

from tests.sites import add_video_posts, build, make_site

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
VIMEO = "blog/2023/06/01/hip-opener-on-vimeo/"
LOCAL = "blog/2023/05/01/calf-release-filmed-at-home/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("video-site"))
    add_video_posts(root)
    result = build(root)
    assert result.returncode == 0, result.output
    return result


def json_ld(page) -> dict:
    nodes = json.loads(page.select_one("figure.post-video script[type='application/ld+json']").string)
    assert isinstance(nodes, list) and len(nodes) == 1  # an array: a harmless expression if run as a script
    return nodes[0]


def test_facade_is_a_link_to_the_video_and_names_its_action(site):
    """Without JavaScript the facade is a plain link to the video on its host."""
    figure = site.page(KNEE).select_one("figure#video")
    link = figure.select_one("video-facade a.post-video__facade")
    assert link["href"] == "https://www.youtube.com/watch?v=AbCdEfGhIjK"
    assert link.get_text(" ", strip=True).endswith("Play video: Knee Pain? Try This Self Massage + Stretch")
    assert figure.select_one("video-facade")["data-src"] == "https://www.youtube-nocookie.com/embed/AbCdEfGhIjK?autoplay=1&start={t}"
    assert figure.select("img, iframe") == []  # nothing from the host until play


def test_knee_video_stands_at_its_marker(site):
    """The knee post's video is where `<!-- video -->` is, after the opening paragraph."""
    figure = site.page(KNEE).select_one("figure#video")
    assert figure.find_previous_sibling("p").get_text().startswith("This week's mobility")
    assert figure.find_next_sibling("h2").get_text(strip=True).startswith("Knee pain: 3 things")


def test_without_marker_the_video_comes_just_before_the_routine(site):
    """The local-video post has no marker: video, then routine, at the end."""
    article = site.page(LOCAL).select_one("article")
    blocks = [el for el in article.find_all(recursive=False) if el.name in ("p", "figure", "section")]
    assert [(el.name, el.get("id")) for el in blocks[-2:]] == [("figure", "video"), ("section", "routine")]


def test_every_step_with_video_at_links_to_its_moment(site):
    """Each card has "Watch this step (m:ss)", a plain link to the video at that second."""
    links = [(a.get_text(" ", strip=True), a["href"], a["data-video-at"]) for a in site.page(KNEE).select(".routine-step__watch")]
    assert links == [
        ("Watch this step (0:45)", "https://www.youtube.com/watch?v=AbCdEfGhIjK&t=45s", "45"),
        ("Watch this step (2:10)", "https://www.youtube.com/watch?v=AbCdEfGhIjK&t=130s", "130"),
        ("Watch this step (4:30)", "https://www.youtube.com/watch?v=AbCdEfGhIjK&t=270s", "270"),
    ]
    vimeo = [a["href"] for a in site.page(VIMEO).select(".routine-step__watch")]
    assert vimeo == ["https://vimeo.com/76979871/8f2a1c3b4d#t=30s", "https://vimeo.com/76979871/8f2a1c3b4d#t=185s"]


def test_local_video_has_poster_captions_and_a_player_without_javascript(site):
    """A self-hosted video shows its poster, and plays with captions even without scripts."""
    page = site.page(LOCAL)
    facade = page.select_one("video-facade")
    assert facade["data-poster"] == "../../../../media/calf-poster.png"
    assert facade["data-captions"] == "../../../../media/calf.vtt"
    assert page.select_one(".post-video__poster")["src"] == "../../../../media/calf-poster.png"
    assert (site.site / "blog" / "media" / "calf.vtt").exists()
    noscript = page.select_one("video-facade noscript").decode_contents()
    assert 'src="../../../../media/calf.mp4"' in noscript and 'kind="captions"' in noscript
    assert [a["href"] for a in page.select(".routine-step__watch")] == ["../../../../media/calf.mp4#t=20", "../../../../media/calf.mp4#t=130"]


def test_structured_data_has_a_clip_per_step(site):
    """JSON-LD parses, and its clips match the steps that have video_at."""
    data = json_ld(site.page(KNEE))
    assert data["@type"] == "VideoObject" and data["embedUrl"] == "https://www.youtube-nocookie.com/embed/AbCdEfGhIjK"
    assert [(c["name"], c["startOffset"], c.get("endOffset"), c["url"].rsplit("/", 1)[1]) for c in data["hasPart"]] == [
        ("Massage the knee", 45, 130, "?t=45"),
        ("Contract and relax", 130, 270, "?t=130"),
        ("Knee mobility", 270, None, "?t=270"),
    ]
    local = json_ld(site.page(LOCAL))
    assert local["contentUrl"] == "https://example.org/blog/media/calf.mp4"
    assert local["thumbnailUrl"] == "https://example.org/blog/media/calf-poster.png"
    assert local["duration"] == "PT5M" and local["hasPart"][-1]["endOffset"] == 300
