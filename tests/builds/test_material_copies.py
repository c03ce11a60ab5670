"""Templates copied from Material say which version they copy, and fail when Material's own changes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material

from tests.sites import ROOT

MATERIAL = Path(material.__file__).parent / "templates"


def test_copied_templates_match_the_material_they_were_copied_from():
    copies = [p for p in (ROOT / "overrides").rglob("*.html") if "sha256 " in p.read_text().split("\n", 1)[0]]
    names = sorted(p.relative_to(ROOT / "overrides").as_posix() for p in copies)
    assert names == ["blog-post.html", "partials/header.html", "partials/post.html"]
    for copy in copies:
        first = copy.read_text().split("\n", 1)[0]
        upstream, digest = re.search(r"Material's (\S+) \(mkdocs-material [\d.]+, sha256 ([0-9a-f]{64})\)", first).groups()
        installed = hashlib.sha256((MATERIAL / upstream).read_bytes()).hexdigest()
        assert installed == digest, f"{copy.relative_to(ROOT)}: Material's {upstream} changed; merge its changes into the copy and update the digest"
