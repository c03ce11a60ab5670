"""Unusual posts, as a careless author writes them: one clear line each, the same from check and build.

`fixtures/careless/` holds one post per mistake, `expected.txt` the line each
gives. `fixtures/careful/` holds unusual posts that are right, and must build
into the right pages.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.posts import FIXTURES, ROOT
from tests import searchable
from tests.sites import build, make_site

CARELESS, CAREFUL = FIXTURES / "careless", FIXTURES / "careful"
EXPECTED = sorted((CARELESS / "expected.txt").read_text(encoding="utf-8").splitlines())


def check(root: Path) -> subprocess.CompletedProcess:
    """`make check` on the site at root."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run([sys.executable, "-m", "routines", "check"], cwd=root, env=env, capture_output=True, text=True, timeout=120)


def site_with(root: Path, folder: Path) -> Path:
    """This site's docs with every post of a fixture folder added."""
    make_site(root)
    for post in folder.iterdir():
        if post.name != "expected.txt":
            shutil.copy(post, root / "docs" / "blog" / "posts" / post.name)
    return root


@pytest.fixture(scope="module")
def careless(tmp_path_factory):
    root = site_with(tmp_path_factory.mktemp("careless"), CARELESS)
    return check(root), build(root)


@pytest.fixture(scope="module")
def careful(tmp_path_factory):
    root = site_with(tmp_path_factory.mktemp("careful"), CAREFUL)
    result = build(root)
    assert result.returncode == 0, result.output
    assert check(root).returncode == 0
    return result


def test_check_prints_one_line_per_mistake(careless):
    """`make check` prints exactly the expected line for every careless post, and fails."""
    checked, _ = careless
    assert checked.returncode == 1
    assert sorted(checked.stdout.splitlines()) == EXPECTED


def test_build_prints_the_same_lines(careless):
    """The build fails with the very lines `make check` printed, and writes no site."""
    checked, built = careless
    assert built.returncode == 1
    lines = sorted(line for line in built.output.splitlines() if line.startswith("docs/"))
    assert lines == sorted(checked.stdout.splitlines())
    assert not built.site.exists()


def test_no_traceback_and_every_post_is_named(careless):
    """Neither prints a traceback; every careless post is named by at least one line."""
    checked, built = careless
    for output in (checked.stdout + checked.stderr, built.output):
        assert "Traceback" not in output and "Error:" not in output.replace("BuildError", "")
    named = {line.split(":")[0].removeprefix("docs/blog/posts/") for line in EXPECTED}
    posts = {p.name for p in CARELESS.iterdir() if p.name != "expected.txt"}
    assert posts <= named | {"same-slug-a.md", "same-title-a.md"}, posts - named


def test_lines_carry_no_python_reprs():
    """What authors read never shows Python's spelling of a value."""
    for line in EXPECTED:
        assert not any(word in line for word in ("datetime.", "got '", "got True", "got False", "got None", "nan,", "inf,")), line


def test_future_post_is_nowhere(careful):
    """A post dated in the future is on no page, list, feed, sitemap or search entry."""
    for path in careful.site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json") and path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "Kettlebell Halo" not in text and "kettlebell" not in text.lower(), path
    assert not list(careful.site.glob("blog/2099/**/*.html"))
    assert not (careful.site / "equipment" / "kettlebell").exists()
    assert not any("kettlebell" in f["content"].lower() for f in searchable.fragments(careful.site).values())


@pytest.mark.parametrize("page", ["blog/", "blog/category/knee/", "blog/archive/2023/"])
def test_titles_on_list_pages_are_text(careful, page):
    """A title full of Markdown and HTML shows as typed on every list page, as one link."""
    title = "**Bold** [link](x.md) `code` :fire: (c) <i>tag</i> & co"
    headings = [h for h in careful.page(page).select(".md-post__content h2") if "Bold" in h.get_text()]
    assert [h.get_text() for h in headings] == [title]
    assert len(headings[0].select("a[href]")) == 1
    assert not headings[0].select("strong, code, i, img, a a")


def test_equipment_names_are_text_on_every_page(careful):
    """Equipment named with markup is text on the home cards, related routines and its own page."""
    for path in careful.site.rglob("*.html"):
        assert "<b>roller</b>" not in path.read_text(encoding="utf-8"), path
    page = careful.page("equipment/b-roller-b/")
    assert page.select_one("article h1").get_text() == "Routines with a <b>roller</b>"
    assert [a.get_text(strip=True) for a in page.select("article li a")] == ["**Bold** [link](x.md) `code` :fire: (c) <i>tag</i> & co"]
    home = careful.page("")
    assert any("<b>roller</b>" in card.get_text() for card in home.select(".routine-summary"))
    assert careful.page("equipment/ball/").select_one("article h1").get_text() == "Routines with a *ball*"


def test_merge_keys_and_step_links(careful):
    """A step written once and merged with `<<:` builds; a link in step text points at the page."""
    page = careful.page("blog/2023/06/02/stretches-written-once/")
    titles = [h.get_text(" ", strip=True) for h in page.select(".routine-step h3")]
    assert titles == ["Step 1: Calf stretch", "Step 2: Hamstring stretch"]
    assert "30" in page.select_one("#step-2").get_text()
    link = page.select_one("#step-2 .routine-step__text a")
    assert link["href"] == "../../../../2024/01/17/knee-pain-self-massage-stretch/#routine"


def test_quoted_values_and_markdown_files(careful):
    """A `.markdown` post with quoted look-alike values is published with its text as written."""
    page = careful.page("blog/2023/06/03/1230--no-time-try-this/")
    assert page.select_one("article h1").get_text() == "12:30 — No Time? Try This"
    assert "017 breaths" in page.select_one("#step-1 h3").get_text()
    items = [item.find("title").text for item in ET.parse(careful.site / "feed_rss_created.xml").iter("item")]
    assert "12:30 — No Time? Try This" in items
    assert not any("Kettlebell" in f["meta"]["title"] for f in searchable.fragments(careful.site).values())


def _items(site: Path, feed: str) -> dict[str, ET.Element]:
    """A written RSS feed's items, by title."""
    return {item.find("title").text: item for item in ET.parse(site / feed).iter("item")}


def test_feeds_date_a_post_by_the_day_it_gives(careful):
    """A post dated with `created:` (and `updated:`) is in the feeds on that day, not at the moment of the build."""
    created, updated = _items(careful.site, "feed_rss_created.xml"), _items(careful.site, "feed_rss_updated.xml")
    assert created["Dated as created alone"].find("pubDate").text == "Mon, 06 Jun 2022 00:00:00 +0000"
    assert created["Dated as created and updated"].find("pubDate").text == "Sun, 05 Jun 2022 00:00:00 +0000"
    assert updated["Dated as created and updated"].find("pubDate").text == "Fri, 01 Jul 2022 00:00:00 +0000"


@pytest.mark.parametrize(
    ("title", "summary"),
    [("Opens with private notes", "A gentle neck routine for the evening."), ("Opens with a warning", "A gentle back routine for the morning.")],
)
def test_a_post_is_summed_up_by_its_own_first_paragraph(careful, title, summary):
    """A post that opens with an HTML comment or an admonition is summed up by its first paragraph, on its series page and in the feeds."""
    assert _items(careful.site, "feed_rss_created.xml")[title].find("description").text.startswith(summary)
    series = careful.page("series/diy-recovery/").select_one("article")
    part = next(item for item in series.find_all(string=title)).find_parent(["li", "article", "section"])
    text = part.get_text(" ", strip=True)
    assert summary in text
    assert not any(word in text for word in ("<!--", "Private", "Sam", "!!!", "Pain that grows"))


def test_an_intro_with_a_line_separator_is_the_excerpt_to_its_last_line(careful):
    """An intro holding U+2028 and a form feed is on the list page whole, its last line too."""
    excerpt = next(a for a in careful.page("blog/category/back/").select(".md-post--excerpt") if "line separator" in a.get_text())
    assert "The last line of the intro." in excerpt.get_text()
    assert "The rest of the post." not in excerpt.get_text()


def test_links_to_pages_the_site_makes_lead_there(careful):
    """Links to the series, equipment, category and archive pages and to the feeds pass, and each leads to a page of the site."""
    page = careful.page("blog/2022/06/04/links-to-what-the-site-makes/")
    hrefs = [a["href"] for a in page.select("article a[href]")]
    assert "../../../../../series/diy-recovery/" in hrefs and "../../../../../series/" in hrefs
    for address in ("/equipment/foam-roller/", "/blog/category/knee/", "/blog/archive/2024/", "/feed_rss_created.xml", "/feed_json_updated.json"):
        assert address in hrefs
        assert (careful.site / address.strip("/")).exists(), address


def test_related_links_show_their_titles_as_text(careful):
    """Related links show a page's title or the title given, as typed: never markup, never "None"."""
    related = careful.page("blog/2022/06/04/links-to-what-the-site-makes/").select_one('.md-sidebar--post nav[aria-label="Related links"]')
    titles = [a.get_text(strip=True) for a in related.select("a")]
    assert titles == ["Home", "Knee Pain? Try This Self Massage + Stretch", "<b>NHS</b> & co <img src=x onerror=alert(1)>", "<i>More</i>"]
    assert not related.select("b, i, img") and "None" not in related.get_text()


AUTHORS = """\
authors:
  jane:
    name: "Jane <b>Doe</b>, PT"
    description: "Manual therapist <img src=x onerror=alert(1)>"
    avatar: 'https://example.org/jane.png" onerror="alert(1)'
"""


def test_the_authors_file_is_text_on_posts_and_list_pages(tmp_path):
    """An author's name, description and avatar show as typed, on the post and on list pages: no markup, no attribute."""
    root = make_site(tmp_path)
    (root / "docs" / "blog" / ".authors.yml").write_text(AUTHORS, encoding="utf-8")
    post = (CAREFUL / "opens-with-comment.md").read_text(encoding="utf-8").replace("series: diy-recovery\n", "authors: [jane]\n")
    (root / "docs" / "blog" / "posts" / "by-jane.md").write_text(post, encoding="utf-8")
    built = build(root)
    assert built.returncode == 0, built.output
    page = built.page("blog/2022/06/07/opens-with-private-notes/")
    for authors in (page.select_one(".md-post__authors"), built.page("blog/").select_one(".md-post--excerpt .md-post__authors")):
        assert [sorted(img.attrs) for img in authors.select("img")] == [["alt", "src"]]
        assert authors.select_one("img")["alt"] == "Jane <b>Doe</b>, PT"
        assert not authors.select("b, img[onerror]")
    assert "Manual therapist <img src=x onerror=alert(1)>" in page.select_one(".md-post__authors").get_text()


def test_files_mkdocs_leaves_out_are_named_by_check_and_build(tmp_path):
    """A video, poster, image, link or related link to a file MkDocs does not publish gives one line each, from check and build alike."""
    root = make_site(tmp_path)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "\nexclude_docs: |\n  drafts/\n")
    docs = root / "docs"
    for name in ("blog/posts/.media/roller.png", "templates/clip.mp4", "drafts/hip.png"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(b"\x89PNG")
    (docs / "blog" / "posts" / ".notes.md").write_text("# Notes\n", encoding="utf-8")
    (docs / "blog" / "posts" / "left-out-files.md").write_text(
        "---\ntitle: Files left out\ndate: 2022-06-10\nvideo:\n  url: /templates/clip.mp4\n  poster: .media/roller.png\n"
        "links:\n  - blog/posts/.notes.md\n---\n\nIntro.\n\n<!-- more -->\n\n![A roller](.media/roller.png)\n\n"
        "See [my notes](.notes.md) and ![the hip](/drafts/hip.png).\n",
        encoding="utf-8",
    )
    left_out = "(names starting with a dot, templates/ folders and exclude_docs are left out)"
    expected = [
        f"docs/blog/posts/left-out-files.md:5: video.url: MkDocs does not publish docs/templates/clip.mp4 {left_out}; move the file, or name another",
        f"docs/blog/posts/left-out-files.md:6: video.poster: MkDocs does not publish docs/blog/posts/.media/roller.png {left_out}; move the file, or name another",
        f"docs/blog/posts/left-out-files.md:8: links[1]: MkDocs does not publish docs/blog/posts/.notes.md {left_out}; move the file, or name another",
        f'docs/blog/posts/left-out-files.md:15: body: links to ".media/roller.png", but MkDocs does not publish docs/blog/posts/.media/roller.png {left_out}; move the file, or name another',
        f'docs/blog/posts/left-out-files.md:17: body: links to ".notes.md", but MkDocs does not publish docs/blog/posts/.notes.md {left_out}; move the file, or name another',
        f'docs/blog/posts/left-out-files.md:17: body: links to "/drafts/hip.png", but MkDocs does not publish docs/drafts/hip.png {left_out}; move the file, or name another',
    ]
    checked, built = check(root), build(root)
    assert sorted(checked.stdout.splitlines()) == sorted(expected)
    assert sorted(line for line in built.output.splitlines() if line.startswith("docs/")) == sorted(expected)
    assert built.returncode == 1 and not built.site.exists()


@pytest.mark.parametrize(
    ("authors", "line"),
    [
        (AUTHORS.replace("    avatar:", "    url: 'JavaScript:alert(1)'\n    avatar:"), "docs/blog/.authors.yml:5: authors.jane.url: JavaScript: addresses are not allowed; give a web address (https://...) or a path in docs/"),
        (AUTHORS.replace("'https://example.org/jane.png\" onerror=\"alert(1)'", "data:image/svg+xml,<svg onload=alert(1)>"), "docs/blog/.authors.yml:5: authors.jane.avatar: data: addresses are not allowed; give a web address (https://...) or a path in docs/"),
        (AUTHORS.replace('"Manual therapist <img src=x onerror=alert(1)>"', "Manual therapist: hands on"), "docs/blog/.authors.yml:4: authors file: is not valid YAML (mapping values are not allowed here); check the indentation, and quote text with ': ' in it"),
    ],
)
def test_the_authors_file_gives_one_line_from_check_and_build(tmp_path, authors, line):
    """An address a browser would run, or broken YAML, in the authors file is one line naming it, from check and build alike."""
    root = make_site(tmp_path)
    (root / "docs" / "blog" / ".authors.yml").write_text(authors, encoding="utf-8")
    checked, built = check(root), build(root)
    assert checked.stdout.splitlines() == [line]
    assert [text for text in built.output.splitlines() if text.startswith("docs/")] == [line]
    assert built.returncode == 1 and not built.site.exists() and "Traceback" not in built.output
