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

Beside the index goes its vocabulary (`words.txt`): every word the index
holds, one a line, the most used first. The search script fetches it when
search opens and hands Pagefind only words the site has, correcting a typo
to the nearest one: Pagefind has no typo tolerance, and a word it cannot
find it matches by the longest indexed word the typed one starts with, so
"sholder" found every page with "30 s" in it, and "yoga" the "Y O U" of a
post.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from pagefind.service import get_executable

FOLDER = "pagefind"  # under the site's root; the search script loads pagefind.js from here
_NEXT, _OLD = ".pagefind-next", ".pagefind-old"  # hidden: MkDocs leaves dot-files alone
VOCABULARY = "words.txt"  # in FOLDER, beside the index it was made from
# What Pagefind leaves out of the text it indexes: the permalink sign MkDocs
# puts in every heading would end every result's title ("...help¶").
LEFT_OUT = ".headerlink"
# Pagefind's page fragments: gzip of this signature then the page as JSON
# (Pagefind's pagefind/src/output/mod.rs writes them so, and its
# pagefind_web_js/lib/coupled_search.ts reads them so); the fragment's
# "content" is the text Pagefind indexed, its title included.
_FRAGMENT_SIGNATURE = b"pagefind_dcd"
# A word of the vocabulary: two letters or more. Single letters ("30 s", "Y O U")
# are no word a reader searches for, and would match any word starting with them.
_WORD = re.compile(r"[^\W\d_]{2,}")


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
            [str(get_executable()), "--site", ".", "--output-path", _NEXT, "--force-language", language,
             "--exclude-selectors", LEFT_OUT, "--silent"],
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
        fragments = sorted((self._next / "fragment").glob("*.pf_fragment"))
        (self._next / VOCABULARY).write_text("\n".join(vocabulary(fragments)), encoding="utf-8")
        pages = len(fragments)
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


def vocabulary(fragments: list[Path]) -> list[str]:
    """Every word of the pages Pagefind indexed, lower case, the most used first (then in alphabetical order)."""
    counts: Counter[str] = Counter()
    for fragment in fragments:
        data = gzip.decompress(fragment.read_bytes())
        if not data.startswith(_FRAGMENT_SIGNATURE):
            raise IndexFailed(
                f"{fragment.name} is not a page fragment as Pagefind 1.5 writes them; check its format after an upgrade"
            )
        page = json.loads(data[len(_FRAGMENT_SIGNATURE):])
        counts.update(_WORD.findall(page["content"].casefold()))
    return sorted(counts, key=lambda word: (-counts[word], word))


def write_index(site_dir: Path, language: str) -> int:
    """Index the built site into `site_dir/pagefind/`, afresh; the number of pages indexed."""
    return Indexing(site_dir, language).wait()
