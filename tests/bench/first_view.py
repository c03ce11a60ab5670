"""What a reader's phone downloads, this site against a plain Material blog of the same posts.

For 200 and 1,000 generated posts (varied text: one body repeated would gzip
to nothing), both sites are built and served gzip-compressed, as static hosts
serve them, and loaded in Chromium. Printed:

- first-view bytes (headers and compressed bodies, as the browser counts them)
  of a post, the home page and a list page, and this site's series page;
- one search: the bytes it fetches and the time from the last keystroke to
  the first results on screen, the first query (the engine loads) and a
  second one (loaded), medians of several queries;
- at 200 posts, Lighthouse's mobile scores (performance, accessibility, best
  practices, SEO), the median of LIGHTHOUSE_RUNS runs, for a post, the home
  page and the series page (npm's lighthouse@12.2.3, installed by `make bench`
  into .tools/).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.bench.generate import generate
from tests.bench.scale import build_once
from tests.browser.conftest import CHROMIUM_FLAGS, SYSTEM_CHROMIUM
from tests.serving import first_view, serve, transferred
from tests.sites import ROOT

SIZES = tuple(int(n) for n in os.environ.get("BENCH_POSTS", "200 1000").split())
LIGHTHOUSE = ROOT / ".tools" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
QUERIES = ["piriformis", "doorway stretch", "heel", "shoulder tension", "towel", "psoas"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def pages(site: Path) -> dict[str, str]:
    """The pages measured: a post (the 11th), home, the blog list, the series page (where there is one)."""
    post = next(iter(sorted(site.glob("blog/2020/01/11/*/index.html")))).parent
    found = {"post": f"{post.relative_to(site)}/", "home": "", "list": "blog/"}
    if (site / "series" / "diy-recovery" / "index.html").exists():
        found["series"] = "series/diy-recovery/"
    return found


def first_view_bytes(browser, url: str) -> int:
    """Bytes one first view transfers, in a fresh phone-sized context."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    total = sum(first_view(context.new_page(), url).values())
    context.close()
    return total


def searches(browser, url: str, ours: bool) -> tuple[int, float, float]:
    """One search's bytes, and the median time to first results of a first and of a later query (ms)."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request))
    if ours:
        opener, field, item = ".site-search__open", ".site-search__input", ".site-search__results li"
    else:
        opener, field, item = "label[for=__search]", "input.md-search__input", ".md-search-result__item"
    page.click(opener)
    times = []
    for query in QUERIES:
        page.fill(field, "")
        page.wait_for_function(f"!document.querySelector('{item}')")
        page.type(field, query[:-1])
        start = time.perf_counter()
        page.type(field, query[-1])
        page.wait_for_function(
            "([item, query]) => [...document.querySelectorAll(item)].length > 0 && "
            "document.querySelector(item).closest('ol, ul, div').textContent.toLowerCase().includes(query.split(' ')[0])",
            arg=[item, query],
        )
        times.append(1000 * (time.perf_counter() - start))
        if query == QUERIES[0]:
            first_bytes = sum(transferred(request) for request in fetched)
    context.close()
    return first_bytes, times[0], statistics.median(times[1:])


def lighthouse(url: str) -> dict[str, float]:
    """Median mobile Lighthouse scores of a page over LIGHTHOUSE_RUNS runs."""
    runs = []
    flags = "--headless=new " + " ".join(CHROMIUM_FLAGS)
    for _ in range(LIGHTHOUSE_RUNS):
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", "--quiet", f"--chrome-flags={flags}"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": SYSTEM_CHROMIUM or ""},
        )
        if result.returncode:
            raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        report = json.loads(result.stdout)
        runs.append({name: report["categories"][name]["score"] for name in CATEGORIES})
    return {name: statistics.median(run[name] for run in runs) for name in CATEGORIES}


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=SYSTEM_CHROMIUM, args=CHROMIUM_FLAGS)
        for count in SIZES:
            with tempfile.TemporaryDirectory() as tmp:
                sites = {"this site": Path(tmp) / "ours", "plain Material": Path(tmp) / "plain"}
                for name, root in sites.items():
                    root.mkdir()
                    generate(root, count, plain=name != "this site")
                    build_once(root)
                for name, root in sites.items():
                    url, server = serve(root / "site")
                    try:
                        views = {page: first_view_bytes(browser, url + path) for page, path in pages(root / "site").items()}
                        shown = ", ".join(f"{page} {size / 1024:.1f} KB" for page, size in views.items())
                        print(f"first view, {count} posts, {name}: {shown} (gzip, transferred)", flush=True)
                        took, first, later = searches(browser, url + pages(root / "site")["post"], name == "this site")
                        fetched = f"{took / 1024:.1f} KB" if took else "nothing more (the whole index came with the first view)"
                        print(f"search, {count} posts, {name}: one query fetches {fetched}; first results "
                              f"{first:.0f} ms after the keystroke on the first query, {later:.0f} ms (median) once loaded", flush=True)
                        if count == min(SIZES) and LIGHTHOUSE.exists():
                            for page, path in pages(root / "site").items():
                                if page == "list":
                                    continue
                                scores = lighthouse(url + path)
                                shown = " / ".join(f"{scores[c] * 100:.0f}" for c in CATEGORIES)
                                print(f"lighthouse mobile, {count} posts, {name}, {page}: {shown} "
                                      f"(performance / accessibility / best practices / SEO, median of {LIGHTHOUSE_RUNS})", flush=True)
                    finally:
                        server.shutdown()
                        server.server_close()
        browser.close()
    if not LIGHTHOUSE.exists():
        print("lighthouse: not installed (make bench installs it into .tools/)")


if __name__ == "__main__":
    main()
