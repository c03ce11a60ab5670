"""What `serve` keeps between builds: digests, memos that check their lookups, stale files, inputs."""

from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from routines.serving.incremental import Background, Inputs, Memo, Session, digest, plain, remove_stale, store


@dataclass(frozen=True)
class Entry:
    title: str
    date: dt.date


def test_digests_name_data_not_its_order():
    assert digest({"a": 1, "b": [1, 2]}) == digest({"b": [1, 2], "a": 1})
    assert digest({3, 1, 2}) == digest({2, 3, 1})
    assert digest({"a": 1}) != digest({"a": 2})
    assert digest(Entry("x", dt.date(2024, 1, 17))) == digest(Entry("x", dt.date(2024, 1, 17)))
    assert digest(Entry("x", dt.date(2024, 1, 17))) != digest(Entry("x", dt.date(2024, 1, 18)))


@pytest.mark.parametrize("data", [{("a", 1): "tuple key"}, {1: "a", "b": 2}])
def test_keys_json_cannot_take_still_have_a_digest(data):
    assert digest(data) == digest(dict(reversed(list(data.items()))))


def test_something_without_a_stable_name_is_new_every_time():
    """An object named by its address never matches: its page is written again, never stale."""
    assert digest(object()) != digest(object())
    assert plain(dt.datetime(2024, 1, 17, 8)) == "2024-01-17T08:00:00"


class Files:
    """Files as a memo sees them: a path -> (address, inclusion)."""

    def __init__(self, urls: dict[str, str] | None = None) -> None:
        self.urls = urls or {}

    def get_file_from_path(self, path: str):
        url = self.urls.get(path)
        return None if url is None else SimpleNamespace(url=url, inclusion=SimpleNamespace(name="INCLUDED"))


def test_a_memo_is_used_again_while_its_lookups_answer_the_same():
    memo, made = Memo(), []

    def make(lookups):
        made.append(1)
        return f"<a href='{lookups.get_file_from_path('blog/knee.md').url}'>"

    files = Files({"blog/knee.md": "blog/2024/01/17/knee/"})
    assert memo.make("page", files, make) == memo.make("page", files, make) and made == [1]
    moved = Files({"blog/knee.md": "blog/2024/02/01/knee/"})
    assert memo.make("page", moved, make) == "<a href='blog/2024/02/01/knee/'>" and made == [1, 1]
    assert memo.get("page", Files()) is None, "a target that is gone"


def test_a_memo_forgets_what_a_build_did_not_use():
    memo = Memo()
    memo.keep("a", lambda: 1)
    memo.keep("b", lambda: 2)
    memo.sweep()
    memo.keep("a", lambda: 1)
    memo.sweep()
    assert len(memo) == 1 and memo.get("a", None) == 1 and memo.get("b", None) is None


def test_memos_stored_by_one_serve_start_the_next_of_the_same_inputs(tmp_path):
    """Still checked against the files they looked up; another stamp, a damaged file or none: started without them."""
    files = Files({"blog/knee.md": "blog/2024/01/17/knee/"})
    memo = Memo()
    memo.make("page", files, lambda lookups: f"<a href='{lookups.get_file_from_path('blog/knee.md').url}'>")
    memo.keep("unpicklable", lambda: threading.Lock())  # left out, the others written
    assert memo.made == 2
    stored = tmp_path / "serve" / "memos.pickle"
    store(stored, "stamp", memo.taken())
    assert memo.made == 0

    again = Memo()
    assert again.load(stored, "stamp") == 1
    assert again.get("page", files) == "<a href='blog/2024/01/17/knee/'>"
    assert again.get("page", Files({"blog/knee.md": "blog/2024/02/01/knee/"})) is None, "its lookups still count"
    assert again.get("unpicklable", None) is None
    assert Memo().load(stored, "another stamp") == 0
    assert Memo().load(tmp_path / "none.pickle", "stamp") == 0
    stored.write_bytes(stored.read_bytes()[:40])
    assert Memo().load(stored, "stamp") == 0


def test_a_session_stores_its_memos_a_moment_after_a_build_and_in_full_when_it_ends(tmp_path):
    """Off the build, so the browsers get the new pages first; written before the process goes."""
    serving = Session(keeps_pages=True)
    serving.stamp = "stamp"
    serving.memo.keep("a", lambda: "kept")
    stored = tmp_path / "memos.pickle"
    serving.store_memos(stored, soon=True, after=60)
    assert not stored.exists()
    serving.end()
    again = Memo()
    assert again.load(stored, "stamp") == 1 and again.get("a", None) == "kept"


def test_what_a_save_changed_is_stored_when_serve_stops(tmp_path):
    """A page or two is not worth writing every memo again at every save: it waits for the end."""
    serving = Session(keeps_pages=True)
    serving.stamp = "stamp"
    stored = tmp_path / "memos.pickle"
    serving.memo.keep("a", lambda: "first build")
    serving.store_memos(stored, soon=True, after=0)
    wait = threading.Event()
    threading.Timer(0.5, wait.set).start()
    wait.wait()
    assert Memo().load(stored, "stamp") == 1
    serving.memo.keep("b", lambda: "a save")
    serving.store_memos(stored, soon=False)
    assert Memo().load(stored, "stamp") == 1
    serving.end()
    assert Memo().load(stored, "stamp") == 2


def write(site, *paths):
    for path in paths:
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(path)


def test_what_a_build_no_longer_writes_goes_with_what_was_beside_it(tmp_path):
    write(tmp_path, "blog/2024/01/17/knee/index.html", "blog/2024/01/17/knee/card.png", "series/x/index.html",
          "series/x/page/2/index.html", "images/old.png", "images/new.png", "index.html")
    before = {"blog/2024/01/17/knee/index.html", "series/x/index.html", "series/x/page/2/index.html", "images/old.png", "images/new.png", "index.html"}
    now = {"series/x/index.html", "images/new.png", "index.html", "blog/2024/02/01/knee/index.html"}
    removed = remove_stale(tmp_path, before, now)
    assert removed == ["blog/2024/01/17/knee/index.html", "images/old.png", "series/x/page/2/index.html"]
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert left == ["images", "images/new.png", "index.html", "series", "series/x", "series/x/index.html"]


def test_a_page_folder_holding_a_page_still_built_stays(tmp_path):
    write(tmp_path, "series/x/index.html", "series/x/page/2/index.html")
    assert remove_stale(tmp_path, {"series/x/index.html", "series/x/page/2/index.html"}, {"series/x/page/2/index.html"}) == ["series/x/index.html"]
    assert (tmp_path / "series/x/page/2/index.html").is_file() and not (tmp_path / "series/x/index.html").exists()


def test_inputs_change_with_content_not_with_time(tmp_path):
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text("a")
    (tmp_path / "mkdocs.yml").write_text("site_name: x")
    inputs = Inputs()
    first = inputs.digest([tmp_path / "mkdocs.yml", tmp_path / "overrides"])
    os.utime(tmp_path / "overrides" / "main.html", ns=(10**18, 10**18))
    assert inputs.digest([tmp_path / "mkdocs.yml", tmp_path / "overrides"]) == first
    (tmp_path / "overrides" / "main.html").write_text("b")
    assert inputs.digest([tmp_path / "mkdocs.yml", tmp_path / "overrides"]) != first
    assert inputs.digest([tmp_path / "mkdocs.yml", tmp_path / "overrides"], skip=lambda p: p.suffix == ".html") != first


def test_a_link_to_nothing_is_an_input_too_not_a_crash(tmp_path):
    """The checks name it; the digest changes when it is fixed."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "gone.png").symlink_to(tmp_path / "nowhere.png")
    inputs = Inputs()
    broken = inputs.digest([tmp_path / "docs"])
    (tmp_path / "nowhere.png").write_bytes(b"png")
    assert inputs.digest([tmp_path / "docs"]) != broken


def test_work_left_after_a_build_is_stopped_by_the_next():
    stopped, failures = threading.Event(), []

    class Job:
        def wait(self):
            stopped.wait(5)

        def stop(self):
            stopped.set()

    Background(Job(), failures.append).stop()
    assert stopped.is_set() and failures == []


def test_work_left_after_a_build_says_when_it_fails():
    failures = []

    class Job:
        def wait(self):
            raise RuntimeError("Pagefind is missing")

    Background(Job(), failures.append).join()
    assert [str(f) for f in failures] == ["Pagefind is missing"]
