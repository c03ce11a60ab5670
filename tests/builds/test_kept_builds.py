"""A build starts from what the last build of the same inputs made (`.cache/build/`), and writes what a build from nothing writes."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.bench.generate import edit, generate, post_file
from tests.dev_server import differences, tree
from tests.sites import build

POSTS = 12


def built(root: Path) -> dict[str, bytes]:
    done = build(root)
    assert done.returncode == 0, done.output
    return tree(done.site)


def test_a_build_after_edits_writes_what_a_build_from_nothing_writes(tmp_path):
    """Prose before and after the excerpt, a step, a title, a link to a post whose address moved."""
    root = tmp_path / "site"
    root.mkdir()
    generate(root, POSTS)
    edit(post_file(root, 4), "\n<!-- more -->\n", "\nSee [the next one](routine-0005.md).\n\n<!-- more -->\n")
    built(root)
    stored = root / ".cache" / "build" / "memos.pickle"
    assert stored.is_file()

    edit(post_file(root, 2), "\n<!-- more -->\n", "\nA sentence added to the excerpt.\n\n<!-- more -->\n")
    edit(post_file(root, 3), "\n<!-- more -->\n\n", "\n<!-- more -->\n\nA sentence added after the excerpt.\n\n")
    edit(post_file(root, 6), "  - title: Breathe\n", "  - title: Breathe slowly\n")
    edit(post_file(root, 7), "title: 'Routine 7:", "title: 'Routine seven:")
    edit(post_file(root, 5), "date: 2020-01-06", "date: 2020-02-06")  # the post linked from post 4 moves
    kept = built(root)

    shutil.rmtree(root / ".cache" / "build")
    afresh = built(root)
    assert not differences(kept, afresh)
    assert "A sentence added to the excerpt." in kept["blog/index.html"].decode()


def test_a_build_of_what_was_built_makes_nothing_again(tmp_path):
    """Every page's HTML, excerpt and blocks come from the last build; nothing new to store."""
    root = tmp_path / "site"
    root.mkdir()
    generate(root, POSTS)
    first = built(root)
    stored = root / ".cache" / "build" / "memos.pickle"
    written = stored.stat().st_mtime_ns
    assert not differences(built(root), first)
    assert stored.stat().st_mtime_ns == written


def test_a_change_to_mkdocs_yml_starts_from_nothing(tmp_path):
    """Another site name: nothing the last build made is used, and the site says the new name."""
    root = tmp_path / "site"
    root.mkdir()
    generate(root, POSTS)
    built(root)
    edit(root / "mkdocs.yml", "site_name: DIY Workout Recovery", "site_name: DIY Recovery")
    kept = built(root)
    shutil.rmtree(root / ".cache" / "build")
    assert not differences(kept, built(root))
