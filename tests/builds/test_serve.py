"""`mkdocs serve` stays right when one post changes: every list rebuilt, nothing stale.

As `make serve` runs it (`--dirty`: only changed pages are written again),
and as plain `mkdocs serve --livereload` runs it (every page written every time).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.dev_server import SERVE, DevServer, fetch, status, wait_for
from tests.sites import make_site

KNEE = "docs/blog/posts/knee-pain-self-massage-stretch.md"
OLD, NEW = "Knee Pain? Try This Self Massage + Stretch", "Knee Pain, Revisited"


@pytest.fixture(params=[SERVE, ["serve", "--livereload"]], ids=["make serve", "mkdocs serve"])
def server(request, tmp_path):
    (tmp_path / "site").mkdir()
    root = make_site(tmp_path / "site")
    with DevServer(root, tmp_path / "serve", request.param) as running:
        wait_for(lambda: OLD in running.page("series/diy-recovery/"))
        yield root, running.url


def test_changing_one_post_updates_every_page_that_lists_it(server):
    """A new title shows on the series page, home, neighbours and related lists after one save."""
    root, url = server
    post = root / KNEE
    post.write_text(post.read_text().replace(f'title: "{OLD}"', f'title: "{NEW}"'))
    wait_for(lambda: NEW in fetch(url + "series/diy-recovery/"))
    assert OLD not in fetch(url + "series/diy-recovery/")
    home = fetch(url)
    assert NEW in home and OLD not in home
    neighbour = fetch(url + "blog/2024/01/03/strength-training-active-recovery-workout/")
    assert f"Next: {NEW}" in neighbour and OLD not in neighbour
    assert NEW in fetch(url + "blog/2023/12/13/cranky-neck-movement-flow/")  # related routines


def test_changing_a_step_updates_its_card_and_search_entry(server):
    """A step renamed and saved shows on the post's card and in search after the rebuild."""
    root, url = server
    post = root / KNEE
    index_before = fetch(url + "pagefind/pagefind-entry.json")
    post.write_text(post.read_text().replace("title: Knee mobility", "title: Knee circles"))
    page = url + "blog/2024/01/17/knee-pain-self-massage-stretch/"
    wait_for(lambda: "Knee circles" in fetch(page))
    html = fetch(page)
    assert "Knee mobility" not in html and html.count('id="step-3-title"') == 1
    # Pagefind names its index files by their content: a changed step is a new index,
    # written just after the pages are served.
    wait_for(lambda: fetch(url + "pagefind/pagefind-entry.json") != index_before, what="the new search index")


def test_a_mistake_shows_in_the_browser_and_goes_when_fixed(server):
    """A broken post saved under `make serve`: every page shows its line over it; the post stays as it was until fixed."""
    root, url = server
    post = root / KNEE
    good = post.read_text()
    post.write_text(good.replace("exhale: 8", "exhale: eight", 1).replace(f'title: "{OLD}"', f'title: "{NEW}"'))
    line = 'docs/blog/posts/knee-pain-self-massage-stretch.md:27: routine.steps[2].breath.exhale: must be a number of counts > 0 and <= 60, got "eight"'
    wait_for(lambda: "build-problems" in fetch(url))
    knee = "blog/2024/01/17/knee-pain-self-massage-stretch/"
    assert OLD in fetch(url + knee) and NEW not in fetch(url + knee), "the post as it last was without a problem"
    for page in ("", "blog/", "series/diy-recovery/", knee, "no-such-page/"):
        panels = BeautifulSoup(fetch(url + page), "html.parser").select("aside.build-problems")
        assert len(panels) == 1 and [code.get_text() for code in panels[0].select("li code")] == [line], page
    post.write_text(good.replace(f'title: "{OLD}"', f'title: "{NEW}"'))
    wait_for(lambda: "build-problems" not in fetch(url) and NEW in fetch(url + knee))


def test_a_new_post_with_a_mistake_is_left_out_until_fixed(server):
    """A post that never built shows nowhere but in the panel; fixed, it appears."""
    root, url = server
    new = root / "docs" / "blog" / "posts" / "new-routine.md"
    text = (root / KNEE).read_text().replace(f'title: "{OLD}"', 'title: "A New Routine"').replace("date: 2024-01-17", "date: 2024-02-01").replace("slug: knee-pain-self-massage-stretch", "slug: a-new-routine")
    new.write_text(text.replace("exhale: 8", "exhale: eight", 1))
    wait_for(lambda: "build-problems" in fetch(url))
    assert status(url + "blog/2024/02/01/a-new-routine/") == 404 and "A New Routine" not in fetch(url + "blog/")
    new.write_text(text)
    wait_for(lambda: "build-problems" not in fetch(url) and status(url + "blog/2024/02/01/a-new-routine/") == 200)


def panel_lines(html: str) -> list[str]:
    """The lines of the problems panel over a served page."""
    panels = BeautifulSoup(html, "html.parser").select("aside.build-problems")
    return [code.get_text() for panel in panels for code in panel.select("li code")]


def test_a_wrong_material_key_shows_in_the_panel(server):
    """`hide: toc`, text where Material's blog needs a list, shows in the panel; fixed, the post hides its contents."""
    root, url = server
    post = root / KNEE
    good = post.read_text()
    post.write_text(good.replace("date: 2024-01-17", "date: 2024-01-17\nhide: toc", 1))
    wait_for(lambda: "build-problems" in fetch(url))
    knee = "blog/2024/01/17/knee-pain-self-massage-stretch/"
    line = 'docs/blog/posts/knee-pain-self-massage-stretch.md:5: hide: must be a list, like [toc]; got "toc"'
    assert panel_lines(fetch(url)) == panel_lines(fetch(url + knee)) == [line]
    post.write_text(good.replace("date: 2024-01-17", "date: 2024-01-17\nhide: [toc]", 1))
    wait_for(lambda: "build-problems" not in fetch(url))
    assert BeautifulSoup(fetch(url + knee), "html.parser").select_one(".md-sidebar--secondary").has_attr("hidden")


def test_a_wrong_authors_file_shows_in_the_panel(server):
    """An author without an avatar shows in the panel, the post meanwhile without its authors; fixed, they show."""
    root, url = server
    authors, post = root / "docs" / "blog" / ".authors.yml", root / KNEE
    authors.write_text("authors:\n  jane:\n    name: Jane Doe, PT\n    description: Manual therapist\n")
    post.write_text(post.read_text().replace("date: 2024-01-17", "date: 2024-01-17\nauthors: [jane]", 1))
    knee = "blog/2024/01/17/knee-pain-self-massage-stretch/"
    line = "docs/blog/.authors.yml:2: authors.jane.avatar: is required (their picture: a path like /images/jane.jpg, or a web address)"
    wait_for(lambda: panel_lines(fetch(url)) == [line])
    assert OLD in fetch(url + knee) and "Jane Doe" not in fetch(url + knee)
    authors.write_text(authors.read_text() + "    avatar: /images/jane.jpg\n")
    wait_for(lambda: "build-problems" not in fetch(url) and "Jane Doe, PT" in fetch(url + knee))
