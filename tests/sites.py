"""Build this site, or a fixture site made of its config and theme, in a temp folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# An RSS feed's channel (not its items) carries the moment of the build.
_BUILD_TIME = re.compile(rb"<(pubDate|lastBuildDate)>[^<]*</(pubDate|lastBuildDate)>")
ENGINE = os.environ.get("ENGINE", "mkdocs")  # or properdocs: `ENGINE=properdocs make test`


@dataclass
class Build:
    """The outcome of `mkdocs build --strict`."""

    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, path: str) -> BeautifulSoup:
        """Parse a built page, by its URL path (`blog/` or `blog/2024/01/17/x/`)."""
        file = self.site / path / "index.html" if not path.endswith(".html") else self.site / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def make_site(root: Path, docs: dict[str, str] | None = None, site_url: str = "") -> Path:
    """A site using this project's mkdocs.yml, hooks and overrides.

    Args:
        root: an empty folder.
        docs: files of docs/ (path -> text); None copies this site's docs/.
        site_url: where the site will be served, if not where mkdocs.yml says.
    """
    config = (ROOT / "mkdocs.yml").read_text()
    if site_url:
        config = re.sub(r"(?m)^site_url: .*$", f"site_url: {site_url}", config)
    (root / "mkdocs.yml").write_text(config)
    for name in ("hooks", "overrides"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    if docs is None:
        shutil.copytree(ROOT / "docs", root / "docs")
    else:
        base = {"index.md": "# Home\n", "blog/index.md": "# Blog\n"}
        for path, text in {**base, **docs}.items():
            (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
            (root / "docs" / path).write_text(text, encoding="utf-8")
    return root


def build(root: Path, engine: str = ENGINE) -> Build:
    """Run a strict build of the site at root in a child process, as authors do."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--quiet"],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(root, result.returncode, result.stdout + result.stderr)


def add_video_posts(root: Path) -> None:
    """Add the fixture posts with a Vimeo and a local video (and its media)."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "video-posts", root / "docs" / "blog" / "posts", dirs_exist_ok=True)


def without_build_time(data: bytes) -> bytes:
    """A file as two builds of the same files write it: an RSS channel's build time left out."""
    channel, items = data.split(b"<item>", 1) if b"<item>" in data else (data, b"")
    return _BUILD_TIME.sub(b"<build time>", channel) + (b"<item>" + items if items else b"")
