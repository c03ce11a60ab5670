"""What a routine needs on paper: QR codes that bring the reader back to the screen."""

from __future__ import annotations

import re
from collections.abc import Iterable
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import zxingcpp
from markupsafe import escape

from .kept import digest, kept, processes

DRAWING = "2", version("zxing-cpp")  # change when the drawing changes: every kept code is drawn again
QUIET_ZONE = 2  # modules of white around the code: what phone cameras need
_DARK_RUN = re.compile(rb"\x00+")  # a row's dark modules, side by side


# zxing-cpp (C++) draws a code in well under a millisecond, yet a routine has
# several and reading one back is cheaper still: each is drawn once, kept on
# disk between builds and in memory between `mkdocs serve`'s rebuilds.
@lru_cache(maxsize=8192)
def qr_svg(url: str, label: str, cache: Path | None = None) -> str:
    """`url` as a QR code in inline SVG, black on white, sized by CSS."""
    if cache is None:
        return _draw(url, label)
    return _kept(url, label, cache).read_text(encoding="utf-8")


class CodesAhead:
    """Every code of a build not kept yet, drawn in other processes while the pages render.

    On a cold cache (every fresh checkout) a build has several codes a post;
    drawn here, they would hold up the pages. A page that comes to a code
    before it is kept draws it itself: the same bytes, kept once.
    """

    def __init__(self, cache: Path):
        self._cache = cache
        self._pool: ProcessPoolExecutor | None = None

    def start(self, codes: Iterable[tuple[str, str]]) -> None:
        """Begin drawing each (address, label) not kept yet, when there are more than a page's worth."""
        todo = [code for code in dict.fromkeys(codes) if not (self._cache / _name(*code)).exists()]
        if len(todo) <= AHEAD:
            return
        self._pool = processes()
        try:
            for first in range(0, len(todo), BATCH):
                self._pool.submit(keep_codes, todo[first : first + BATCH], self._cache)
        except (BrokenExecutor, OSError):  # a process that could not start: pages draw their own
            pass

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


AHEAD = 32  # fewer codes than this (a post edited under `mkdocs serve`) are drawn as pages need them
BATCH = 64  # codes drawn in one go by a process: one message for many


def keep_codes(codes: list[tuple[str, str]], cache: Path) -> None:
    """Draw and keep each code (in another process)."""
    for url, label in codes:
        _kept(url, label, cache)


def _kept(url: str, label: str, cache: Path) -> Path:
    return kept(cache, _name(url, label), lambda: _draw(url, label).encode("utf-8"))


def _name(url: str, label: str) -> str:
    return digest(*DRAWING, url, label) + ".svg"


def _draw(url: str, label: str) -> str:
    """Error correction M survives a crease or a smudge on a fridge door."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    modules = code.to_image(scale=1, add_quiet_zones=False)  # one byte a module, 0 for dark
    size = modules.shape[1]
    rows = bytes(modules)
    path = "".join(
        f"M{run.start() - y * size + QUIET_ZONE} {y + QUIET_ZONE}h{len(run[0])}v1h-{len(run[0])}z"
        for y in range(size)
        for run in _DARK_RUN.finditer(rows, y * size, (y + 1) * size)
    )
    side = size + 2 * QUIET_ZONE
    return (
        f'<svg viewBox="0 0 {side} {side}" class="qr"><title>{escape(label)}</title>'
        f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/><path fill="#000" d="{path}"/></svg>'
    )
