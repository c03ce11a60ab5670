"""The author's loop: from saving a post to the server serving the new text.

For 200 and 1,000 generated posts, this site runs under the command `make
serve` runs (`serve --livereload --dirty`) and a plain Material blog of the
same posts under `serve --livereload`, as its authors run it (the engine of
ENGINE). The benchmark times how long the server takes to serve its first
page, then saves EDITS edits of each kind to one post (its prose, a step, its
title) and times each until the post's page, fetched every 20 ms, carries the
new text, and until the home page is served, which waits for the build of
the whole site (this site shows the saved post before it); on this site
also a mistake until the home page shows it, and its
fix until the page no longer does (a plain Material server stops serving at
a mistake). Last, the server is stopped with Ctrl-C and started again at
the same address, as an author starting their day, and its first page
timed. Printed: the median and the range per kind.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.bench.generate import generate
from tests.dev_server import SERVE
from tests.sites import ENGINE

SIZES = tuple(int(n) for n in os.environ.get("BENCH_POSTS", "200 1000").split())
EDITS = int(os.environ.get("EDITS", "5"))
POST = "docs/blog/posts/routine-0010.md"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode()
    except (urllib.error.URLError, ConnectionError):
        return ""


def until(url: str, text: str, started: float, limit: float = 600) -> float:
    """Seconds from `started` until the page at url holds `text`."""
    while text not in fetch(url):
        if time.perf_counter() - started > limit:
            raise SystemExit(f"{url} never showed {text!r}")
        time.sleep(0.02)
    return time.perf_counter() - started


def until_not(url: str, text: str, started: float, limit: float = 600) -> float:
    """Seconds from `started` until the page at url no longer holds `text`."""
    while text in (page := fetch(url)) or not page:
        if time.perf_counter() - started > limit:
            raise SystemExit(f"{url} still showed {text!r}")
        time.sleep(0.02)
    return time.perf_counter() - started


def edits(kind: str, n: int) -> tuple[str, str]:
    """The text to replace in the post and its replacement, for edit n of a kind."""
    return {
        "prose": ("\n\n<!-- more -->\n\n", f" Edited prose {n}.\n\n<!-- more -->\n\n"),
        "step": ("  - title: Move\n", f"  - title: Move {n}\n"),
        "title": ("title: 'Routine 10:", f"title: 'Routine 10 ({n}):"),
    }[kind]


def shown(kind: str, n: int) -> str:
    return {"prose": f"Edited prose {n}.", "step": f"Move {n}", "title": f"Routine 10 ({n})"}[kind]


def serve(root: Path, port: int, plain: bool) -> subprocess.Popen:
    command = ["serve", "--livereload"] if plain else SERVE
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.Popen(
        [sys.executable, "-m", ENGINE, *command, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def stop(server: subprocess.Popen) -> None:
    """As an author stops it: Ctrl-C."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.terminate()
        server.wait(timeout=60)


def main() -> None:
    port = 8400
    for count in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            for name, plain in (("this site", False), ("plain Material", True)):
                root = Path(tmp) / name.replace(" ", "-")
                root.mkdir()
                generate(root, count, plain=plain)
                post = root / POST  # a slug keeps its address when its title changes
                post.write_text(post.read_text().replace("\ndate:", "\nslug: edited\ndate:", 1))
                port += 1
                url = f"http://127.0.0.1:{port}/"
                started = time.perf_counter()
                server = serve(root, port, plain)
                try:
                    first = until(url, "</html>", started)
                    page = url + "blog/2020/01/11/edited/"
                    figures = []
                    for kind in ("prose", "step", "title"):
                        if plain and kind == "step":
                            continue
                        took, built = [], []
                        for n in range(1, EDITS + 1):  # each edit of a kind replaces the one before
                            text = post.read_text()
                            before = edits(kind, 1)[0] if n == 1 else edits(kind, n - 1)[1]
                            saved = time.perf_counter()
                            post.write_text(text.replace(before, edits(kind, n)[1], 1))
                            took.append(until(page, shown(kind, n), saved))
                            built.append(until(url, "</html>", saved))  # every other page waits for the whole build
                        figures.append(
                            f"{kind} {statistics.median(took):.2f} s ({min(took):.2f}-{max(took):.2f}), "
                            f"the whole site {statistics.median(built):.2f} s"
                        )
                    if not plain:  # a plain Material server stops serving at a mistake until it is fixed
                        shown_at, gone_at = [], []
                        for _ in range(EDITS):
                            good = post.read_text()
                            saved = time.perf_counter()
                            post.write_text(good.replace("exhale: 8", "exhale: eight", 1))
                            shown_at.append(until(url, "build-problems", saved))
                            saved = time.perf_counter()
                            post.write_text(good)
                            gone_at.append(until_not(url, "build-problems", saved))
                        for kind, took in (("a mistake shown", shown_at), ("its fix shown", gone_at)):
                            figures.append(f"{kind} {statistics.median(took):.2f} s ({min(took):.2f}-{max(took):.2f})")
                finally:
                    stop(server)
                # Again, as an author starting their day, at the same address: link-preview cards, QR codes and
                # (for this site) what its builds made are kept in .cache/.
                started = time.perf_counter()
                server = serve(root, port, plain)
                try:
                    again = until(f"http://127.0.0.1:{port}/", "</html>", started)
                finally:
                    stop(server)
                print(f"edit to served, {count} posts, {name} ({ENGINE} serve): first page served after {first:.1f} s "
                      f"(a new site), {again:.1f} s (started again); median (range) of {EDITS} edits: " + ", ".join(figures), flush=True)


if __name__ == "__main__":
    main()
