"""A first view weighs what it weighs at any number of posts: at most 150 KB, gzip-compressed;
the site's own script and stylesheet stay within their budgets."""

from __future__ import annotations

import pytest

from tests.bench.weight import BUDGET, gzipped, own_assets
from tests.serving import first_view

LIMIT = 150 * 1024  # bytes transferred before the reader does anything
PAGES = ["blog/2024/01/17/knee-pain-self-massage-stretch/", "", "series/diy-recovery/", "blog/"]


@pytest.mark.parametrize("path", PAGES)
def test_first_view_stays_under_the_limit(new_page, base_url, path):
    sizes = first_view(new_page(), base_url + path)
    total = sum(sizes.values())
    heaviest = ", ".join(f"{url.removeprefix(base_url)} {size} B" for url, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:5])
    assert total <= LIMIT, f"/{path} transfers {total} B on its first view (limit {LIMIT} B); heaviest: {heaviest}"
    assert not any("/pagefind/" in url for url in sizes), "the search index waits until search opens"


@pytest.mark.parametrize("kind", ["js", "css"])
def test_the_sites_own_bundle_stays_within_budget(built_site, kind):
    """The one script (12 KB) and the one stylesheet (7 KB) of the site's own a routine post loads, gzip-compressed."""
    site, _ = built_site
    files = own_assets(site, PAGES[0])[kind]
    assert [path.name.startswith("site.") for path in files] == [True], files
    assert gzipped(files[0]) <= BUDGET[kind], f"{files[0].name}: {gzipped(files[0])} B gzip, budget {BUDGET[kind]} B"
