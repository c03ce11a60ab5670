"""What a routine needs on paper: QR codes that bring the reader back to the screen."""

from __future__ import annotations

from functools import lru_cache

import segno


# Drawing a code costs milliseconds and a routine has several: under `mkdocs
# serve` each rebuild draws only the codes whose address or label changed.
@lru_cache(maxsize=8192)
def qr_svg(url: str, label: str) -> str:
    """`url` as a QR code in inline SVG, black on white, sized by CSS.

    Error correction M survives a crease or a smudge on a fridge door; the
    quiet zone of two modules is what phone cameras need around the code.
    """
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True, title=label, svgclass="qr")
