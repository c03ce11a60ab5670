"""Under serve, garbage is collected between builds, never during one, and never left to pile up."""

from __future__ import annotations

import gc
import time
import weakref

import pytest

from routines.serving.collecting import Collecting


class Cycle:
    """Garbage only the collector frees: it holds itself."""

    def __init__(self) -> None:
        self.me = self


def _garbage() -> weakref.ref:
    return weakref.ref(Cycle())


@pytest.fixture(autouse=True)
def collector_as_it_was():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_nothing_is_collected_during_a_build_and_what_it_left_goes_a_moment_after():
    collecting = Collecting(after=1.0, most_builds=3)
    collecting.pause()
    assert not gc.isenabled()
    left = _garbage()
    collecting.resume()
    assert not gc.isenabled(), "the browsers reload before the collector runs"
    deadline = time.monotonic() + 30
    while left() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gc.isenabled()
    assert left() is None


def test_a_build_that_starts_before_the_collection_keeps_it_off():
    collecting = Collecting(after=1.0, most_builds=3)
    collecting.pause()
    collecting.resume()
    left = _garbage()
    collecting.pause()  # the next save, at once
    time.sleep(1.5)
    assert not gc.isenabled()
    assert left() is not None
    collecting.pause()  # nothing left to run after the test (the fixture turns the collector back on)


def test_saves_that_never_leave_a_moment_still_have_their_garbage_collected():
    collecting = Collecting(after=60, most_builds=3)
    left = _garbage()
    for _ in range(3):
        collecting.pause()
        collecting.resume()
    assert left() is not None
    collecting.pause()  # the fourth build in a row with no pause between
    assert left() is None
    assert not gc.isenabled()


def test_a_collection_that_comes_too_late_leaves_the_next_builds_alone():
    """A save just as the collection was due: only the last build's own collection turns the collector on."""
    collecting = Collecting(after=60, most_builds=3)
    collecting.pause()
    collecting.resume()
    late = collecting._later
    collecting.pause()  # the next build
    collecting.resume()  # its own collection now waits for its moment
    late.function()  # the first build's, as if its moment came just now
    assert not gc.isenabled()
    collecting.pause()


def test_after_the_first_build_what_is_alive_is_set_aside_by_the_collection_that_follows():
    """`serve` asks it once the first build is done: not before the first page is served, but with the next collection."""
    collecting = Collecting(after=0.1, most_builds=3)
    collecting.pause()
    alive = Cycle()
    collecting.resume()
    collecting.freeze_next()
    assert gc.get_freeze_count() == 0
    deadline = time.monotonic() + 30
    try:
        while gc.get_freeze_count() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert gc.get_freeze_count() > 0
        assert alive.me is alive
    finally:
        gc.unfreeze()
