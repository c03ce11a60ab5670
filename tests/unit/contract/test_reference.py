"""WRITING.md is the contract's reference for authors: it names every field the validator knows, so they cannot drift."""

from __future__ import annotations

import pytest

from routines.contract.fields import BREATH, POST, ROUTINE, RSS, SEARCH, STEP, VIDEO_FIELDS
from routines.model.post import KINDS
from tests.posts import ROOT

WRITING = (ROOT / "WRITING.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("record", "where"),
    [(POST, "post"), (ROUTINE, "routine"), (STEP, "step"), (BREATH, "breath"), (VIDEO_FIELDS, "video"), (SEARCH, "search"), (RSS, "rss")],
)
def test_every_field_of_the_contract_is_explained_to_authors(record, where):
    """Each field the validator accepts is written `like_this` in WRITING.md."""
    missing = [f.name for f in record.fields if f"`{f.name}" not in WRITING]
    assert missing == [], f"WRITING.md does not explain these {where} fields: {missing}"


def test_every_step_kind_is_named():
    assert [kind for kind in KINDS if f"`{kind}`" not in WRITING] == []
