"""Under `serve`, Python's garbage collector runs once after each build, not again and again during it.

A build at 1,000 posts makes millions of objects that live until the next
build. Python's collector, counting them, goes through every one of them
several times a build (nearly a second at 1,000 posts). A build that keeps
none of them up never needs it: what the last build left is collected once,
a moment after the browsers have been told to reload, so the reload is not
kept waiting for it. Where saves come faster than that, a build now and then
starts with it, so what is left never piles up.

After the first build, the collection that follows also sets aside what is
alive then (the program, the theme's compiled templates: `gc.freeze`), which
later collections would otherwise go through every time; it comes after
the first page is served, not before.
"""

from __future__ import annotations

import gc
import threading

AFTER_SECONDS = 1.0  # after the build: the browsers fetch the new page first
MOST_BUILDS = 3  # saves coming faster than that: collected before the next build instead


class Collecting:
    """Pauses Python's garbage collector for the length of each build."""

    def __init__(self, after: float = AFTER_SECONDS, most_builds: int = MOST_BUILDS) -> None:
        self._after, self._most_builds = after, most_builds
        self._builds = 0  # builds since the last collection
        self._lock = threading.Lock()
        self._later: threading.Timer | None = None
        self._freeze = False

    def pause(self) -> None:
        """A build starts: nothing is collected until it ends."""
        with self._lock:
            if self._later is not None:
                self._later.cancel()
                self._later = None
            gc.disable()
            self._builds += 1
            if self._builds > self._most_builds:
                self._builds = 0
                gc.collect()

    def resume(self) -> None:
        """A build ended (or stopped): collect what it left, in a moment."""
        with self._lock:
            self._later = threading.Timer(self._after, self._collect)
            self._later.daemon = True
            self._later.start()

    def freeze_next(self) -> None:
        """The next collection between builds also sets aside, for good, what is alive after it."""
        with self._lock:
            self._freeze = True

    def _collect(self) -> None:
        with self._lock:
            if self._later is not threading.current_thread():  # a build started meanwhile
                return
            self._later, self._builds = None, 0
            freeze, self._freeze = self._freeze, False
            gc.enable()
        gc.collect()
        if freeze:
            gc.freeze()
