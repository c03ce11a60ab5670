"""The site builds the same on ProperDocs, the maintained fork of MkDocs 1.x, as on MkDocs."""

from __future__ import annotations

import re

from tests.sites import build, make_site, without_build_time

# What may differ, and why: the generator tag names the engine, and an RSS feed's
# channel (not its items) carries the moment of the build.
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def normalised(data: bytes) -> bytes:
    return GENERATOR.sub(b"<generator>", without_build_time(data))


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        (tmp_path / engine).mkdir()
        root = make_site(tmp_path / engine)
        result = build(root, engine)
        assert result.returncode == 0, (engine, result.output)
        sites[engine] = result.site
    files = {engine: sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file()) for engine, site in sites.items()}
    assert files["mkdocs"] == files["properdocs"], "the same pages and files"
    differ = []
    for path in files["mkdocs"]:
        ours, theirs = ((sites[engine] / path).read_bytes() for engine in ("mkdocs", "properdocs"))
        if ours != theirs and normalised(ours) != normalised(theirs):
            differ.append(str(path))
    assert differ == [], "beyond the generator tag and the feeds' build time"
    assert GENERATOR.search((sites["properdocs"] / "index.html").read_bytes()).group(1).startswith(b"mkdocs-ProperDocs")
