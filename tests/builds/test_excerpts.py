"""List pages show the same excerpts as Material renders them, from the start of each post."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.posts import knee, post_text
from tests.sites import build, make_site

BODIES = {
    "plain": "Intro with **bold** text.\n\n<!-- more -->\n\nThe rest.\n\n## A heading\n\nMore.\n",
    "references": (
        "See [the guide][guide] and an ABBR.\n\n<!-- more -->\n\n"
        "The rest.\n\n[guide]: https://example.org/guide \"Guide\"\n*[ABBR]: An abbreviation\n"
    ),
    "fenced": "Intro.\n\n```text\n<!-- more -->\n```\n\nAfter the fence.\n\n<!-- more -->\n\nThe rest.\n",
    "ends": "Only an intro.\n\n<!-- more -->\n",
    "indented": "Intro.\n\n    <!-- more -->\n\nStill intro.\n\n<!-- more -->\n\nThe rest.\n",
}


def _site(root, material_only: bool):
    docs = {
        f"blog/posts/{name}.md": post_text(
            {"title": name.title(), "date": dt.date(2024, 1, day), "categories": ["Knee"], "description": name}, body
        )
        for day, (name, body) in enumerate(BODIES.items(), start=1)
    }
    docs["blog/posts/knee.md"] = post_text(knee(date=dt.date(2024, 2, 1)))
    site = make_site(root, docs)
    if material_only:
        config = site / "mkdocs.yml"
        config.write_text(config.read_text().replace("  - hooks/excerpts.py\n", ""))
    return build(site)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    ours, materials = _site(tmp_path_factory.mktemp("ours"), False), _site(tmp_path_factory.mktemp("material"), True)
    assert ours.returncode == 0 and materials.returncode == 0, ours.output + materials.output
    return ours, materials


@pytest.mark.parametrize("url", ["blog/", "blog/category/knee/", "blog/archive/2024/"])
def test_list_pages_match_materials_own_excerpts(both, url):
    """Every excerpt on every kind of list page is what rendering the whole post gives."""
    ours, materials = (site.page(url).select(".md-post--excerpt") for site in both)
    assert len(ours) == len(BODIES) + 1
    assert [str(e) for e in ours] == [str(e) for e in materials]


def test_excerpts_resolve_what_the_rest_of_the_post_defines(both):
    """A link and an abbreviation defined after the separator still work in the excerpt."""
    excerpt = next(e for e in both[0].page("blog/").select(".md-post--excerpt") if "the guide" in e.get_text())
    assert excerpt.select_one("a[href='https://example.org/guide']").get_text() == "the guide"
    assert excerpt.select_one("abbr[title='An abbreviation']") is not None


def test_continue_reading_only_where_the_post_goes_on(both):
    """"Continue reading" links every post with more after its excerpt, and no other."""
    links = {e.select_one("h2").get_text(strip=True): e.select_one(".md-post__action") is not None
             for e in both[0].page("blog/").select(".md-post--excerpt")}
    assert links["Ends"] is False
    assert all(goes_on for title, goes_on in links.items() if title != "Ends")
