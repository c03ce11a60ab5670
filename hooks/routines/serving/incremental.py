"""Rebuild only what an edit can change: what `make serve` keeps from one build to the next.

Every build under `serve` still reads every page and runs every plugin, so
what plugins gather across pages (the blog's posts, tags, feeds) is whole.
What it keeps is the expensive part, each piece named by everything it was
made from:

- memos (`Memo`): a page's Markdown turned into HTML, an excerpt, a post's
  routine and video blocks; each also remembers the files it looked up on
  the way (a link's target and its address) and is used again only while
  those lookups still give the same answers. A moment after a build of
  every page, and when `serve` stops, they are written to `.cache/serve/`,
  and `serve` started again with the same inputs, Python and packages
  (`process_stamp`) starts from them (`make build` keeps its own, in
  `.cache/build/`);
- what each written page's render read (`engine.reads.Reads`), noted while
  it rendered: every read of a page, section, link or the navigation, every
  name its template looked up and every function of the site it called, each
  with what it gave. A page whose reads all give what they gave is not
  rendered again;
- a digest of everything every page depends on (`Inputs`): mkdocs.yml, the
  theme's overrides, the hooks, the files of docs/ that are not pages. When
  it changes, the next build starts from an empty site, as a first one does.

Nothing here is keyed on time or imports MkDocs: pages and files are read by
their attributes.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import importlib.metadata
import json
import marshal
import os
import pickle
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2

from .collecting import Collecting

# -----------------------------------------------------------------------------
# Digests
# -----------------------------------------------------------------------------


def digest(*parts: Any) -> str:
    """A name for nested data, the same in every process for the same data."""
    try:  # JSON's own encoder, where it can take the data as it is
        text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=_encoded)
    except (TypeError, ValueError):  # keys that are not text, or that do not sort
        text = json.dumps(plain(parts), ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _encoded(value: Any) -> Any:
    """What JSON's encoder cannot take, as `plain` gives it."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    return plain(value)


def plain(value: Any) -> Any:
    """Nested data as JSON can hold it: mappings by sorted key, sets sorted, dates as text.

    Anything else is named by its `repr` (a dataclass's names every field); one that holds a memory address is
    then new in every build, so a page showing it is always written again:
    slower, never stale.
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, dict):
        return [[plain(k), plain(v)] for k, v in sorted(value.items(), key=lambda item: repr(item[0]))]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v) for v in value), key=repr)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return repr(value)  # a frozen dataclass names its fields, in order


# -----------------------------------------------------------------------------
# Memos that remember the files they looked up
# -----------------------------------------------------------------------------


def described(file: Any) -> tuple[str, str] | None:
    """What a lookup of a file answers that rendering uses: its address and whether it is built."""
    if file is None:
        return None
    return (file.url, file.inclusion.name)


class Lookups:
    """The site's files, noting every path looked up and what it gave.

    Passed where MkDocs' link resolver wants the files: it only asks
    `get_file_from_path`.
    """

    def __init__(self, files: Any) -> None:
        self._files = files
        self.seen: dict[str, tuple[str, str] | None] = {}

    def get_file_from_path(self, path: str) -> Any:
        found = self._files.get_file_from_path(path)
        self.seen[path] = described(found)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


@dataclasses.dataclass
class _Kept:
    value: Any
    seen: dict[str, tuple[str, str] | None]


class Memo:
    """Results of expensive work, by everything they were made from.

    A result is used again only while every file it looked up still gives the
    same answer. Results no build has asked for since the last `sweep` go.
    """

    def __init__(self) -> None:
        self._kept: dict[Any, _Kept] = {}
        self._used: set[Any] = set()
        self.made = 0  # results made since the last `taken()`
        self.stamp = ""  # what the results are made from, as the last `load` was given it

    def get(self, key: Any, files: Any) -> Any | None:
        """The result kept for `key`, or None if there is none or a lookup now answers differently."""
        kept = self._kept.get(key)
        if kept is None or any(described(files.get_file_from_path(path)) != seen for path, seen in kept.seen.items()):
            return None
        self._used.add(key)
        return kept.value

    def make(self, key: Any, files: Any, make: Callable[[Lookups], Any]) -> Any:
        """The result for `key`: kept, or made by `make` from files that note its lookups."""
        value = self.get(key, files)
        if value is None:
            lookups = Lookups(files)
            value = make(lookups)
            self._kept[key] = _Kept(value, lookups.seen)
            self._used.add(key)
            self.made += 1
        return value

    def keep(self, key: Any, make: Callable[[], Any]) -> Any:
        """The result for `key`, made by `make` (which looks up no file) only when there is none."""
        return self.make(key, None, lambda lookups: make())

    def sweep(self) -> None:
        """Forget what this build did not use, so memory stays the size of one site."""
        self._kept = {key: kept for key, kept in self._kept.items() if key in self._used}
        self._used = set()

    def __len__(self) -> int:
        return len(self._kept)

    def taken(self) -> dict[Any, Any]:
        """What is kept now, for `store` to write while builds go on (entries are never changed, only replaced)."""
        self.made = 0
        return dict(self._kept)

    def load(self, path: Path, stamp: str) -> int:
        """Take what `store` wrote to `path` for the same `stamp`; how many results it gave (none from a damaged or older file)."""
        self.stamp = stamp
        try:
            with open(path, "rb") as stored:
                stored_stamp, kept = pickle.load(stored)
        except Exception:  # noqa: BLE001 - missing, damaged, or written by other code: start without it
            return 0
        if stored_stamp != stamp or not isinstance(kept, dict):
            return 0
        self._kept.update(kept)
        return len(kept)


def store(path: Path, stamp: str, kept: dict[Any, Any]) -> None:
    """Write `Memo.taken()` to `path` for a later `serve` whose inputs give the same `stamp`; what cannot be written is left out."""
    try:
        data = pickle.dumps((stamp, kept), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a result pickle cannot take: write the others
        data = pickle.dumps((stamp, {key: value for key, value in kept.items() if _picklable((key, value))}), protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    written.write_bytes(data)
    os.replace(written, path)  # a reader finds the old file or the new one, never half of one


def _picklable(value: Any) -> bool:
    try:
        pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001
        return False
    return True


def process_stamp(*parts: str) -> str:
    """What results kept by one `serve` process are made by, besides the site's inputs: Python and the packages that render pages."""
    versions = []
    for name in ("mkdocs", "properdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2"):
        try:
            versions.append(importlib.metadata.version(name))
        except importlib.metadata.PackageNotFoundError:
            versions.append("")
    return digest(sys.version, versions, *parts)


# -----------------------------------------------------------------------------
# What every page depends on
# -----------------------------------------------------------------------------


class Inputs:
    """The digest of a set of files and folders, each file read again only when its size or time changes."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[tuple[int, int], str]] = {}

    def digest(self, paths: Iterable[Path], skip: Callable[[Path], bool] = lambda path: False) -> str:
        """One digest of every file under `paths` (files or folders) that `skip` keeps."""
        named = []
        for path in paths:
            for file in sorted(_files_under(path)):
                if not skip(file):
                    named.append((str(file), self._content(file)))
        return digest(named)

    def _content(self, file: Path) -> str:
        try:
            stat = file.stat()
            stamp = (stat.st_size, stat.st_mtime_ns)
            known = self._known.get(str(file))
            if known is None or known[0] != stamp:
                known = (stamp, hashlib.blake2b(file.read_bytes(), digest_size=16).hexdigest())
                self._known[str(file)] = known
        except OSError as error:  # a link to nothing, a file gone or unreadable: the checks say which
            return f"unreadable: {error.strerror}"
        return known[1]


def _files_under(path: Path) -> Iterable[Path]:
    if path.is_file():
        yield path
    elif path.is_dir():
        for folder, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in names:
                yield Path(folder, name)


# -----------------------------------------------------------------------------
# Files a build no longer writes
# -----------------------------------------------------------------------------


def remove_stale(site_dir: Path, before: set[str], now: set[str]) -> list[str]:
    """Remove what the last build wrote and this one did not (paths relative to the site).

    A page's folder goes with it, with whatever was written beside the page,
    unless something this build wrote is inside it; folders left empty go too.

    Returns:
        what was removed, relative to the site, sorted.
    """
    inside_now = {folder for path in now for folder in _folders_of(path)}
    removed = []
    for path in sorted(before - now):
        target = site_dir / path
        folder = path.rpartition("/")[0]
        if target.name == "index.html" and folder and folder not in inside_now:
            shutil.rmtree(site_dir / folder, ignore_errors=True)
            left = (site_dir / folder).parent
        elif target.is_file():
            target.unlink()
            left = target.parent
        else:
            continue
        removed.append(path)
        while left != site_dir and left.is_dir() and not any(left.iterdir()):
            left.rmdir()
            left = left.parent
    return removed


def _folders_of(path: str) -> Iterable[str]:
    """`a/b/c.html` -> `a/b`, `a`."""
    folder = path.rpartition("/")[0]
    while folder:
        yield folder
        folder = folder.rpartition("/")[0]


# -----------------------------------------------------------------------------
# The serve session
# -----------------------------------------------------------------------------


@dataclasses.dataclass
class Served:
    """What `serve` learns of one build's pages before it writes them (kept on the build's state).

    Attributes:
        files, nav, env: the build's files, navigation and the environment its pages render in, once made.
    """

    files: Any = None
    nav: Any = None
    env: Any = None


STORE_AFTER_SECONDS = 2.0  # the browsers fetch the new pages first


class Session:
    """What one `serve` process keeps between its builds.

    Attributes:
        keeps_pages: whether pages already written stay (`serve --dirty`,
            which `make serve` runs): only pages whose reads changed are
            rendered. Without it MkDocs empties the site every build, and only
            the memos save time.
        memo: results of expensive per-page work.
        checks: what checking each page's text found (`contract.checks.Remembered`), or None before the first check.
        inputs: digests of what every page depends on.
        inputs_digest: that digest at the last build.
        reads: each written page (path in the site) -> what its last render read (`engine.reads.Reads`).
        left_as_written: the pages (paths in docs/) this build did not render, as nothing they read changed.
        outputs: every file the last build wrote from its files, relative to the site.
        problems: the panel every served page shows, empty if the posts have no problems.
        last_good: each page's text (and for a post, its front matter and model) when it last had no problem.
        background: work that finishes after the build (the search index), or None.
        collecting: Python's garbage collector, paused for the length of each build.
        stamp: what the memos are made from (`process_stamp` of the inputs), as `Memo.load` and `store` check it.
        last: what the last build, if it finished, leaves for the next save's preview (`engine.preview.LastBuild`), or None.
        previewed: whether this build follows a preview of the post saved.
        rewritten: whether this build wrote a page other than as it stood (or removed one): the browsers reload again.
    """

    def __init__(self, keeps_pages: bool) -> None:
        self.keeps_pages = keeps_pages
        self.memo = Memo()
        self.checks: Any = None
        self.inputs = Inputs()
        self.inputs_digest = ""
        self.reads: dict[str, Any] = {}
        self.left_as_written: set[str] = set()
        self.outputs: set[str] = set()
        self.problems = ""
        self.last_good: dict[str, tuple[str, Any, Any]] = {}
        self._kept_texts: Path | None = None
        self.afresh = True
        self.templates = CompiledTemplates()
        self.theme_files: dict[Any, list[str]] = {}
        self._background: Background | None = None
        self.collecting = Collecting()
        self.stamp = ""
        self._storing: threading.Timer | None = None
        self._stored = threading.Event()
        self._store_to: Path | None = None
        self.last: Any = None
        self.previewed = False
        self.rewritten = False

    def start_afresh(self) -> None:
        """Forget every page written and every memo: the next build writes the whole site."""
        self.memo = Memo()
        self.checks = None
        self.reads = {}
        self.outputs = set()
        self.theme_files = {}
        self.last = None
        self.afresh = True

    def as_last_good(self, checked, shown: dict[str, str]) -> dict[str, Path | None]:
        """Under `serve`, each page with a problem is built as it last was without one, or left out if it never was.

        The author keeps reading the page they are fixing, with the problems
        over it, and every other page stays as it was: nothing is built again
        but the panel, which the server lays over every page.

        Args:
            checked: what `check_pages` found; a wrong post's model is taken
                out of `checked.posts`, and its last good one put back.
            shown: each page's path relative to docs/ -> its path in error lines.

        Returns:
            Each page with a problem -> the file to read in its place, or None to leave it out.
        """
        wrong = {problem.file for problem in checked.problems}
        instead: dict[str, Path | None] = {}
        for src, path in shown.items():
            if path not in wrong:
                if src in checked.texts:
                    front, post = checked.posts.get(src, (None, None))
                    self.last_good[src] = (checked.texts[src], front, post)
                continue
            checked.posts.pop(src, None)
            if src not in self.last_good:
                instead[src] = None
                continue
            text, front, post = self.last_good[src]
            instead[src] = self._kept_text(src, text)
            if post is not None:
                checked.posts[src] = (dataclasses.replace(front, data=copy.deepcopy(front.data)), post)
        return instead

    def _kept_text(self, src: str, text: str) -> Path:
        """A file holding `text`, for a build to read in place of the page at `src` (its path in docs/)."""
        if self._kept_texts is None:
            self._kept_texts = Path(tempfile.mkdtemp(prefix="last-good-"))
        path = self._kept_texts / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def store_memos(self, path: Path, soon: bool, after: float = STORE_AFTER_SECONDS) -> None:
        """Write the memos to `path` for the next `serve` of the same inputs to start from: when `serve` stops, and if `soon`, in a moment too, off the build.

        A build of every page is written soon, in case the process is killed;
        what a save changes (a page or two) waits for the end.
        """
        self._store_to = path
        if not soon:
            return
        if self._storing is not None:
            self._storing.cancel()
        self._stored.clear()
        self._storing = threading.Timer(after, self._store, args=(path, self.stamp, self.memo.taken()))
        self._storing.daemon = True
        self._storing.start()

    def _store(self, path: Path, stamp: str, kept: dict[Any, Any]) -> None:
        store(path, stamp, kept)
        self._stored.set()

    def end(self) -> None:
        """Let the last build's work finish, write the memos, and remove what the session wrote aside (when `serve` stops)."""
        if self._storing is not None:
            self._storing.cancel()
            self._storing.join()  # if it is writing, until it has written
        if self._store_to is not None and (self.memo.made or (self._storing is not None and not self._stored.is_set())):
            store(self._store_to, self.stamp, self.memo.taken())
        self.wait_for_background()
        if self._kept_texts is not None:
            shutil.rmtree(self._kept_texts, ignore_errors=True)

    def after_build(self, job: Any, failed: Callable[[Exception], None]) -> None:
        """Let `job` (with `wait()` and `stop()`) finish after the build; `failed` hears of an error."""
        self.stop_background()
        self._background = Background(job, failed)

    def stop_background(self) -> None:
        """Stop what the last build left running: a newer build makes it pointless."""
        if self._background is not None:
            self._background.stop()
            self._background = None

    def wait_for_background(self) -> None:
        """Let what the last build left running finish (when `serve` stops)."""
        if self._background is not None:
            self._background.join()
            self._background = None


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja templates compiled once per process: every build makes new environments, which would compile them again.

    Jinja names each by its template and file, and uses it only while the
    template's text has the checksum it was compiled from.
    """

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, bytes]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = self._code.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = marshal.loads(kept[1])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, marshal.dumps(bucket.code))


class Background:
    """A job that goes on after a build, in a thread of its own."""

    def __init__(self, job: Any, failed: Callable[[Exception], None]) -> None:
        self._job = job
        self._thread = threading.Thread(target=self._run, args=(failed,), name="after-build", daemon=True)
        self._thread.start()

    def _run(self, failed: Callable[[Exception], None]) -> None:
        try:
            self._job.wait()
        except Exception as error:  # noqa: BLE001 - reported as the job's line, never a traceback
            failed(error)

    def stop(self) -> None:
        self._job.stop()
        self._thread.join()

    def join(self) -> None:
        self._thread.join()


_session: Session | None = None
_build_memo: Memo | None = None


def start_session(keeps_pages: bool) -> Session:
    """Begin the session of a `serve` process (once, at its start)."""
    global _session
    _session = Session(keeps_pages)
    return _session


def session() -> Session | None:
    """The `serve` session this process runs, or None for `build`."""
    return _session


def start_build_memo() -> Memo:
    """Begin the memos of a `build` (at its start): what an earlier build of the same inputs made, once loaded."""
    global _build_memo
    _build_memo = Memo()
    return _build_memo


class Storing:
    """Memos being written by a thread of their own while a build finishes (its search index runs as a program of its own)."""

    def __init__(self, path: Path, stamp: str, kept: dict[Any, Any]) -> None:
        self._thread = threading.Thread(target=store, args=(path, stamp, kept), name="store-memos", daemon=True)
        self._thread.start()

    def join(self) -> None:
        self._thread.join()


def memo() -> Memo | None:
    """Where expensive per-page work is kept: the `serve` session's memos, a `build`'s, or None where none were started."""
    return _session.memo if _session is not None else _build_memo
