"""What the published branch holds: the address of every post page live, and what tells which post it was.

A site published before `addresses.yml` existed, or whose record misses an
address, still has the addresses it published on its `gh-pages` branch.
`make deploy` and `make record-addresses` read them back from there, so a
post whose slug changed since still gets its redirect. Every post page a
build writes names its file in `<meta name="post-file">`; a page published
before that is known by its title and date (`og:title`,
`article:published_time`).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .deploy import PUBLISHED_BRANCH

POST_FILE = "post-file"  # <meta name="post-file" content="blog/posts/knee.md"> on every post's page
_PAGE = "index.html"
_KEYS = (POST_FILE, "og:type", "og:title", "article:published_time")
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)


class Unreadable(Exception):
    """The published branch is there but cannot be read: the message says why, in one line."""


@dataclass(frozen=True)
class LivePost:
    """A post page on the published branch.

    Attributes:
        address: where it is published (`blog/2024/01/17/knee/`).
        file: the post's file under docs/ as the page names it; "" on a page published before pages named it.
        title: its title (Open Graph's), "" when it has none.
        date: its date, `2024-01-17`, "" when it has none.
    """

    address: str
    file: str = ""
    title: str = ""
    date: str = ""


def live_branch(repo: Path, remote: str | None) -> str | None:
    """The published branch to read: the remote's, fetched, where it has one; else a local one; None when never published.

    Raises:
        Unreadable: the remote has the branch but it could not be fetched.
    """
    if remote:
        listed = _git(repo, "ls-remote", "--heads", remote, f"refs/heads/{PUBLISHED_BRANCH}")
        if listed.returncode:
            raise Unreadable(f"{remote}/{PUBLISHED_BRANCH}: {remote} cannot be reached ({_reason(listed)})")
        if listed.stdout.strip():
            tracking = f"refs/remotes/{remote}/{PUBLISHED_BRANCH}"
            fetched = _git(repo, "fetch", "--quiet", remote, f"+refs/heads/{PUBLISHED_BRANCH}:{tracking}")
            if fetched.returncode:
                raise Unreadable(f"{remote}/{PUBLISHED_BRANCH}: cannot be fetched ({_reason(fetched)})")
            return tracking
    local = f"refs/heads/{PUBLISHED_BRANCH}"
    return local if _git(repo, "rev-parse", "--verify", "-q", local).returncode == 0 else None


def live_posts(repo: Path, ref: str, known: Callable[[str], bool]) -> list[LivePost]:
    """Every post page on `ref` whose address `known` does not already account for.

    Raises:
        Unreadable: the branch or a page on it cannot be read.
    """
    listed = _git(repo, "ls-tree", "-r", "-z", ref)
    if listed.returncode:
        raise Unreadable(f"{branch_name(ref)}: cannot be read ({_reason(listed)})")
    blobs = {}  # address -> its page's blob
    for entry in filter(None, listed.stdout.split("\0")):
        about, path = entry.split("\t", 1)
        if path.endswith(f"/{_PAGE}") and not known(address := path[: -len(_PAGE)]):
            blobs[address] = about.split()[2]
    return [post for address, html in _pages(repo, ref, blobs) if (post := post_page(address, html)) is not None]


def branch_name(ref: str) -> str:
    """A branch as git's commands name it: `origin/gh-pages`, `gh-pages`."""
    return ref.removeprefix("refs/remotes/").removeprefix("refs/heads/")


def post_page(address: str, html: str) -> LivePost | None:
    """What a published page says of its post; None when it is not a post's page (a list page, a redirect)."""
    head = html.split("</head>", 1)[0]
    if POST_FILE not in head and "article" not in head:
        return None
    # Only the tags read: parsing every tag of a head took most of the time.
    read = [tag for tag in _META.findall(head) if any(key in tag for key in _KEYS)]
    meta = _Meta()
    meta.feed("".join(read))
    if not meta.values.get(POST_FILE) and meta.values.get("og:type") != "article":
        return None
    return LivePost(
        address,
        file=meta.values.get(POST_FILE, ""),
        title=" ".join(meta.values.get("og:title", "").split()),
        date=meta.values.get("article:published_time", "")[:10],
    )


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


class _Meta(HTMLParser):
    """The `<meta>` of a page's head, by name or property."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            fields = dict(attrs)
            key = fields.get("name") or fields.get("property")
            if key and fields.get("content") is not None:
                self.values.setdefault(key, fields["content"])


def _pages(repo: Path, ref: str, blobs: dict[str, str]) -> Iterator[tuple[str, str]]:
    """Each address's page, from its blob, read one after the other by one `git cat-file`."""
    if not blobs:
        return
    with subprocess.Popen(["git", "cat-file", "--batch"], cwd=repo, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL) as reader:
        try:
            for address, blob in blobs.items():
                reader.stdin.write(f"{blob}\n".encode())
                reader.stdin.flush()
                header = reader.stdout.readline().split()
                if len(header) != 3 or header[1] != b"blob":
                    answer = b" ".join(header[1:]).decode(errors="replace") or "no answer"
                    raise Unreadable(f"{branch_name(ref)}: {address}{_PAGE} cannot be read ({answer})")
                yield address, reader.stdout.read(int(header[2]) + 1)[:-1].decode("utf-8", errors="replace")
        finally:
            reader.stdin.close()


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, errors="replace", check=False)


def _reason(done: subprocess.CompletedProcess) -> str:
    lines = (done.stderr or done.stdout).strip().splitlines()
    return lines[-1] if lines else f"git exited with {done.returncode}"
