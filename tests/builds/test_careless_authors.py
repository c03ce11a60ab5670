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
    assert posts <= named | {"same-slug-a.md", "same-title-a.md", "unpublished-target-future.md", "unpublished-target-draft.md", "knee-pain-self-massage-stretch.md~"}, posts - named


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


def test_equipment_spelt_alike_shares_one_page(careful):
    """Spellings that make one address (foam roller, foam-roller, Foam  Roller) list every routine on one page."""
    def listed(page: str) -> list[str]:
        return [a.get_text(strip=True) for a in careful.page(page).select("article li a")]

    assert {"Spelt With a Space", "Spelt With a Hyphen", "Spelt With Two Spaces"} <= set(listed("equipment/foam-roller/"))
    assert set(listed("equipment/ball-small/")) == {"Spelt With a Space", "Spelt With a Hyphen"}
    overview = careful.page("equipment/")
    assert overview.select_one("article h1").get_text() == "Equipment"
    names = {a.get_text(strip=True): a["href"] for a in overview.select("article li a")}
    assert names["Index"] == "index-equipment/" and listed("equipment/index-equipment/") == ["Equipment Called Index"]
    assert [name for name in names if "foam" in name.lower()] == ["Foam roller"]


def test_equipment_named_in_any_script_has_its_page(careful):
    """Equipment named only in Chinese gets its own page, and the post's tags lead there, not back to the post."""
    for name in ("泡沫轴", "按摩球"):
        page = careful.page(f"equipment/{name}/")
        assert page.select_one("article h1").get_text() == f"Routines with a {name}"
        assert [a.get_text(strip=True) for a in page.select("article li a")] == ["Equipment in Chinese"]
    post = careful.page("blog/2022/02/05/equipment-in-chinese/")
    tags = {a.get_text(strip=True): a["href"] for a in post.select("a.md-tag")}
    assert tags["泡沫轴"].startswith("../../../../../equipment/%E6%B3%A1%E6%B2%AB%E8%BD%B4/"), tags


def test_material_keys_written_right(careful):
    """`hide`, `rss`, a date with `created:` and Material's other keys, written as the contract says, do what they say."""
    page = careful.page("blog/2022/02/06/material-keys/")
    assert page.select_one(".md-sidebar--secondary").has_attr("hidden")
    assert page.select_one(".md-footer__inner").has_attr("hidden")
    assert [a.get_text(strip=True) for a in page.select(".md-sidebar--post a") if "Spelt" in a.get_text()] == ["Spelt With a Space"]
    items = {item.find("title").text: item for item in ET.parse(careful.site / "feed_rss_created.xml").iter("item")}
    assert items["Material Keys, Written Right"].find("description").text.startswith("Told in the feed: &lt;i&gt;as typed&lt;/i&gt;")
    assert items["Material Keys, Written Right"].find("pubDate").text.startswith("Sun, 06 Feb 2022"), "the created date, not the build's"


def both(root: Path) -> tuple[list[str], list[str], object]:
    """The lines `make check` and the build print for the site at root, and the build."""
    checked, built = check(root), build(root)
    for output in (checked.stdout + checked.stderr, built.output):
        assert "Traceback" not in output, output
    return sorted(checked.stdout.splitlines()), sorted(line for line in built.output.splitlines() if line.startswith("docs/")), built


def knee_text() -> str:
    return (ROOT / "docs" / "blog" / "posts" / "knee-pain-self-massage-stretch.md").read_text(encoding="utf-8")


FUTURE = (CAREFUL / "future-post.md").read_text(encoding="utf-8")
LEFTOVERS = ("future.md~", "#future.md#", "future.md.bak", "future.md.orig", "future.MD.BAK", ".#future.md", ".future.md.swp")


def test_editor_leftovers_are_never_published(tmp_path):
    """An editor's copies of a post still to come are ignored: nothing said, nothing of them in the site."""
    root = make_site(tmp_path)
    posts = root / "docs" / "blog" / "posts"
    for name in LEFTOVERS:
        (posts / name).write_text(FUTURE, encoding="utf-8")
    checked, built_lines, built = both(root)
    assert checked == built_lines == [] and built.returncode == 0, built.output
    assert not [p for p in built.site.rglob("*") if "future" in p.name.lower()]
    assert not [p for p in built.site.rglob("*") if p.is_file() and b"Kettlebell" in p.read_bytes()]


@pytest.mark.parametrize(("name", "proper"), [("Knee.MD", "Knee.md"), ("Future.Md", "Future.md"), ("oops.md.txt", "oops.md"), ("notes.markdown.html", "notes.markdown")])
def test_markdown_under_a_name_mkdocs_would_not_read_is_one_line(tmp_path, name, proper):
    """A post MkDocs would publish as a raw file is one line from check and build, telling the name to give it."""
    root = make_site(tmp_path)
    (root / "docs" / "blog" / "posts" / name).write_text(FUTURE, encoding="utf-8")
    checked, built_lines, built = both(root)
    line = f"docs/blog/posts/{name}: file: is not published: only names ending in .md, .markdown, .mdown, .mkdn, .mkd (lower case) are pages; rename it to {proper}"
    assert checked == built_lines == [line]
    assert built.returncode == 1 and not built.site.exists()


def test_linked_folders_and_links_to_nothing_are_read_by_both(tmp_path):
    """A posts folder that is a link is checked as the build reads it; a link to nothing is one line."""
    (tmp_path / "site").mkdir()
    root = make_site(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "wrong.md").write_text(FUTURE.replace("categories: [Knee]", "categories: [Calf]"), encoding="utf-8")
    posts = root / "docs" / "blog" / "posts"
    (posts / "linked").symlink_to(elsewhere, target_is_directory=True)
    (posts / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (root / "docs" / "gone.png").symlink_to(tmp_path / "nowhere.png")
    checked, built_lines, built = both(root)
    assert checked == built_lines == [
        f"docs/blog/posts/gone.md: file: is a link to {tmp_path / 'nowhere.md'}, which does not exist; remove the link, or put the file back",
        'docs/blog/posts/linked/wrong.md:4: categories[1]: "Calf" is not a category of this site; allowed: Knee, Neck, Shoulder, Back, Hip, Ankle and foot, Full body, Nutrition',
        f"docs/gone.png: file: is a link to {tmp_path / 'nowhere.png'}, which does not exist; remove the link, or put the file back",
    ]


def test_two_posts_at_one_address_in_two_folders_are_named_alike(tmp_path):
    """Of two posts with one address, in posts/ and posts/2024/, check and build name the same one."""
    root = make_site(tmp_path)
    posts = root / "docs" / "blog" / "posts"
    (posts / "2024").mkdir()
    (posts / "2024" / "again.md").write_text(knee_text().replace("Self Massage + Stretch", "Again"), encoding="utf-8")
    checked, built_lines, _ = both(root)
    assert checked == built_lines
    assert len([line for line in checked if "gives the same address as" in line]) == 1


@pytest.mark.parametrize(("authors", "line"), [
    (AUTHORS.replace("    avatar:", "    url: 'JavaScript:alert(1)'\n    avatar:"), "docs/blog/.authors.yml:5: authors.jane.url: JavaScript: addresses are not allowed; give a web address (https://...) or a path in docs/"),
    (AUTHORS.replace("'https://example.org/jane.png\" onerror=\"alert(1)'", "data:image/svg+xml,<svg onload=alert(1)>"), "docs/blog/.authors.yml:5: authors.jane.avatar: data: addresses are not allowed; give a web address (https://...) or a path in docs/"),
    (AUTHORS.replace('"Manual therapist <img src=x onerror=alert(1)>"', "Manual therapist: hands on"), "docs/blog/.authors.yml:4: authors file: is not valid YAML (mapping values are not allowed in this context); check the indentation, and quote values that contain ': ' or start with a symbol"),
    ("authors:\n\tjane:\n    name: Jane\n", "docs/blog/.authors.yml:2: authors file: is not valid YAML (found character that cannot start any token); check the indentation, and quote values that contain ': ' or start with a symbol"),
    ("authors:\n  jane:\n    name: Jane Doe, PT\n    description: Manual therapist\n", "docs/blog/.authors.yml:2: authors.jane.avatar: is required (their picture: a path like /images/jane.jpg, or a web address)"),
    ("authors:\n  jane:\n    name: Jane Doe, PT\n    description: Manual therapist\n    avatar: /images/jane.jpg\n    website: https://example.org\n", "docs/blog/.authors.yml:6: authors.jane.website: unknown field; allowed: name, description, avatar, slug, url"),
    ("authors:\n  - jane\n", "docs/blog/.authors.yml:1: authors: must be a group of authors by id, like jane: with name, description and avatar under it; got a list"),
])
def test_a_wrong_authors_file_is_one_line_from_both(tmp_path, authors, line):
    """The authors file is checked as the blog reads it, and may hold no address a browser would run: its own line from check and build, never Material's message."""
    root = make_site(tmp_path)
    (root / "docs" / "blog" / ".authors.yml").write_text(authors, encoding="utf-8")
    post = root / "docs" / "blog" / "posts" / "knee-pain-self-massage-stretch.md"
    post.write_text(knee_text().replace("date: 2024-01-17", "date: 2024-01-17\nauthors: [jane]"), encoding="utf-8")
    checked, built_lines, built = both(root)
    assert checked == built_lines == [line]
    assert built.returncode == 1 and not built.site.exists()


@pytest.mark.parametrize("page", ["equipment/foam-roller.md", "equipment/index.md", "series/diy-recovery.md"])
def test_a_page_where_the_site_makes_its_own_is_one_line(tmp_path, page):
    """An author's page in equipment/ or series/ would be replaced by the site's: one line from both, never lost in silence."""
    root = make_site(tmp_path)
    (root / "docs" / page).parent.mkdir(parents=True)
    (root / "docs" / page).write_text("---\ntitle: My notes\n---\n\nNotes.\n", encoding="utf-8")
    checked, built_lines, built = both(root)
    folder = page.split("/")[0]
    assert checked == built_lines == [f"docs/{page}: file: is in {folder}/, where the site makes its own pages, which would replace it; move it to another folder"]
    assert built.returncode == 1


@pytest.mark.parametrize(("front", "line"), [
    ("hide: 5", "docs/notes.md:3: hide: must be a list, like [toc]; got 5"),
    ("template: wide.html", 'docs/notes.md:3: template: must be a page template of the theme, one of blog-post.html, main.html (a template of your own goes in overrides/); got "wide.html"; did you mean "main.html"?'),
    ("search: {exclude: 'yes'}", 'docs/notes.md:3: search.exclude: must be true or false, got "yes"'),
    ("tags: desk work", 'docs/notes.md:3: tags: must be a list, like [foam roller, tennis ball]; got "desk work"'),
])
def test_material_keys_of_a_page_are_checked_as_a_post_s(tmp_path, front, line):
    """A page that is not a post gets the same line for a Material key as a post, from check and build."""
    root = make_site(tmp_path)
    (root / "docs" / "notes.md").write_text(f"---\ntitle: Notes\n{front}\nowner: the practice\n---\n\nNotes.\n", encoding="utf-8")
    checked, built_lines, built = both(root)
    assert checked == built_lines == [line]
    assert built.returncode == 1


@pytest.mark.parametrize(("files", "line"), [
    ({"about/index.md": "# About\n", "about/README.md": "# Read me\n"}, "docs/about/index.md: file: is the same page as docs/about/README.md, as MkDocs names pages by their file; rename or remove one of them"),
    ({"about.md": "# About\n", "about/index.md": "# About too\n"}, "docs/about/index.md: file: is the same page as docs/about.md (both are written to /about/); rename or move one of them"),
    ({"blog/posts/knee-pain-self-massage-stretch.markdown": None}, "docs/blog/posts/knee-pain-self-massage-stretch.md: file: is the same page as docs/blog/posts/knee-pain-self-massage-stretch.markdown, as MkDocs names pages by their file; rename or remove one of them"),
])
def test_two_files_of_one_page_are_one_line_from_both(tmp_path, files, line):
    """Two files MkDocs would write as one page: one line from check and build, not a page lost to the other."""
    root = make_site(tmp_path)
    for path, text in files.items():
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(knee_text() if text is None else text, encoding="utf-8")
    checked, built_lines, built = both(root)
    assert checked == built_lines == [line]
    assert built.returncode == 1 and not built.site.exists()
