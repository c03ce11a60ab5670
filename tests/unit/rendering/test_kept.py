"""Files made once and kept between builds: QR codes drawn once, redrawn only for new input, the same every time."""

from __future__ import annotations

import re

from routines.rendering.kept import digest, kept
from routines.rendering.paper import QUIET_ZONE, qr_svg


def test_a_kept_file_is_made_once(tmp_path):
    made = []
    make = lambda: made.append(1) or b"data"  # noqa: E731
    first = kept(tmp_path, "a.svg", make)
    assert kept(tmp_path, "a.svg", make) == first and first.read_bytes() == b"data" and made == [1]
    assert not [p for p in tmp_path.iterdir() if p.name != "a.svg"], "no temporary file is left behind"


def test_names_follow_the_input():
    assert digest("1.6.6", "https://x/", "label") == digest("1.6.6", "https://x/", "label")
    assert digest("1.6.6", "https://x/", "label") != digest("1.6.6", "https://y/", "label")


def test_qr_codes_are_kept_and_read_back_the_same(tmp_path):
    drawn = qr_svg("https://example.org/a/", "QR code: a", tmp_path)
    assert drawn == qr_svg("https://example.org/a/", "QR code: a") and drawn.startswith("<svg")
    assert len(list(tmp_path.glob("*.svg"))) == 1
    (kept_file,) = tmp_path.glob("*.svg")
    kept_file.write_text("<svg>kept</svg>")
    qr_svg.cache_clear()
    assert qr_svg("https://example.org/a/", "QR code: a", tmp_path) == "<svg>kept</svg>", "a later build reads it, draws nothing"
    qr_svg("https://example.org/b/", "QR code: b", tmp_path)
    assert len(list(tmp_path.glob("*.svg"))) == 2


def test_a_qr_code_is_an_svg_with_its_label_escaped_and_a_quiet_zone():
    """Drawn the same every time (the build is compared file by file), black modules two from the edge."""
    drawn = qr_svg("https://example.org/a/?t=1&x=2", 'QR code: <b>"a"</b>')
    qr_svg.cache_clear()
    assert qr_svg("https://example.org/a/?t=1&x=2", 'QR code: <b>"a"</b>') == drawn
    assert re.match(r'<svg viewBox="0 0 (\d+) \1" class="qr"><title>QR code: &lt;b&gt;&#34;a&#34;&lt;/b&gt;</title>', drawn)
    dark = [tuple(map(int, found)) for found in re.findall(r"M(\d+) (\d+)h", drawn.split('fill="#000"')[1])]
    assert min(x for x, _ in dark) == QUIET_ZONE and min(y for _, y in dark) == QUIET_ZONE
