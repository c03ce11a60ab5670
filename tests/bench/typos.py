"""Typos forgiven, at scale: the search vocabulary's size and the time to corrected results.

For 200 and 1,000 generated posts, this site is built and served
gzip-compressed, and a reader types misspellings of the posts' words into
search in Chromium. Printed, per size:

- the vocabulary (pagefind/words.txt) the build writes beside the index:
  its words, and its bytes gzip-compressed and as written;
- the time from the last keystroke to corrected results on screen
  ("Showing N results for ..."), for the first query (the engine and the
  vocabulary load) and the median and range of the others (loaded), and
  against the same words spelled right, searched in the same page, the
  ratio of the medians (what correcting costs, on a machine however busy;
  the typo and the word take turns to go first, since the one that goes
  second finds the index's chunk for the word already fetched);
- the same with the vocabulary made 20,000 words longer (made-up words
  served in its place), since generated posts share one short list of
  words and a real site's vocabulary grows with its posts.

`python -m tests.bench typos` runs it alone; `BENCH_POSTS="200"` picks the sizes.
"""

from __future__ import annotations

import gzip
import os
import random
import statistics
import string
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from routines.discovery.search import FOLDER, VOCABULARY
from tests.bench.generate import generate
from tests.bench.scale import build_once
from tests.browser.conftest import CHROMIUM_FLAGS, SYSTEM_CHROMIUM
from tests.serving import serve

SIZES = tuple(int(n) for n in os.environ.get("BENCH_POSTS", "200 1000").split())
# Misspellings of words the generated posts use (tests/bench/generate.py), and the words.
TYPOS = {
    "piriformus": "piriformis", "sholder": "shoulder", "hamstrng": "hamstring", "kneecp": "kneecap", "tenis": "tennis",
    "tendn": "tendon", "scapla": "scapula", "forarm": "forearm", "stifness": "stiffness",
}
MORE_WORDS = 20_000
ANSWERED = """([typed]) => {
    const list = document.querySelector('.site-search__results');
    return list.dataset.query === typed && list.getAttribute('aria-busy') === 'false';
}"""


def made_up_words(count: int) -> str:
    """Words of 4 to 12 letters no post uses (the same ones every run), one a line."""
    rng = random.Random(0)
    return "\n".join("".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 12))) for _ in range(count))


def corrected(browser, url: str, vocabulary: str | None) -> tuple[list[float], list[float], int]:
    """Milliseconds from the last keystroke to each typo's results and to each word's spelled right; typos corrected."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    if vocabulary is not None:
        page.route(f"**/{FOLDER}/{VOCABULARY}", lambda route: route.fulfill(body=vocabulary, content_type="text/plain"))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.click(".site-search__open")
    times: dict[str, list[float]] = {"typo": [], "right": []}
    fixed = 0
    for turn, (typo, right) in enumerate(TYPOS.items()):
        for kind, typed in (("typo", typo), ("right", right))[:: -1 if turn % 2 else 1]:
            if times["typo"]:
                page.fill(".site-search__input", "")
                page.wait_for_function(ANSWERED, arg=[""])
            page.type(".site-search__input", typed[:-1])
            start = time.perf_counter()
            page.type(".site-search__input", typed[-1])
            page.wait_for_function(ANSWERED, arg=[typed])
            times[kind].append(1000 * (time.perf_counter() - start))
            fixed += kind == "typo" and page.inner_text(".site-search__status").startswith("Showing ")
    context.close()
    return times["typo"], times["right"], fixed


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=SYSTEM_CHROMIUM, args=CHROMIUM_FLAGS)
        for count in SIZES:
            with tempfile.TemporaryDirectory() as tmp:
                root = Path(tmp)
                generate(root, count)
                build_once(root)
                words = (root / "site" / FOLDER / VOCABULARY).read_bytes()
                listed = len(words.split())
                packed = len(gzip.compress(words, 9))
                print(f"typos, {count} posts: vocabulary of {listed} words, "
                      f"{packed / 1024:.1f} KB gzip ({len(words) / 1024:.1f} KB as written)", flush=True)
                url, server = serve(root / "site")
                post = next(iter(sorted((root / "site").glob("blog/2020/01/11/*/index.html")))).parent
                try:
                    larger = f"{words.decode()}\n{made_up_words(MORE_WORDS)}"
                    more = f"{MORE_WORDS:,} more words, {len(gzip.compress(larger.encode(), 9)) / 1024:.0f} KB gzip"
                    for name, vocabulary in (("its vocabulary", None), (more, larger)):
                        times, right, fixed = corrected(browser, url + f"{post.relative_to(root / 'site')}/", vocabulary)
                        first, later = times[0], times[1:]
                        print(f"typos, {count} posts, {name}: {fixed} of {len(TYPOS)} corrected; results "
                              f"{first:.0f} ms after the last keystroke on the first query, "
                              f"{statistics.median(later):.0f} ms median ({min(later):.0f}-{max(later):.0f}) once loaded; "
                              f"spelled right {statistics.median(right):.0f} ms median, "
                              f"ratio {statistics.median(later) / statistics.median(right):.2f}", flush=True)
                finally:
                    server.shutdown()
                    server.server_close()
        browser.close()


if __name__ == "__main__":
    main()
