"""The desk's server: the editor's files from admin/ and node_modules/, and nothing outside them."""

from __future__ import annotations

from routines.desk.server import folders, published, unused_name
from tests.sites import ROOT


def test_admin_files_come_first_then_the_cms():
    assert list(folders(ROOT)) == ["yaml/", "", "cms/"]
    assert folders(ROOT)[""] == ROOT / "admin"


def test_unused_name_counts_up_as_the_cms_does(tmp_path):
    (tmp_path / "docs" / "posts").mkdir(parents=True)
    (tmp_path / "docs" / "posts" / "knee.md").write_text("x")
    (tmp_path / "docs" / "posts" / "knee-1.md").write_text("x")
    assert unused_name(tmp_path, "docs/posts/knee.md") == "docs/posts/knee-2.md"
    assert unused_name(tmp_path, "docs/posts/hip.md") == "docs/posts/hip.md"


def test_what_is_published_has_no_source_maps_and_one_cms_bundle():
    addresses = [address for address, _ in published(ROOT)]
    assert "index.html" in addresses and "cms/decap-cms.js" in addresses and "yaml/index.js" in addresses
    assert not [a for a in addresses if a.endswith(".map") or a.startswith("cms/") and a.endswith("cms.js") and "decap-cms" not in a]
