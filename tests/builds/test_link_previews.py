"""Link previews: Open Graph and Twitter tags on every page, and a 1200x630 card per post, cached by content."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from PIL import Image

from routines.rendering import fonts
from tests.posts import FIXTURES, knee, post_text
from tests.sites import build, make_site

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
HOSTILE = (FIXTURES / "hostile-post.md").read_text()
HOSTILE_FRONT = yaml.safe_load(HOSTILE.split("---\n")[1])
REQUIRED = ["og:title", "og:description", "og:url", "og:type", "og:image", "og:image:width", "og:image:height", "og:image:alt"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """This site plus the hostile post, built strictly."""
    root = make_site(tmp_path_factory.mktemp("previews"))
    (root / "docs" / "blog" / "posts" / "hostile.md").write_text(HOSTILE)
    result = build(root)
    assert result.returncode == 0, result.output
    return result


def tags(page) -> dict[str, str]:
    found = {m["property"]: m["content"] for m in page.select("meta[property]")}
    found.update({m["name"]: m["content"] for m in page.select("meta[name^='twitter:']")})
    return found


def pages(site):
    return sorted(p.relative_to(site.site).parent.as_posix() + "/" for p in site.site.rglob("index.html"))


def test_every_page_has_a_preview_with_an_image_of_the_declared_size(site):
    """Each page: the Open Graph set, a large-image Twitter card, and an image that exists at 1200x630."""
    seen = pages(site)
    assert len(seen) > 20
    for path in seen:
        page = site.page("" if path == "./" else path)
        found = tags(page)
        for name in REQUIRED:
            assert found.get(name), (path, name)
        assert found["twitter:card"] == "summary_large_image", path
        assert found["og:url"] == page.select_one("link[rel=canonical]")["href"], path
        image = site.site / found["og:image"].removeprefix("https://example.org/")
        with Image.open(image) as png:
            assert (png.format, png.size) == ("PNG", (int(found["og:image:width"]), int(found["og:image:height"]))) == ("PNG", (1200, 630))


def test_a_post_is_an_article_with_its_own_card(site):
    """The knee post: its own title and description, its date and region, and a card beside it."""
    found = tags(site.page(KNEE))
    assert found["og:type"] == "article"
    assert found["og:title"] == "Knee Pain? Try This Self Massage + Stretch"
    assert found["og:description"] == "A three-step self massage, breathing and mobility routine for cranky knees."
    assert found["article:published_time"] == "2024-01-17" and found["article:section"] == "Knee"
    assert found["og:image"] == f"https://example.org/{KNEE}card.png"
    assert found["og:image:alt"] == "Knee Pain? Try This Self Massage + Stretch · 3 steps · about 4\u00a0min · foam roller, tennis ball"
    home = tags(site.page(""))
    assert home["og:type"] == "website" and home["og:image"] == "https://example.org/assets/cards/site.png"


def test_hostile_text_is_carried_literally(site):
    """The odd-characters post: its title and description as written, and never markup."""
    path = next(p for p in pages(site) if p.startswith("blog/2022/02/01/"))
    page = site.page(path)
    found = tags(page)
    assert found["og:title"] == found["twitter:title"] == HOSTILE_FRONT["title"]
    assert found["og:description"] == HOSTILE_FRONT["description"]
    assert not [s for s in page.select("head script:not([type='application/ld+json'])") if "__pwned" in (s.string or "")]


def test_cards_are_drawn_once_and_again_only_when_they_change(tmp_path):
    """An unchanged post costs nothing on the next build; a new title draws exactly one new card."""
    root = make_site(tmp_path)
    assert build(root).returncode == 0
    cache = root / ".cache" / "cards"
    first = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(first) == 5  # four posts and the site
    assert build(root).returncode == 0
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == first
    knee = root / "docs" / "blog" / "posts" / "knee-pain-self-massage-stretch.md"
    knee.write_text(knee.read_text().replace('title: "Knee Pain? Try This Self Massage + Stretch"', 'title: "Knee Pain? Try This"'))
    assert build(root).returncode == 0
    now = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(set(now) - set(first)) == 1 and all(now[name] == first[name] for name in first)


def test_feed_items_carry_the_card(site):
    """RSS items enclose the post's card with its real size; JSON feed items name it as their image."""
    items = ET.parse(site.site / "feed_rss_created.xml").getroot().findall("./channel/item")
    assert len(items) == 5
    for item in items:
        enclosure = item.find("enclosure")
        url = enclosure.get("url")
        assert url == item.findtext("link") + "card.png" and enclosure.get("type") == "image/png"
        assert int(enclosure.get("length")) == (site.site / url.removeprefix("https://example.org/")).stat().st_size
    entries = json.loads((site.site / "feed_json_created.json").read_text())["items"]
    assert [e["image"] for e in entries] == [e["url"] + "card.png" for e in entries]


def list_pages(site) -> list[str]:
    """The home page and every page listing others: blog, categories, archive, series, equipment."""
    listed = [path for path in pages(site) if path.startswith(("blog/category/", "blog/archive/", "series/", "equipment/"))]
    return ["", "blog/", *listed]


def test_every_list_page_has_its_own_title_and_description(site):
    """No title repeats the site's name; each list page describes itself, the same in search results and shared links."""
    site_name, site_description = "DIY Workout Recovery", "Self-massage, breathing and mobility routines from manual therapists."
    seen = {}
    for path in list_pages(site):
        page = site.page(path)
        title = page.title.string
        assert title.count(site_name) == 1, (path, title)
        description = page.select_one("meta[name=description]")["content"]
        found = tags(page)
        assert found["og:description"] == found["twitter:description"] == description, path
        assert description and description != site_description, path
        seen[path] = description
    assert len(set(seen.values())) == len(seen), seen
    assert site.page("").title.string == site_name
    assert site.page("blog/category/knee/").title.string == f"Knee - {site_name}"
    assert seen["blog/category/knee/"] == "Every routine and post filed under Knee, newest first."
    assert seen["blog/archive/2024/"] == "Every routine and post of 2024, newest first."
    assert {"blog/category/neck/", "blog/archive/2023/", "series/diy-recovery/", "equipment/foam-roller/"} <= set(seen)


def test_a_machine_without_the_fonts_builds_and_names_the_posts_whose_cards_show_boxes(tmp_path, monkeypatch, caplog):
    """A strict build goes on, with one line naming the post, its letters no font has, and what to install."""
    root = make_site(tmp_path, {"blog/posts/knee.md": post_text(knee(title="מתיחה לברך"))})
    monkeypatch.setattr(fonts, "SYSTEM_FONTS", (tmp_path / "no-fonts",))
    for cached in (fonts._system_faces, fonts.runs, fonts.installed):
        cached.cache_clear()
    monkeypatch.chdir(root)
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
        for cached in (fonts._system_faces, fonts.runs, fonts.installed):
            cached.cache_clear()
    assert [r.getMessage() for r in caplog.records if r.name == "routines.link_previews"] == [
        "docs/blog/posts/knee.md: title: the link-preview card shows boxes for מ ת י ח ה ל ב ר ך, which no font on this "
        "machine has; install Debian's fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji (README)"
    ]
    assert len(list((root / "site" / "blog").rglob("card.png"))) == 1, "the post has its card, boxes and all"
