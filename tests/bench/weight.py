"""What the site's own scripts and styles cost a reader of a routine post, gzipped as served.

`python -m tests.bench weight` runs this alone: one build of this site, then
the figures of the one script and one stylesheet of the site's own a post
loads, against their budgets.
"""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from routines.rendering.bundles import bundle
from tests.sites import ROOT, build, make_site

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
KB = 1024
BUDGET = {"js": 12 * KB, "css": 7 * KB}  # bytes, gzipped: every script of the site's own, every style of its own


def own_assets(site: Path, page: str) -> dict[str, list[Path]]:
    """The site's own JS and CSS files a page loads (Material's bundle and theme left out)."""
    html = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    found: dict[str, list[Path]] = {"js": [], "css": []}
    refs = [("js", s.get("src", "")) for s in html.find_all("script")]
    refs += [("css", link.get("href", "")) for link in html.find_all("link", rel="stylesheet")]
    for kind, ref in refs:
        name = ref.split("?")[0].split("assets/", 1)[-1]
        if not ref or "assets/" not in ref or name.split("/")[-1].startswith(("bundle.", "main.", "palette.")):
            continue
        found[kind].append(site / "assets" / name)
    return found


def gzipped(path: Path) -> int:
    """The file's size gzip-compressed (level 9, as a server that compresses ahead of time would)."""
    return len(gzip.compress(path.read_bytes(), 9))


def kilobytes(size: int) -> str:
    """"8.1 KB" (1 KB = 1024 bytes)."""
    return f"{size / KB:.1f} KB"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = build(make_site(Path(tmp)))
        assert result.returncode == 0, result.output
        assets = own_assets(result.site, KNEE)
        config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)  # plain strings: the !!python tags stay text
        for kind, files in assets.items():
            assert len(files) == 1, files  # the figures count the one bundle the page loads
            total = gzipped(files[0])
            parts = [ROOT / "overrides" / path for path in config["extra_css" if kind == "css" else "extra_javascript"]]
            each = ", ".join(f"{part.stem} {len(gzip.compress(bundle(kind, [part])[1].encode(), 9))} B" for part in parts)
            verdict = "" if total <= BUDGET[kind] else ", OVER BUDGET"
            print(f"site {kind.upper()} {kilobytes(total)} gzip (budget {BUDGET[kind] // KB} KB{verdict}): "
                  f"{files[0].relative_to(result.site)}, {total} B; each part alone: {each}")
