"""Published addresses never break: every address a post was published at, and where each old one now leads.

`make deploy` records, after each publish, every post's address in
`addresses.yml` beside mkdocs.yml (keyed by the post's file, relative to
docs/) and commits it; no author writes a redirect by hand. A build then
gives each address a post no longer has a redirect page to the post's
address now (`hooks/addresses.py`, through mkdocs-redirects), and
`make check` says which. An address published before the record existed, or
missing from it, is read back from the published branch (`live`) and
joins the record under the post it was.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from pathlib import Path

import yaml

from .live import LivePost

ADDRESSES_FILE = "addresses.yml"
_HEADER = """\
# Every address each post has been published at, by the post's file under docs/.
# make deploy adds to it and commits it: do not edit it by hand. A post whose
# slug, date or title changed keeps its old addresses, as redirects to the new one.
"""


class BadRecord(Exception):
    """The record cannot be read: the message names the file and the fix."""


def read_record(path: Path) -> dict[str, list[str]]:
    """The recorded addresses by post file; none when the site was never published."""
    if not path.is_file():
        return {}
    fix = f"restore it from the history (git checkout HEAD -- {path.name}), or delete it to start the record again"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise BadRecord(f"{path.name}: cannot be read ({type(error).__name__}); {fix}") from None
    if not isinstance(data, dict) or not all(
        isinstance(src, str) and isinstance(urls, list) and all(isinstance(url, str) for url in urls) for src, urls in data.items()
    ):
        raise BadRecord(f"{path.name}: each entry must be a post's file with a list of addresses; {fix}")
    return data


def recorded(record: dict[str, list[str]], current: dict[str, str]) -> dict[str, list[str]]:
    """The record with every post's current address added (old ones kept, in the order they were published)."""
    merged = {src: list(urls) for src, urls in record.items()}
    for src, url in current.items():
        if url not in merged.setdefault(src, []):
            merged[src].append(url)
    return dict(sorted(merged.items()))


def learnt(
    record: dict[str, list[str]], live: list[LivePost], posts: dict[str, tuple[str, str]],
) -> tuple[dict[str, list[str]], list[str]]:
    """The record with each live post page's address added under the post it was, and the addresses no post matched.

    A page is its post's by the file it names; a page published before pages
    named it, by its title and date, or by its title alone where only one
    post has it (its date changed).

    Args:
        record: the published addresses by post file.
        live: the post pages on the published branch.
        posts: each published post's title and date (`2024-01-17`), by its file.
    """
    by_title_date = _only_one((title_date, src) for src, title_date in posts.items())
    by_title = _only_one((title, src) for src, (title, _) in posts.items())
    merged = {src: list(urls) for src, urls in record.items()}
    unmatched = []
    for page in live:
        src = page.file if page.file in posts else (by_title_date.get((page.title, page.date)) or by_title.get(page.title))
        if src is None:
            unmatched.append(page.address)
        elif page.address not in merged.setdefault(src, []):
            merged[src].append(page.address)
    return dict(sorted(merged.items())), unmatched


def write_record(path: Path, record: dict[str, list[str]]) -> bool:
    """Write the record; whether it changed."""
    text = _HEADER + yaml.safe_dump(record, sort_keys=True, allow_unicode=True, default_flow_style=False)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def redirects(record: dict[str, list[str]], current: dict[str, str], taken: set[str]) -> dict[str, str]:
    """Each old address of a post still published -> that post's file.

    Args:
        record: the published addresses by post file.
        current: each published post's address now, by its file.
        taken: every address a page of this build has: an old address a page
            now stands at stays that page.
    """
    return {
        old: src
        for src, urls in sorted(record.items()) if src in current
        for old in urls if old != current[src] and old not in taken
    }


def _only_one(keyed: Iterable[tuple[Hashable, str]]) -> dict:
    """Each key only one post has, with that post."""
    found: dict = {}
    for key, src in keyed:
        found[key] = None if key in found else src
    return {key: src for key, src in found.items() if src is not None}
