"""Files made once and kept between builds; QR codes drawn the same every time."""

from __future__ import annotations

import re

from routines.rendering.kept import kept
from routines.rendering.paper import QUIET_ZONE, qr_svg


def test_a_kept_file_is_made_once(tmp_path):
    made = []
    make = lambda: made.append(1) or b"data"  # noqa: E731
    first = kept(tmp_path, "a.svg", make)
    assert kept(tmp_path, "a.svg", make) == first and first.read_bytes() == b"data" and made == [1]
    assert not [p for p in tmp_path.iterdir() if p.name != "a.svg"], "no temporary file is left behind"


def test_a_qr_code_is_the_same_for_the_same_address():
    """Same address, same bytes (the build is compared file by file); another address, another code."""
    drawn = qr_svg("https://example.org/a/", "QR code: a")
    qr_svg.cache_clear()
    assert qr_svg("https://example.org/a/", "QR code: a") == drawn
    assert qr_svg("https://example.org/b/", "QR code: b") != drawn


def test_a_qr_code_is_an_svg_with_its_label_escaped_and_a_quiet_zone():
    drawn = qr_svg("https://example.org/a/?t=1&x=2", 'QR code: <b>"a"</b>')
    assert re.match(r'<svg viewBox="0 0 (\d+) \1" class="qr"><title>QR code: &lt;b&gt;&#34;a&#34;&lt;/b&gt;</title>', drawn)
    dark = [tuple(map(int, found)) for found in re.findall(r"M(\d+) (\d+)h", drawn.split('fill="#000"')[1])]
    assert min(x for x, _ in dark) == QUIET_ZONE and min(y for _, y in dark) == QUIET_ZONE
