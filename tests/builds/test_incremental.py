"""Under `make serve`, a save rewrites only what it changes, and the site stays what a clean build makes.

One server takes a series of edits of a generated blog (a title, a date, a
step, a series, prose, a mistake and its fix, new equipment, a post removed
and one added, the blog's own page, mkdocs.yml); after each one, every file
it serves is compared, byte for byte, with a clean build of the same files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.bench.generate import edit, generate, post_file
from tests.dev_server import SERVE, DevServer, clean_build, differences, status, tree, wait_for
from tests.sites import ROOT, without_build_time

POSTS = 24  # three list pages of ten: edits move posts between pages


def address(server: DevServer, day: str) -> str:
    """The address of the one post dated `day` (2020-01-11), from what the server wrote."""
    found = sorted((server.site / "blog" / day.replace("-", "/")).glob("*/index.html"))
    assert len(found) == 1, found
    return found[0].parent.relative_to(server.site).as_posix() + "/"


def assert_same_as_clean(server: DevServer, root: Path, after: str) -> None:
    server.settled()
    found = differences(tree(server.site), tree(clean_build(root, server.url)))
    assert not found, f"after {after}: {found}"


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    generate(root, POSTS)
    # A post without a description: its list excerpt and related entries come from its prose.
    edit(post_file(root, 14), "description: Routine number 14.\n", "")
    return root


def test_each_edit_leaves_the_site_a_clean_build_would_make(site, tmp_path):
    """Titles, dates, steps, series, prose, mistakes, equipment, posts removed and added, pages and config."""
    root = site
    with DevServer(root, tmp_path / "serve") as server:
        assert_same_as_clean(server, root, "the first build")

        edit(post_file(root, 10), "title: 'Routine 10:", "title: 'Routine 10 revisited:")  # a new address too
        wait_for(lambda: "Routine 10 revisited" in server.page("blog/page/2/"))
        assert_same_as_clean(server, root, "a new title")

        edit(post_file(root, 3), "date: 2020-01-04", "date: 2020-01-30")  # from the last list page to the first
        wait_for(lambda: "Routine 3:" in server.page("blog/"))
        assert_same_as_clean(server, root, "a new date")

        step_post = address(server, "2020-01-06")
        edit(post_file(root, 5), "  - title: Move\n", "  - title: Move with care\n")
        edit(post_file(root, 20), "\n<!-- more -->\n\n", "\n<!-- more -->\n\nA sentence added after the excerpt.\n\n")
        wait_for(lambda: "Move with care" in server.page(step_post))
        wait_for(lambda: "A sentence added after the excerpt." in server.page(address(server, "2020-01-21")))
        assert_same_as_clean(server, root, "a step and prose")

        edit(post_file(root, 12), "series: diy-recovery\n", "")
        wait_for(lambda: "of 23 in" in server.page(address(server, "2020-01-14")))
        assert_same_as_clean(server, root, "leaving the series")

        edit(post_file(root, 14), "\n\n<!-- more -->", " Its opening, longer now.\n\n<!-- more -->")
        wait_for(lambda: "Its opening, longer now." in server.page("blog/page/2/"))
        assert_same_as_clean(server, root, "a new opening")

        broken = address(server, "2020-01-09")
        before = {path: without_build_time(data) for path, data in tree(server.site).items()}
        edit(post_file(root, 8), "exhale: 8", "exhale: eight")
        wait_for(lambda: "build-problems" in server.page(""))
        server.settled()
        assert "build-problems" in server.page(broken), "the post as it was, under the panel"
        after = {path: without_build_time(data) for path, data in tree(server.site).items()}
        assert after == before, "a mistake changes nothing written: the panel is served over the pages"
        edit(post_file(root, 8), "exhale: eight", "exhale: 8")
        wait_for(lambda: "build-problems" not in server.page(""))
        assert_same_as_clean(server, root, "its fix")

        edit(post_file(root, 7), "  equipment:\n", "  equipment:\n  - kettlebell\n")
        wait_for(lambda: status(server.url + "equipment/kettlebell/") == 200)
        assert_same_as_clean(server, root, "new equipment")

        gone = address(server, "2020-01-17")
        post_file(root, 16).unlink()
        (root / "docs" / "blog" / "posts" / "a-new-routine.md").write_text(
            post_file(root, 17).read_text().replace("title: 'Routine 17:", "title: 'A new routine:").replace("date: 2020-01-18", "date: 2020-01-25")
        )
        wait_for(lambda: status(server.url + gone) == 404 and "A new routine" in server.page("blog/"))
        assert_same_as_clean(server, root, "a post removed and one added")

        edit(root / "docs" / "blog" / "index.md", "# Blog\n", "# Blog\n\nEvery routine, newest first.\n")
        wait_for(lambda: "Every routine, newest first." in server.page("blog/"))
        assert_same_as_clean(server, root, "the blog's own page")

        edit(root / "mkdocs.yml", "site_name: DIY Workout Recovery", "site_name: DIY Recovery")
        wait_for(lambda: "DIY Recovery</title>" in server.page(""))
        assert_same_as_clean(server, root, "mkdocs.yml")


def test_serve_started_again_begins_with_what_the_last_one_made_and_still_builds_what_changed(site, tmp_path):
    """What a `serve` made is stored; the next, started after an edit, serves a clean build's site."""
    root = site
    stored = root / ".cache" / "serve" / "memos.pickle"
    with DevServer(root, tmp_path / "first") as server:
        server.settled()
        wait_for(stored.is_file, what="the stored memos")
    edit(post_file(root, 5), "\n<!-- more -->\n\n", " Written while the server was stopped.\n\n<!-- more -->\n\n")
    again = DevServer(root, tmp_path / "again")
    again.port, again.url = server.port, server.url  # the same inputs, address included
    with again:
        assert "Written while the server was stopped." in again.page(address(again, "2020-01-06"))
        assert_same_as_clean(again, root, "serve started again")


def test_a_save_rewrites_only_the_pages_it_changes(site, tmp_path):
    """Prose after a post's excerpt changes that post's page: no other page is written again."""
    root = site
    with DevServer(root, tmp_path / "serve") as server:
        server.settled()
        pages = {p: p.stat().st_mtime_ns for p in server.site.rglob("index.html")}
        target = address(server, "2020-01-21")
        edit(post_file(root, 20), "\n<!-- more -->\n\n", "\n<!-- more -->\n\nA sentence added after the excerpt.\n\n")
        wait_for(lambda: "A sentence added after the excerpt." in server.page(target))
        written = sorted(p.parent.relative_to(server.site).as_posix() + "/" for p, t in pages.items() if p.stat().st_mtime_ns != t)
        assert written == [target]


def test_make_serve_runs_the_server_these_tests_run():
    """The Makefile's serve is the command tested here: `serve --livereload --dirty`."""
    recipe = re.search(r"(?m)^serve:.*\n\t(.*)$", (ROOT / "Makefile").read_text())[1]
    assert recipe.endswith(" ".join(SERVE)), recipe
