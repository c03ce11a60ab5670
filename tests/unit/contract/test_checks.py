"""Checking a whole site: every page read once, every problem of every post in one line, and each post's text kept."""

from __future__ import annotations

import pytest

from routines.contract.checks import check_pages, markdown_pages
from tests.posts import knee, post_text


@pytest.fixture
def docs(tmp_path, site):
    """The unit tests' docs folder, with two posts and a page."""
    root = tmp_path
    posts = root / "blog" / "posts"
    (posts / "good.md").write_text(post_text(knee()), encoding="utf-8")
    (posts / "bad.md").write_text(post_text(knee(title="Another knee", routine={"steps": [{"title": "x", "kind": "breath", "breath": {"exhale": "eight"}}]})), encoding="utf-8")
    (root / "index.md").write_text("# Home\n", encoding="utf-8")
    return root


def test_every_problem_of_every_post_and_the_valid_posts_models(docs, site):
    pages = markdown_pages(docs, docs)
    assert sorted(src for src, _, _ in pages) == ["blog/posts/bad.md", "blog/posts/good.md", "index.md"]
    checked = check_pages(pages, ("blog/posts/",), site)
    assert list(checked.posts) == ["blog/posts/good.md"]
    assert checked.problems and {p.file for p in checked.problems} == {"blog/posts/bad.md"}
    assert any("exhale" in str(p) and "eight" in str(p) for p in checked.problems)
    assert all("\n" not in str(p) for p in checked.problems)
    assert set(checked.texts) == {"blog/posts/bad.md", "blog/posts/good.md", "index.md"}


def test_a_page_that_is_not_utf_8_is_a_problem_not_a_crash(docs, site):
    (docs / "blog" / "posts" / "latin.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    checked = check_pages(markdown_pages(docs, docs), ("blog/posts/",), site)
    assert any(p.file == "blog/posts/latin.md" and "UTF-8" in p.message for p in checked.problems)


def test_a_check_that_remembers_checks_again_only_the_pages_whose_text_changed(docs, site, monkeypatch):
    """`serve` checks every page at every save: an unchanged page's lines and model come back as they were."""
    import routines.contract.checks as checks

    remembered = checks.Remembered()
    first = check_pages(markdown_pages(docs, docs), ("blog/posts/",), site, remembered=remembered)
    validated = []
    validate = checks.validate_front
    monkeypatch.setattr(checks, "validate_front", lambda front, shown_path, *rest: validated.append(shown_path) or validate(front, shown_path, *rest))
    (docs / "blog" / "posts" / "good.md").write_text(post_text(knee(title="Knee, again")), encoding="utf-8")
    again = check_pages(markdown_pages(docs, docs), ("blog/posts/",), site, remembered=remembered)
    assert validated == ["blog/posts/good.md"]
    assert list(map(str, again.problems)) == list(map(str, first.problems))
    assert again.posts["blog/posts/good.md"][1].title == "Knee, again"
    again.posts["blog/posts/good.md"][0].data["title"] = "changed by a hook"
    third = check_pages(markdown_pages(docs, docs), ("blog/posts/",), site, remembered=remembered)
    assert third.posts["blog/posts/good.md"][0].data["title"] == "Knee, again", "each check hands out its own front matter"


def test_a_page_added_or_the_site_changed_checks_every_page_again(docs, site, monkeypatch):
    """A related link may name the page just added: no remembered line outlives what it was about."""
    import dataclasses

    import routines.contract.checks as checks

    linking = knee(title="Linking", links=["later.md"])
    (docs / "blog" / "posts" / "linking.md").write_text(post_text(linking), encoding="utf-8")
    remembered = checks.Remembered()
    before = check_pages(markdown_pages(docs, docs), ("blog/posts/",), site, remembered=remembered)
    assert any(p.file == "blog/posts/linking.md" and "later.md" in p.message for p in before.problems)
    (docs / "later.md").write_text("# Later\n", encoding="utf-8")
    after = check_pages(markdown_pages(docs, docs), ("blog/posts/",), site, remembered=remembered)
    assert not any(p.file == "blog/posts/linking.md" for p in after.problems)
    validated = []
    validate = checks.validate_front
    monkeypatch.setattr(checks, "validate_front", lambda front, shown_path, *rest: validated.append(shown_path) or validate(front, shown_path, *rest))
    check_pages(markdown_pages(docs, docs), ("blog/posts/",), dataclasses.replace(site, series=("another",)), remembered=remembered)
    assert sorted(validated) == ["blog/posts/bad.md", "blog/posts/good.md", "blog/posts/linking.md"]
