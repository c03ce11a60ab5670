"""Every internal link and asset of the built site resolves, fragments included."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.sites import add_video_posts, build, make_site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("links"))
    add_video_posts(root)
    result = build(root)
    assert result.returncode == 0, result.output
    return result.site


def target_file(site: Path, page: Path, path: str) -> Path:
    """The file a link from `page` to `path` serves."""
    base = "" if path.startswith("/") else posixpath.dirname(page.relative_to(site).as_posix())
    resolved = posixpath.normpath(posixpath.join(base, unquote(path).lstrip("/")))
    candidate = site / resolved
    return candidate / "index.html" if candidate.is_dir() or path.endswith("/") else candidate


def test_every_internal_link_resolves(site):
    """No href or src inside the site points at a missing file or a missing id."""
    ids: dict[Path, set[str]] = {}
    broken: list[str] = []
    pages = sorted(site.rglob("*.html"))
    soups = {page: BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser") for page in pages}
    for page, soup in soups.items():
        ids[page] = {el["id"] for el in soup.select("[id]")} | {el["name"] for el in soup.select("a[name]")}
    checked = 0
    for page, soup in soups.items():
        for el in soup.select("[href], [src]"):
            link = el.get("href") or el.get("src")
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue
            if el.name == "link" and "canonical" in el.get("rel", []):
                continue
            target = page if not parts.path else target_file(site, page, parts.path)
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {link} -> missing {target.relative_to(site)}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids.get(target, set()):
                broken.append(f"{page.relative_to(site)}: {link} -> no #{parts.fragment}")
    assert checked > 500
    assert broken == []


def test_step_anchors_exist_for_structured_data(site):
    """Every Clip url's #step-N exists on its page."""
    page = next(site.glob("blog/2024/01/17/*/index.html"))
    soup = BeautifulSoup(page.read_text(), "html.parser")
    assert {f"step-{n}" for n in (1, 2, 3)} <= {el["id"] for el in soup.select("[id]")}
