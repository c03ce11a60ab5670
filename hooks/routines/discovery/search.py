"""The site's search: Pagefind's chunked index, made from the written pages.

A reader's browser fetches nothing of it until they open search, and then
only the chunks their words fall in, so a page weighs the same at 10 posts
as at 10,000. What is indexed is marked in the templates: each page's
article carries `data-pagefind-body` (listing pages do not, so they are left
out), and controls, listings and repeated notes inside it carry
`data-pagefind-ignore`.

Pagefind runs as its own program, writing beside the index it replaces,
which is swapped in whole once it is done: a reader searching meanwhile
gets the last complete index, and `serve` can stop an indexing that a newer
build has made pointless.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from pagefind.service import get_executable

FOLDER = "pagefind"  # under the site's root; the search script loads pagefind.js from here
_NEXT, _OLD = ".pagefind-next", ".pagefind-old"  # hidden: MkDocs leaves dot-files alone


class IndexFailed(Exception):
    """Pagefind could not index the site; the message is its last line."""


class Indexing:
    """Pagefind indexing a written site, started at once."""

    def __init__(self, site_dir: Path, language: str) -> None:
        self.site_dir = site_dir
        self._next = site_dir / _NEXT
        self._stopped = False
        shutil.rmtree(self._next, ignore_errors=True)
        self._next.mkdir(parents=True)  # there from now until the index is swapped in
        self._process = subprocess.Popen(
            [str(get_executable()), "--site", ".", "--output-path", _NEXT, "--force-language", language, "--silent"],
            cwd=site_dir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )

    def wait(self) -> int:
        """Wait for the index, swap it in, and say how many pages it holds (0 if it was stopped)."""
        _, errors = self._process.communicate()
        if self._stopped:
            shutil.rmtree(self._next, ignore_errors=True)
            return 0
        if self._process.returncode != 0:
            lines = [line for line in (errors or "").splitlines() if line.strip()]
            raise IndexFailed(lines[-1].strip() if lines else f"exit status {self._process.returncode}")
        fragments = self._next / "fragment"
        pages = sum(1 for _ in fragments.iterdir()) if fragments.is_dir() else 0
        current, old = self.site_dir / FOLDER, self.site_dir / _OLD
        shutil.rmtree(old, ignore_errors=True)
        if current.exists():
            os.replace(current, old)
        os.replace(self._next, current)
        shutil.rmtree(old, ignore_errors=True)
        return pages

    def stop(self) -> None:
        """Stop indexing, leaving the index that was there; `wait` then returns 0."""
        self._stopped = True
        if self._process.poll() is None:
            self._process.terminate()


def write_index(site_dir: Path, language: str) -> int:
    """Index the built site into `site_dir/pagefind/`, afresh; the number of pages indexed."""
    return Indexing(site_dir, language).wait()
