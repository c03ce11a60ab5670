"""Files made once and kept between builds: QR codes drawn once, redrawn only for new input, the same every time."""

from __future__ import annotations

import re
import tempfile
import time

from routines.contract.fields import validate_post
from routines.contract.types import Site
from routines.rendering.blocks import Paper, paper_codes, routine_view, video_view
from routines.rendering.kept import digest, kept, processes
from routines.rendering.paper import AHEAD, QUIET_ZONE, CodesAhead, qr_svg
from tests.posts import authoring_example


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


def test_the_codes_drawn_ahead_are_the_codes_the_paper_shows(tmp_path):
    """What a build draws ahead in other processes is what each post's printed routine then reads back."""
    post, problems = validate_post(authoring_example(), "knee.md", "blog/posts", Site(str(tmp_path), ("diy-recovery",)))
    assert problems == []
    video = video_view(post, "https://example.org/knee/", str, str)
    paper = Paper(post.title, "DIY", "https://example.org/knee/", tmp_path / "qr")
    codes = paper_codes(post.routine, video, paper) + [(f"https://example.org/{n}/", "QR code") for n in range(AHEAD)]
    ahead = CodesAhead(tmp_path / "qr")
    ahead.start(codes)
    deadline = time.monotonic() + 60
    while len(list((tmp_path / "qr").glob("*.svg"))) < len(codes) and time.monotonic() < deadline:
        time.sleep(0.1)
    ahead.stop()
    assert len(list((tmp_path / "qr").glob("*.svg"))) == len(codes)
    kept_ahead = {path.read_text() for path in (tmp_path / "qr").glob("*.svg")}
    view = routine_view(post.routine, str, video, paper)
    shown = [view.paper.qr] + [step.watch_qr for step in view.steps if step.watch_qr]
    assert len(shown) == 4 and set(shown) <= kept_ahead


def test_processes_start_under_a_temporary_folder_with_a_long_name(tmp_path, monkeypatch):
    """The fork server's socket lives in the temporary folder: a long TMPDIR (a test runner's, a CI's) still draws elsewhere."""
    deep = tmp_path / ("folder-with-a-long-name-" * 4)
    deep.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(deep))
    pool = processes(1)
    try:
        assert pool.submit(digest, "a", "b").result(timeout=60) == digest("a", "b")
    finally:
        pool.shutdown()
