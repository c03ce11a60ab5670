"""Link-preview cards: one 1200x630 PNG per post, for chat apps and social sites.

Drawn with Pillow in a font that comes as a Python package (Roboto, from
`font-roboto`), so a build needs no network and no system fonts. Cards are
kept in a cache folder under a name made from everything drawn on them, so an
unchanged post costs a file copy on the next build.
"""

from __future__ import annotations

import hashlib
import json
import io
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import font_roboto
from PIL import Image, ImageDraw, ImageFont

from .kept import kept

WIDTH, HEIGHT = 1200, 630
DRAWING = "2"  # change when the drawing changes: every cached card is drawn again
INK, PAPER, ACCENT = "#ffffff", "#00695c", "#ff7043"  # the site's palette (site.css, mkdocs.yml)
MARGIN = 72
TITLE_SIZES = (76, 68, 60, 54, 48)  # largest that fits in three lines
FONTS = Path(font_roboto.__file__).parent / "files"


@dataclass(frozen=True)
class Card:
    """What a card shows."""

    title: str
    summary: str = ""  # "3 steps · about 4 min · foam roller, tennis ball"
    region: str = ""  # the body region (the post's categories)
    site: str = ""

    @property
    def key(self) -> str:
        """A name for the drawn card that changes whenever anything on it would."""
        text = json.dumps([DRAWING, asdict(self)], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:20]


def card_png(card: Card, cache: Path) -> Path:
    """The card's PNG in `cache`, drawn only when no card with its key is there."""
    return kept(cache, f"{card.key}.png", lambda: _png(draw(card)))


class CardDrawing:
    """Every card of a build drawn at once, on every core, while the pages render.

    Threads, not processes: Pillow draws and zlib compresses the PNG with
    Python's lock released (most of a card's time is the compression), so
    threads use every core without starting or pickling anything.
    """

    def __init__(self, cache: Path, workers: int | None = None):
        self._cache = cache
        self._pool = ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1, thread_name_prefix="cards")
        self._drawn: dict[str, Future] = {}

    def start(self, card: Card) -> None:
        """Begin drawing a card (or finding it in the cache) in the background."""
        if card.key not in self._drawn:
            self._drawn[card.key] = self._pool.submit(card_png, card, self._cache)

    def png(self, card: Card) -> Path:
        """The card's PNG, once drawn; a card not started is drawn now."""
        started = self._drawn.get(card.key)
        return started.result() if started is not None else card_png(card, self._cache)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=3)  # a third of the time of the default, 20 % bigger
    return out.getvalue()


def draw(card: Card) -> Image.Image:
    """The card: site name, title, routine summary and body region, white on the site's teal."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 16, HEIGHT), fill=ACCENT)
    small = _font("Regular", 34)
    pen.text((MARGIN, MARGIN - 8), card.site, font=small, fill=INK)
    size, lines = _fit_title(pen, card.title)
    title = _font("Bold", size)
    y = 170
    for line in lines:
        pen.text((MARGIN, y), line, font=title, fill=INK)
        y += round(size * 1.18)
    y = HEIGHT - MARGIN - 44
    if card.summary:
        pen.text((MARGIN, y), _ellipsis(pen, card.summary, small, WIDTH - 2 * MARGIN), font=small, fill=INK)
    if card.region:
        label = _ellipsis(pen, card.region, small, 420)
        width = pen.textlength(label, font=small)
        box = (WIDTH - MARGIN - width - 40, MARGIN - 20, WIDTH - MARGIN, MARGIN + 40)
        pen.rounded_rectangle(box, radius=30, fill=ACCENT)
        pen.text((box[0] + 20, MARGIN - 8), label, font=small, fill="#000000")
    return image


def _fit_title(pen: ImageDraw.ImageDraw, title: str) -> tuple[int, list[str]]:
    """The largest size at which the title wraps into three lines, and those lines."""
    width = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        lines = _wrap(pen, title, _font("Bold", size), width)
        if len(lines) <= 3:
            return size, lines
    size = TITLE_SIZES[-1]
    font = _font("Bold", size)
    lines = _wrap(pen, title, font, width)
    return size, lines[:2] + [_ellipsis(pen, " ".join(lines[2:]), font, width)]


def _wrap(pen: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Words into lines no wider than `width` (a word wider than that gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and pen.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return [_ellipsis(pen, line, font, width) for line in lines] or [""]


def _ellipsis(pen: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """The text, cut with "…" where it would overflow `width`."""
    if pen.textlength(text, font=font) <= width:
        return text
    while text and pen.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# A FreeType face is not safe to use from two threads at once: each drawing thread loads its own.
_FONTS = threading.local()


def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    loaded = _FONTS.__dict__.setdefault("loaded", {})
    if (weight, size) not in loaded:
        loaded[weight, size] = ImageFont.truetype(str(FONTS / f"Roboto-{weight}.ttf"), size)
    return loaded[weight, size]
