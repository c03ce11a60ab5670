"""Link-preview cards: one 1200x630 PNG per post, for chat apps and social sites.

Drawn with Pillow in Roboto (from the `font-roboto` package, so Latin, Greek
and Cyrillic need no system font), and every other script in the system's
Noto fonts (`fonts`): a build needs no network. Cards are
kept in a cache folder under a name made from everything drawn on them, so an
unchanged post costs a file copy on the next build.
"""

from __future__ import annotations

import hashlib
import json
import io
import os
import re
import shutil
from collections.abc import Iterable
from concurrent.futures import BrokenExecutor, Executor, Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw

from . import fonts
from .kept import give_way, kept, processes

WIDTH, HEIGHT = 1200, 630
DRAWING = "3"  # change when the drawing changes: every cached card is drawn again
INK, PAPER, ACCENT = "#ffffff", "#00695c", "#ff7043"  # the site's palette (site.css, mkdocs.yml)
MARGIN = 72
TITLE_SIZES = (76, 68, 60, 54, 48)  # largest that fits in three lines


@dataclass(frozen=True)
class Card:
    """What a card shows."""

    title: str
    summary: str = ""  # "3 steps · about 4 min · foam roller, tennis ball"
    region: str = ""  # the body region (the post's categories)
    site: str = ""

    @cached_property
    def key(self) -> str:
        """A name for the drawn card that changes whenever anything on it would."""
        text = json.dumps([DRAWING, asdict(self), fonts.installed()], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:20]


def card_png(card: Card, cache: Path) -> Path:
    """The card's PNG in `cache`, drawn only when no card with its key is there."""
    return kept(cache, f"{card.key}.png", lambda: png_bytes(draw(card)))


def _card_png_behind(card: Card, cache: Path) -> Path:
    """`card_png`, in a process of its own that gives way to the pages and their QR codes: only the end of the build waits for cards."""
    give_way(10)
    return card_png(card, cache)


class CardDrawing:
    """Every card of a build that is not kept yet, drawn while the pages render.

    Many cards (a fresh checkout, a new site) are drawn in processes, on every
    core but the one rendering pages: drawing is mostly Python and FreeType
    under Python's lock, which threads would take turns with the pages for.
    The processes fork from one server started once, with Pillow and fontTools
    already imported. A few cards (a post edited under `mkdocs serve`) are
    drawn in threads, which start at once. A card kept from an earlier build
    is only copied.
    """

    def __init__(self, cache: Path, workers: int | None = None):
        self._cache = cache
        self._workers = workers or max(1, (os.cpu_count() or 1) - 1)
        self._pool: Executor | None = None
        self._drawn: dict[str, Future] = {}
        self._placed: list[tuple[Card, Path]] = []

    def start(self, cards: Iterable[Card]) -> None:
        """Begin drawing every card of `cards` that is neither kept nor started."""
        todo = [card for card in dict.fromkeys(cards) if card.key not in self._drawn and not self._kept(card).exists()]
        if not todo:
            return
        many = len(todo) > FEW
        if self._pool is None:
            self._pool = processes(self._workers) if many else ThreadPoolExecutor(self._workers, "cards")
        try:
            for card in todo:
                self._drawn[card.key] = self._pool.submit(_card_png_behind if many else card_png, card, self._cache)
        except (BrokenExecutor, OSError):  # a process that could not start: the rest are drawn when asked for
            pass

    def png(self, card: Card) -> Path:
        """The card's PNG, once drawn; a card not started (or whose process died) is drawn now."""
        started = self._drawn.get(card.key)
        try:
            return started.result() if started is not None else card_png(card, self._cache)
        except BrokenExecutor:
            return card_png(card, self._cache)

    def place(self, card: Card, target: Path) -> None:
        """Copy the card to `target`: now if it is drawn, else once it is (`close`), so no page waits for one."""
        started = self._drawn.get(card.key)
        if started is None or started.done():
            _copy(self.png(card), target)
        else:
            self._placed.append((card, target))

    def close(self) -> None:
        """Copy every card placed before it was drawn, then stop."""
        placed, self._placed = self._placed, []
        try:
            for card, target in placed:
                _copy(self.png(card), target)
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop drawing (a build that failed)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _kept(self, card: Card) -> Path:
        return self._cache / f"{card.key}.png"


FEW = 16  # cards drawn in threads: more start processes (a tenth of a second, once)


def _copy(card: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(card, target)


def png_bytes(image: Image.Image) -> bytes:
    """The card as a PNG file."""
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=3)  # a palette of one byte a pixel: a third of RGB's time and bytes
    return out.getvalue()


def draw(card: Card) -> Image.Image:
    """The card: site name, title, routine summary and body region, white on the site's teal.

    Drawn straight into palette indices: 0-191 run from teal to white, and
    192-255 from orange to black, so ink of 191 on 0 (white on teal) and of
    255 on 192 (black on the orange label) blend along their own ramp. A
    palette image is a third of RGB's bytes to compress; a card with emoji in
    color becomes RGB only to take them.
    """
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 16, HEIGHT), fill=ON_ACCENT)
    colored: list = []
    fonts.draw(image, (MARGIN, MARGIN - 8), card.site, "Regular", SMALL, ON_PAPER, colored)
    size, lines = _fit_title(card.title)
    y = 170
    for line in lines:  # a right-to-left title (Hebrew, Arabic) keeps to the right
        x = MARGIN if fonts.direction(line) == "ltr" else WIDTH - MARGIN - fonts.length(line, "Bold", size)
        fonts.draw(image, (x, y), line, "Bold", size, ON_PAPER, colored)
        y += round(size * 1.18)
    if card.summary:
        summary = _ellipsis(card.summary, "Regular", SMALL, WIDTH - 2 * MARGIN)
        fonts.draw(image, (MARGIN, HEIGHT - MARGIN - 44), summary, "Regular", SMALL, ON_PAPER, colored)
    if card.region:
        label = _ellipsis(card.region, "Regular", SMALL, 420)
        width = fonts.length(label, "Regular", SMALL)
        box = (WIDTH - MARGIN - width - 40, MARGIN - 20, WIDTH - MARGIN, MARGIN + 40)
        pen.rounded_rectangle(box, radius=30, fill=ON_ACCENT)
        fonts.draw(image, (box[0] + 20, MARGIN - 8), label, "Regular", SMALL, 255, colored)
    image.putpalette(_PALETTE)
    if colored:
        image = image.convert("RGB")
        for drawn, at in colored:
            image.paste(drawn, at, drawn)
    return image


def _ramp(start: str, end: str, steps: int) -> list[int]:
    """`steps` colors from `start` to `end`, as palette bytes."""
    a, b = ImageColor.getrgb(start), ImageColor.getrgb(end)
    return [round(a[c] + (b[c] - a[c]) * i / (steps - 1)) for i in range(steps) for c in range(3)]


SMALL = 34
ON_PAPER, ON_ACCENT = 191, 192  # white ink on teal; the orange of the bar and label (black ink on it is 255)
_PALETTE = _ramp(PAPER, INK, ON_PAPER + 1) + _ramp(ACCENT, "#000000", 256 - ON_ACCENT)


def _fit_title(title: str) -> tuple[int, list[str]]:
    """The largest size at which the title wraps into three lines, and those lines."""
    width = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        lines = _wrap(title, "Bold", size, width)
        if len(lines) <= 3:
            return size, lines
    size = TITLE_SIZES[-1]
    lines = _wrap(title, "Bold", size, width)
    rest = "".join(lines[2:]) if _unspaced(lines[2]) else " ".join(lines[2:])
    return size, lines[:2] + [_ellipsis(rest, "Bold", size, width)]


def _wrap(text: str, weight: str, size: int, width: int) -> list[str]:
    """Words into lines no wider than `width`.

    A line may also break between two characters of a script written without
    spaces (Chinese, Japanese); a word wider than the line gets a line of its own.
    """
    lines: list[str] = []
    for word, spaced in _words(text):
        joined = f"{lines[-1]}{' ' if spaced else ''}{word}" if lines else word
        if lines and fonts.length(joined, weight, size) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return [_ellipsis(line, weight, size, width) for line in lines] or [""]


def _words(text: str) -> list[tuple[str, bool]]:
    """The places a line may break: words, and each character written without spaces; with whether a space came before."""
    out: list[tuple[str, bool]] = []
    for word in text.split():
        spaced = True
        for piece in _BREAKS.findall(word):
            out.append((piece, spaced))
            spaced = False
    return out


def _unspaced(line: str) -> bool:
    return bool(re.search(f"[{_UNSPACED}]", line))


_UNSPACED = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"  # Chinese and Japanese: kana, ideographs, full-width forms
_BREAKS = re.compile(f"[{_UNSPACED}][^\\w\\s]*|[^{_UNSPACED}]+")  # one such character (with its punctuation), or a run of others


def _ellipsis(text: str, weight: str, size: int, width: int) -> str:
    """The text, cut with "…" where it would overflow `width`."""
    if fonts.length(text, weight, size) <= width:
        return text
    while text and fonts.length(text + "…", weight, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
