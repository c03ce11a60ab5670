"""What a routine needs on paper: QR codes that bring the reader back to the screen."""

from __future__ import annotations

import re
from functools import lru_cache

import zxingcpp
from markupsafe import escape

QUIET_ZONE = 2  # modules of white around the code: what phone cameras need
_DARK_RUN = re.compile(rb"\x00+")  # a row's dark modules, side by side


# A code is drawn by zxing-cpp (C++) in a fraction of a millisecond, far less
# than reading a kept file back: codes are not kept on disk, only in memory
# between `mkdocs serve`'s rebuilds.
@lru_cache(maxsize=8192)
def qr_svg(url: str, label: str) -> str:
    """`url` as a QR code in inline SVG, black on white, sized by CSS.

    Error correction M survives a crease or a smudge on a fridge door.
    """
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
