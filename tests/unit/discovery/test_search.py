"""The search index is swapped in whole once Pagefind is done; stopped, the last index stays."""

from __future__ import annotations

from routines.discovery.search import FOLDER, VOCABULARY, Indexing, write_index
from tests import searchable


def site(root, words: str):
    root.mkdir(exist_ok=True)
    (root / "index.html").write_text(f"<html lang=en><body><main data-pagefind-body><h1>Home</h1><p>{words}</p></main></body></html>")
    return root


def test_the_index_is_swapped_in_when_done(tmp_path):
    root = site(tmp_path / "site", "knee")
    assert write_index(root, "en") == 1
    site(root, "shoulder")
    assert write_index(root, "en") == 1
    fresh = site(tmp_path / "fresh", "shoulder")
    write_index(fresh, "en")
    names = lambda folder: sorted(p.relative_to(folder).as_posix() for p in (folder / FOLDER).rglob("*"))  # noqa: E731
    assert names(root) == names(fresh), "the new index whole, nothing of the old"
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == [], "nothing of the indexing is left"


def test_a_stopped_index_leaves_the_last_one(tmp_path):
    root = site(tmp_path / "site", "knee")
    write_index(root, "en")
    entry = (root / FOLDER / "pagefind-entry.json").read_text()
    site(root, "shoulder")
    indexing = Indexing(root, "en")
    indexing.stop()
    assert indexing.wait() == 0
    assert (root / FOLDER / "pagefind-entry.json").read_text() == entry
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []


def test_the_vocabulary_is_the_words_indexed_most_used_first(tmp_path):
    """Words of two letters or more, lower case, from the text Pagefind indexed and nothing it left out."""
    text = "Hold 30 s. Y O U, the shoulder: Shoulder roller <span data-pagefind-ignore>yoga</span>"
    root = site(tmp_path / "site", text)
    write_index(root, "en")
    words = (root / FOLDER / VOCABULARY).read_text().split("\n")
    assert words[0] == "shoulder"
    assert sorted(words) == ["hold", "home", "roller", "shoulder", "the"]


def test_headings_are_indexed_without_their_permalink_sign(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text(
        '<html lang=en><body><main data-pagefind-body><h1>Home</h1>'
        '<h2 id="help">Help<a class="headerlink" href="#help">¶</a></h2><p>words</p></main></body></html>'
    )
    write_index(root, "en")
    [page] = searchable.fragments(root).values()
    assert [anchor["text"] for anchor in page["anchors"]] == ["Help"]
    assert "¶" not in page["content"]
