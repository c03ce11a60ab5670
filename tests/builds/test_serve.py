"""`mkdocs serve` stays right when one post changes: every list rebuilt, nothing stale."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from bs4 import BeautifulSoup

from tests.sites import ENGINE, make_site

KNEE = "docs/blog/posts/knee-pain-self-massage-stretch.md"
OLD, NEW = "Knee Pain? Try This Self Massage + Stretch", "Knee Pain, Revisited"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(predicate, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("timed out waiting for the dev server")


@pytest.fixture
def server(tmp_path):
    root = make_site(tmp_path)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", ENGINE, "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: OLD in fetch(url + "series/diy-recovery/"))
        yield root, url
    finally:
        process.terminate()
        process.wait(timeout=30)


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
    # Pagefind names its index files by their content: a changed step is a new index.
    assert fetch(url + "pagefind/pagefind-entry.json") != index_before


def test_a_mistake_shows_in_the_browser_and_goes_when_fixed(server):
    """A broken post saved under `make serve`: every open page shows its line; fixed, the pages come back."""
    root, url = server
    post = root / KNEE
    good = post.read_text()
    post.write_text(good.replace("exhale: 8", "exhale: eight", 1))
    line = 'docs/blog/posts/knee-pain-self-massage-stretch.md:27: routine.steps[2].breath.exhale: must be a number of counts > 0 and <= 60, got "eight"'
    wait_for(lambda: "build-problems" in fetch(url))
    for page in ("", "blog/", "series/diy-recovery/", "blog/2024/01/17/knee-pain-self-massage-stretch/"):
        try:
            html = fetch(url + page)
        except urllib.error.HTTPError as error:  # the broken post itself is left out: its address is not found
            assert error.code == 404, page
            html = error.read().decode()
        panels = BeautifulSoup(html, "html.parser").select("aside.build-problems")
        assert len(panels) == 1 and [code.get_text() for code in panels[0].select("li code")] == [line], page
    post.write_text(good)
    wait_for(lambda: "build-problems" not in fetch(url) and OLD in fetch(url + "blog/2024/01/17/knee-pain-self-massage-stretch/"))
