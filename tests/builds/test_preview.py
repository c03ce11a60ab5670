"""Under `make serve`, a saved post is shown before the rest of the site is built again, and the site left is a clean build's.

The server renders the one post saved into the last build's site, writes
it, and tells the browsers to reload; then it builds the whole site, and
every other page waits for that build as MkDocs makes pages wait. A save
that changes more (two posts, mkdocs.yml), moves the post, or brings a
mistake is built as before, with no page shown first.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from tests.bench.generate import edit, generate, post_file
from tests.dev_server import DevServer, ServeBuilds, clean_build, clean_build_forked, differences, fetch, tree, wait_for

POSTS = 12
URL = "http://127.0.0.1:8000/"

# A hook for these tests only (in a folder of its own: a hook's folder is an input of every page): while the file
# `hold` is beside mkdocs.yml, a build waits at its start for the file `go`.
HOLD = '''
import time
from pathlib import Path


def on_config(config):
    root = Path(config.config_file_path).parent
    if (root / "hold").exists():
        (root / "holding").touch()
        while not (root / "go").exists():
            time.sleep(0.05)
        (root / "holding").unlink()
'''


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    return generate(root, POSTS)


def page_of(site_dir: Path, day: str) -> Path:
    """The written page of the one post dated `day` (2020-01-04)."""
    found = sorted((site_dir / "blog" / day.replace("-", "/")).glob("*/index.html"))
    assert len(found) == 1, found
    return found[0]


def assert_same_as_clean(serve: ServeBuilds, root: Path, tmp_path: Path, after: str) -> None:
    clean = tmp_path / f"clean-{len(list(tmp_path.glob('clean-*')))}"
    clean_build_forked(root, clean, URL)
    found = differences(tree(serve.site), tree(clean))
    assert not found, f"after {after}: {found}"


def test_a_saved_post_is_shown_first_and_the_whole_build_then_leaves_a_clean_site(site, tmp_path):
    """A step, prose before and after the excerpt, a title: each shown first; after each, the site is a clean build's."""
    with ServeBuilds(site, tmp_path / "served", URL) as serve:
        for n, (old, new, shown) in enumerate([
            ("  - title: Move\n", "  - title: Move with care\n", "Move with care"),
            ("\n\n<!-- more -->\n\n", " An opening, longer.\n\n<!-- more -->\n\n", "An opening, longer."),
            ("\n<!-- more -->\n\n", "\n<!-- more -->\n\nA sentence after the excerpt.\n\n", "A sentence after the excerpt."),
            ("title: 'Routine 3:", "title: 'Routine 3, again:", "Routine 3, again"),  # its slug keeps its address
        ]):
            post = post_file(site, 3)
            if n == 3:
                edit(post, "\ndate:", "\nslug: kept\ndate:")
                serve.build()
            edit(post, old, new)
            assert serve.build(), f"edit {n} was not shown before the whole build"
            assert shown in page_of(serve.site, "2020-01-04").read_text()
            assert_same_as_clean(serve, site, tmp_path, f"edit {n}")


@pytest.mark.parametrize("change", ["two posts", "a new date", "a mistake", "mkdocs.yml", "a title that moves the post"])
def test_a_save_that_changes_more_than_one_post_in_place_is_built_as_before(site, tmp_path, change):
    """Nothing is shown first; the whole build shows it, and the site is a clean build's."""
    with ServeBuilds(site, tmp_path / "served", URL) as serve:
        if change == "two posts":
            edit(post_file(site, 3), "  - title: Move\n", "  - title: Move on\n")
            edit(post_file(site, 4), "  - title: Move\n", "  - title: Move on\n")
        elif change == "a new date":
            edit(post_file(site, 3), "date: 2020-01-04", "date: 2020-01-30")
        elif change == "a mistake":
            edit(post_file(site, 3), "exhale: 8", "exhale: eight")
        elif change == "mkdocs.yml":
            edit(post_file(site, 3), "  - title: Move\n", "  - title: Move on\n")
            edit(site / "mkdocs.yml", "site_name: DIY Workout Recovery", "site_name: DIY Recovery")
        else:
            edit(post_file(site, 3), "title: 'Routine 3:", "title: 'Routine 3, renamed:")
        assert not serve.build()
        if change != "a mistake":  # a post with a mistake stays as it last was, under the panel
            assert_same_as_clean(serve, site, tmp_path, change)


def test_the_server_shows_the_saved_post_while_every_other_page_waits_for_the_whole_build(site, tmp_path):
    """With the whole build held at its start: the post is served new, browsers are told, the home page waits."""
    (site / "held").mkdir()
    (site / "held" / "hold.py").write_text(HOLD)
    edit(site / "mkdocs.yml", "hooks:\n", "hooks:\n  - held/hold.py\n")
    with DevServer(site, tmp_path / "serve") as server:
        server.settled()
        address = page_of(server.site, "2020-01-04").parent.relative_to(server.site).as_posix() + "/"
        epoch = int(re.search(r"livereload\((\d+),", server.page(address))[1])
        (site / "hold").touch()
        edit(post_file(site, 3), "  - title: Move\n", "  - title: Move with care\n")
        wait_for((site / "holding").exists, what="the whole build, held")
        assert "Move with care" in server.page(address), "the post is shown before the whole build"
        assert int(fetch(f"{server.url}livereload/{epoch}/1")) > epoch, "the browsers are told to reload"
        home: list[str] = []
        waiting = threading.Thread(target=lambda: home.append(server.page("")))
        waiting.start()
        waiting.join(timeout=1)
        assert not home, "the home page waits for the whole build"
        (site / "go").touch()
        waiting.join(timeout=120)
        assert home and "</html>" in home[0]
        (site / "hold").unlink()
        server.settled()
        found = differences(tree(server.site), tree(clean_build(site, server.url)))
        assert not found, found
