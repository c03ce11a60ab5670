"""What a routine needs on paper: QR codes that bring the reader back to the screen."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import segno

from .kept import digest, kept


# Drawing a code costs milliseconds and a routine has several: each is drawn
# once, kept on disk between builds and in memory between `mkdocs serve`'s
# rebuilds.
@lru_cache(maxsize=8192)
def qr_svg(url: str, label: str, cache: Path | None = None) -> str:
    """`url` as a QR code in inline SVG, black on white, sized by CSS.

    Error correction M survives a crease or a smudge on a fridge door; the
    quiet zone of two modules is what phone cameras need around the code.
    """
    if cache is None:
        return _draw(url, label)
    name = digest(segno.__version__, url, label) + ".svg"
    return kept(cache, name, lambda: _draw(url, label).encode("utf-8")).read_text(encoding="utf-8")


def _draw(url: str, label: str) -> str:
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True, title=label, svgclass="qr")
