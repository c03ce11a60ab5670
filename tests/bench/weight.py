"""What the site's own scripts and styles cost a reader of a routine post, gzipped as served."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from routines.rendering.bundles import bundle
from tests.sites import ROOT, build, make_site

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
BUDGET = {"js": 10 * 1024, "css": 6 * 1024}  # bytes, gzipped


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
    return len(gzip.compress(path.read_bytes(), 9))


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
            verdict = "within" if total <= BUDGET[kind] else "OVER"
            print(f"own {kind.upper()} on a routine post: {total} B gzipped in one file ({verdict} budget {BUDGET[kind]} B); "
                  f"each part alone: {each}")
