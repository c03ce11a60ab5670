"""What a routine needs on paper: QR codes that bring the reader back to the screen."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import zxingcpp
from markupsafe import escape

from .kept import digest, kept

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
    name = digest(*DRAWING, url, label) + ".svg"
    return kept(cache, name, lambda: _draw(url, label).encode("utf-8")).read_text(encoding="utf-8")


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
