"""`_headers`: fingerprinted files kept a year, everything else asked again, each built file matched by exactly one rule."""

from __future__ import annotations

import re

import pytest

from tests.sites import build, make_site

IMMUTABLE = "public, max-age=31536000, immutable"
KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build(make_site(tmp_path_factory.mktemp("headers")))
    assert result.returncode == 0, result.output
    return result.site


def rules(site) -> list[tuple[str, str]]:
    """(pattern, Cache-Control) as a host reads `_headers`: a path line, then its indented headers."""
    found, pattern = [], None
    for line in (site / "_headers").read_text().splitlines():
        if line.startswith("/"):
            pattern = line
        elif line.strip().lower().startswith("cache-control:"):
            found.append((pattern, line.split(":", 1)[1].strip()))
    return found


def matching(rules, address: str) -> list[str]:
    """The Cache-Control of every rule matching an address (`*` at the end matches any rest, as both hosts read it)."""
    return [value for pattern, value in rules if (address.startswith(pattern[:-1]) if pattern.endswith("*") else address == pattern)]


def test_every_built_file_gets_exactly_one_cache_rule_and_only_fingerprinted_ones_are_immutable(site):
    """No file gets two rules (hosts would join them); a year only where the name carries a digest."""
    found = rules(site)
    assert len(found) <= 100  # Cloudflare Pages reads at most 100
    for file in site.rglob("*"):
        if not file.is_file() or file.name == "_headers":
            continue
        path = file.relative_to(site).as_posix()
        values = matching(found, "/" + path)
        assert len(values) == 1, (path, values)
        digest = re.search(r"[._][0-9a-f]{7,}\.", file.name) and not path.endswith(".html")
        assert (values[0] == IMMUTABLE) == bool(digest), (path, values)


@pytest.mark.parametrize("address", [
    "/", "/blog/", f"/{KNEE}", "/series/", "/404.html", "/sw.js", "/sitemap.xml", "/sitemap-pages.xml",
    "/feed_rss_created.xml", "/feed_json_created.json", "/pagefind/pagefind-entry.json", f"/{KNEE}card.png",
])
def test_pages_feeds_the_worker_the_search_entry_and_the_sitemap_are_asked_again(site, address):
    assert matching(rules(site), address) == ["no-cache"]


def test_the_site_and_materials_fingerprinted_files_are_kept_a_year(site):
    """The site's bundles, Material's, and the search index's chunks."""
    fingerprinted = [
        *site.glob("assets/stylesheets/site.*.min.css"), *site.glob("assets/javascripts/site.*.min.js"),
        *site.glob("assets/stylesheets/main.*.min.css"), *site.glob("assets/javascripts/bundle.*.min.js"),
        *site.glob("pagefind/fragment/*"), *site.glob("pagefind/index/*"),
    ]
    assert len(fingerprinted) >= 6
    for file in fingerprinted:
        assert matching(rules(site), "/" + file.relative_to(site).as_posix()) == [IMMUTABLE], file
