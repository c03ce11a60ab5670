"""Fixtures for the validator's tests."""

from __future__ import annotations

import pytest

from routines.contract.types import Site


@pytest.fixture
def site(tmp_path):
    """A docs folder with a local video, poster and captions beside the post."""
    posts = tmp_path / "blog" / "posts"
    posts.mkdir(parents=True)
    for name in ("knee.mp4", "knee.jpg", "knee.vtt"):
        (posts / name).write_bytes(b"x")
    return Site(docs_dir=str(tmp_path), series=("diy-recovery",), categories=("Knee", "Neck"))
