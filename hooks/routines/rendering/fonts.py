"""Text in any script on a card: each character in the first font that has it.

Roboto (from the `font-roboto` package, so always there) draws Latin, Greek
and Cyrillic. For every other script the system's Noto fonts take over
(Debian's `fonts-noto-core`, `fonts-noto-cjk` and `fonts-noto-color-emoji`,
which `make` installs where it can): a title is cut into runs of one font
each, every run shaped by Pillow (with Raqm where it has it, so Hebrew and
Arabic read right to left, Arabic letters joined), and the runs laid out in
the line's direction. Where a character has no font at all it is drawn as
Roboto's missing-glyph box and `missing` names it, so the build can say
what to install.
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import font_roboto
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, features

ROBOTO = Path(font_roboto.__file__).parent / "files"
SYSTEM_FONTS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))
DEBIAN_PACKAGES = "fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji"
# Tried first, in this order; then every other Noto Sans face of the weight, then of Regular.
PREFERRED = ("NotoSans", "NotoSansHebrew", "NotoSansArabic", "NotoSansCJK", "NotoSansDevanagari", "NotoSansThai")
EMOJI = "NotoColorEmoji.ttf"
EMOJI_SIZE = 109  # the one size Noto Color Emoji's bitmaps come in: drawn at it, then scaled
RAQM = features.check("raqm")
# What stays in the run's own font when it has it: spaces, punctuation, digits, marks; in
# an emoji's only what makes one emoji of several (joiners, skin tones, keycaps), as its
# space is an emoji wide.
_JOINERS = {"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me", "Sk", "Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Nd"}
_EMOJI_JOINERS = {"Cf", "Mn", "Me", "Sk"}
VARIATION_EMOJI = "\ufe0f"


@dataclass(frozen=True)
class Face:
    """One font file (of a collection, its first face: Noto Sans CJK's is Japanese); color for an emoji font's bitmaps."""

    path: Path
    color: bool = False

    def font(self, size: int) -> ImageFont.FreeTypeFont:
        return _loaded(self, EMOJI_SIZE if self.color else size)

    def scale(self, size: int) -> float:
        return size / EMOJI_SIZE if self.color else 1.0


@dataclass(frozen=True)
class Run:
    """Characters drawn in one font, in reading order."""

    text: str
    face: Face


# ---------------------------------------------------------------------------
# Choosing fonts


def faces(weight: str) -> tuple[Face, ...]:
    """Every face to try for `weight` ("Bold" or "Regular"), Roboto first."""
    return (Face(ROBOTO / f"Roboto-{weight}.ttf"),) + _system_faces(weight)


@lru_cache(maxsize=4)
def _system_faces(weight: str) -> tuple[Face, ...]:
    """Each Noto Sans family once, in `weight` where it has it, else Regular; the preferred first, emoji last."""
    found: dict[str, Path] = {}
    for folder in SYSTEM_FONTS:
        for path in sorted(folder.glob("NotoSans*")) if folder.is_dir() else ():
            family, _, style = path.stem.partition("-")
            if style in (weight, "Regular") and path.suffix in (".ttf", ".ttc", ".otf"):
                found.setdefault(f"{family}-{style}", path)
    families = sorted({name.partition("-")[0] for name in found}, key=lambda f: (f not in PREFERRED, PREFERRED.index(f) if f in PREFERRED else 0, f))
    ordered = [found.get(f"{family}-{weight}") or found[f"{family}-Regular"] for family in families]
    emoji = [folder / EMOJI for folder in SYSTEM_FONTS if (folder / EMOJI).is_file()][:1]
    return tuple(Face(path) for path in ordered) + tuple(Face(path, color=True) for path in emoji)


@lru_cache(maxsize=1)
def installed() -> str:
    """A name for the system fonts cards may be drawn in: part of every card's name, so new fonts draw cards again."""
    paths = "\n".join(str(face.path) for face in _system_faces("Bold") + _system_faces("Regular"))
    return hashlib.sha256(paths.encode()).hexdigest()[:12]


def _has(face: Face, char: str) -> bool:
    return ord(char) in _cmap(face)


@lru_cache(maxsize=None)
def _cmap(face: Face) -> frozenset[int]:
    with TTFont(face.path, fontNumber=0, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _face_for(char: str, after: str, current: Face | None, candidates: tuple[Face, ...]) -> Face | None:
    """The face for `char`: the run's own for spaces, punctuation and marks it has, else the first that has it."""
    if current is not None and _invisible(char):
        return current
    if current is not None and unicodedata.category(char) in (_EMOJI_JOINERS if current.color else _JOINERS) and _has(current, char):
        return current
    if after == VARIATION_EMOJI or ord(char) >= 0x1F000:
        emoji = next((face for face in candidates if face.color and _has(face, char)), None)
        if emoji is not None:
            return emoji
    return next((face for face in candidates if _has(face, char)), None)


@lru_cache(maxsize=4096)
def runs(text: str, weight: str) -> tuple[Run, ...]:
    """`text` cut into runs of one face each, in reading order; a character no face has stays in Roboto."""
    candidates = faces(weight)
    if _cmap(candidates[0]).issuperset(map(ord, text)):  # the usual title: Roboto alone
        return (Run(text, candidates[0]),)
    out: list[Run] = []
    for position, char in enumerate(text):
        after = text[position + 1 : position + 2]
        face = _face_for(char, after, out[-1].face if out else None, candidates) or candidates[0]
        if out and out[-1].face == face:
            out[-1] = Run(out[-1].text + char, face)
        else:
            out.append(Run(char, face))
    return tuple(out)


def missing(text: str) -> str:
    """The characters of `text` that no installed font has."""
    candidates = faces("Bold")
    unfound = (c for c in text if not c.isspace() and not _invisible(c) and not any(_has(face, c) for face in candidates))
    return "".join(dict.fromkeys(unfound))


def _invisible(char: str) -> bool:
    """Joiners, direction marks and variation selectors: shaped with what they stand beside, drawn as nothing."""
    return unicodedata.category(char) == "Cf" or "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"


def direction(text: str) -> str:
    """"rtl" when the first letter with a direction reads right to left (Hebrew, Arabic), else "ltr"."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


# ---------------------------------------------------------------------------
# Measuring and drawing


def length(text: str, weight: str, size: int) -> float:
    """How wide `text` is drawn at `size`, in pixels."""
    way = direction(text)
    return sum(_run_length(run, way, size) for run in runs(text, weight))


def ascent(weight: str, size: int) -> int:
    """Roboto's ascent: where the baseline of a line drawn from `y` falls."""
    return faces(weight)[0].font(size).getmetrics()[0]


def draw(layer: Image.Image, xy: tuple[float, float], text: str, weight: str, size: int, ink: int, colored: list) -> None:
    """Draw `text` in `ink` on a one-channel image, with its top at `xy`.

    Emoji in color are drawn apart and added to `colored` as (image, position),
    for the card to lay over the finished layer.
    """
    way = direction(text)
    pen = ImageDraw.Draw(layer)
    x, baseline = xy[0], xy[1] + ascent(weight, size)
    for run in runs(text, weight) if way == "ltr" else reversed(runs(text, weight)):
        width = _run_length(run, way, size)
        if run.face.color:
            colored.append(_emoji(run, size, (x, baseline)))
        else:
            pen.text((x, baseline), _shaped(run.text, way), font=run.face.font(size), fill=ink, anchor="ls", **_direction(way))
        x += width


def _run_length(run: Run, way: str, size: int) -> float:
    return run.face.font(size).getlength(_shaped(run.text, way), **_direction(way)) * run.face.scale(size)


def _emoji(run: Run, size: int, at: tuple[float, float]) -> tuple[Image.Image, tuple[int, int]]:
    """The run's emoji in color, scaled to `size`, and where its top left goes."""
    font = run.face.font(size)
    left, top, right, bottom = font.getbbox(run.text, anchor="ls")
    drawn = Image.new("RGBA", (max(1, right - left), max(1, bottom - top)))
    ImageDraw.Draw(drawn).text((-left, -top), run.text, font=font, embedded_color=True, anchor="ls")
    scale = run.face.scale(size)
    drawn = drawn.resize((max(1, round(drawn.width * scale)), max(1, round(drawn.height * scale))), Image.Resampling.LANCZOS)
    return drawn, (round(at[0] + left * scale), round(at[1] + top * scale))


def _direction(way: str) -> dict[str, str]:
    return {"direction": way} if RAQM else {}


def _shaped(text: str, way: str) -> str:
    """Without Raqm Pillow lays every run left to right: right-to-left letters are put in that order first."""
    if RAQM or not any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return text
    return text[::-1]


# A FreeType face is not safe to use from two threads at once: each drawing thread loads its own.
_THREAD = threading.local()


def _loaded(face: Face, size: int) -> ImageFont.FreeTypeFont:
    loaded = _THREAD.__dict__.setdefault("loaded", {})
    if (face, size) not in loaded:
        loaded[face, size] = ImageFont.truetype(str(face.path), size)
    return loaded[face, size]
