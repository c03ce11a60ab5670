"""The record of published addresses: kept whole, and each old address leads to its post."""

from __future__ import annotations

import pytest

from routines.publishing.addresses import BadRecord, read_record, recorded, redirects, write_record


def test_publishing_adds_new_addresses_and_keeps_old_ones(tmp_path):
    """A post's first address stays in the record after it moves; writing the same record again changes nothing."""
    path = tmp_path / "addresses.yml"
    first = recorded(read_record(path), {"blog/posts/knee.md": "blog/2024/01/17/knee/"})
    assert write_record(path, first)
    moved = recorded(read_record(path), {"blog/posts/knee.md": "blog/2024/01/17/knee-reset/", "blog/posts/neck.md": "blog/2024/02/01/neck/"})
    assert moved == {"blog/posts/knee.md": ["blog/2024/01/17/knee/", "blog/2024/01/17/knee-reset/"], "blog/posts/neck.md": ["blog/2024/02/01/neck/"]}
    assert write_record(path, moved)
    assert read_record(path) == moved
    assert not write_record(path, moved)


def test_only_addresses_a_post_left_redirect_and_never_over_a_page():
    """The current address, a removed post's addresses, and an address a page now has get no redirect."""
    record = {
        "blog/posts/knee.md": ["blog/2024/01/17/knee/", "blog/2024/01/17/knee-2/", "blog/2024/01/17/knee-reset/"],
        "blog/posts/gone.md": ["blog/2023/01/01/gone/"],
    }
    current = {"blog/posts/knee.md": "blog/2024/01/17/knee-reset/"}
    taken = {"blog/2024/01/17/knee-reset/", "blog/2024/01/17/knee-2/"}
    assert redirects(record, current, taken) == {"blog/2024/01/17/knee/": "blog/posts/knee.md"}


@pytest.mark.parametrize("text", ["knee: [unclosed", "- a list\n", "blog/posts/knee.md: just-one-address\n"])
def test_a_damaged_record_is_one_line_with_the_fix(tmp_path, text):
    """Bad YAML or the wrong shape names the file and how to get it back."""
    path = tmp_path / "addresses.yml"
    path.write_text(text)
    with pytest.raises(BadRecord) as bad:
        read_record(path)
    assert str(bad.value).startswith("addresses.yml: ")
    assert str(bad.value).endswith("restore it from the history (git checkout HEAD -- addresses.yml), or delete it to start the record again")
