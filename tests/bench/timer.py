"""The breath timer against the real clock, and what it costs a reader to download."""

from __future__ import annotations

import gzip
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM_FLAGS, SYSTEM_CHROMIUM, serve
from tests.sites import build, make_site

# Two minutes of 4 in, 8 out: 20 phase boundaries, then the end.
PATTERN = {"inhale": 4, "exhale": 8, "rounds": 10}
PAGE = "# Drift\n\n<breath-timer id='bench' inhale='4' exhale='8' rounds='10'></breath-timer>\n"


def expected_boundaries() -> list[float]:
    """Milliseconds after the start at which each phase begins."""
    at, out = 0.0, []
    for _ in range(PATTERN["rounds"]):
        for phase in ("inhale", "exhale"):
            out.append(at)
            at += PATTERN[phase] * 1000
    return out


def drift(site: Path, url: str) -> list[float]:
    """Real-clock error (ms) of every phase change seen during one full run."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=SYSTEM_CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(url + "drift/")
        page.evaluate("""() => {
            window.__seen = [];
            document.addEventListener('breath-phase', () => __seen.push(performance.now()));
        }""")
        page.locator("#bench").get_by_role("button", name="Start").click()
        origin = page.locator("#bench").evaluate("t => t.origin")
        total = sum(PATTERN[p] for p in ("inhale", "exhale")) * PATTERN["rounds"] * 1000
        page.wait_for_function("document.querySelector('#bench').dataset.state === 'done'", timeout=total + 30000)
        seen = page.evaluate("__seen")
        browser.close()
    return [abs(real - origin - want) for real, want in zip(seen, expected_boundaries(), strict=True)]


def shipped_size(site: Path) -> tuple[int, int]:
    """Gzipped bytes of the timer's JS and CSS as the site serves them."""
    js = next((site / "assets" / "javascripts").glob("breath-timer.*.min.js"))
    css = next((site / "assets" / "stylesheets").glob("breath-timer.*.min.css"))
    return tuple(len(gzip.compress(f.read_bytes(), 9)) for f in (js, css))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp))
        (root / "docs" / "drift.md").write_text(PAGE)
        result = build(root)
        assert result.returncode == 0, result.output
        js, css = shipped_size(result.site)
        print(f"breath timer size: {js} B JS + {css} B CSS = {js + css} B gzipped (budget 4096 B)")
        url, server = serve(result.site)
        try:
            errors = drift(result.site, url)
        finally:
            server.shutdown()
            server.server_close()
    print(
        f"breath timer drift over a {sum(PATTERN[p] for p in ('inhale', 'exhale')) * PATTERN['rounds']} s real-clock run, "
        f"{len(errors)} phase boundaries: worst {max(errors):.1f} ms, median {statistics.median(errors):.1f} ms, "
        f"last {errors[-1]:.1f} ms (goal: worst <= 50 ms)"
    )
