"""Which files of docs/ are published: pages and readers' files; never an editor's leftovers; a misnamed post is a line."""

from __future__ import annotations

import pytest

from routines.contract.files import docs_files, is_leftover, proper_name, sort_files


@pytest.mark.parametrize("name", [
    "knee.md~", "#knee.md#", "knee.md.bak", "Knee.MD.BAK", "knee.md.orig", "knee.md.swp", "knee.md.tmp", "calf.png~",
    "knee.md.save", "knee.md.old", "~$knee.md", "knee.md.txt~",
])
def test_editor_leftovers_are_known(name):
    """Backups, autosaves and swap files are leftovers, in any letter case."""
    assert is_leftover(name)


@pytest.mark.parametrize("name", ["knee.md", "calf.png", "robots.txt", "backup-plan.md", "knee.markdown"])
def test_files_for_readers_are_not_leftovers(name):
    assert not is_leftover(name)


@pytest.mark.parametrize(("name", "proper"), [
    ("Knee.MD", "Knee.md"), ("knee.Markdown", "knee.markdown"), ("oops.md.txt", "oops.md"),
    ("notes.MD.html", "notes.md"), ("knee.md", None), ("knee.mdx", None), ("calf.png", None), ("a.b.md", None),
])
def test_the_name_a_markdown_file_needs(name, proper):
    """A Markdown file MkDocs would publish raw gets the name that makes it a page."""
    assert proper_name(name) == proper


def test_docs_are_sorted_as_mkdocs_reads_them(tmp_path):
    """Pages by their exact suffix, leftovers left out in silence, a misnamed post and a link to nothing one line each."""
    docs = tmp_path / "docs"
    (docs / "blog" / "posts").mkdir(parents=True)
    for name in ("knee.md", "knee.md~", "Calf.MD", "hips.md.txt", ".hidden.md"):
        (docs / "blog" / "posts" / name).write_text("x", encoding="utf-8")
    (docs / "blog" / "posts" / "gone.md").symlink_to(tmp_path / "nowhere.md")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "neck.md").write_text("x", encoding="utf-8")
    (docs / "blog" / "posts" / "linked").symlink_to(elsewhere, target_is_directory=True)
    found = sort_files(docs_files(docs, tmp_path))
    assert [src for src, _, _ in found.pages] == ["blog/posts/knee.md", "blog/posts/linked/neck.md"]
    assert sorted(found.unpublished) == ["blog/posts/Calf.MD", "blog/posts/gone.md", "blog/posts/hips.md.txt", "blog/posts/knee.md~"]
    assert [(p.file, p.message.split(";")[-1].strip()) for p in found.problems] == [
        ("docs/blog/posts/Calf.MD", "rename it to Calf.md"),
        ("docs/blog/posts/gone.md", "remove the link, or put the file back"),
        ("docs/blog/posts/hips.md.txt", "rename it to hips.md"),
    ]
