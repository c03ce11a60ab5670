"""Author tools end to end: make post, make check, the atomic build."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.posts import post_text
from tests.sites import ROOT, build, make_site
from tests.unit.contract.test_fields import BAD


def routines(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the author tools on the site at root, as `make` does."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "routines", "--config", str(root / "mkdocs.yml"), *args],
        cwd=root, env=env, capture_output=True, text=True, timeout=120,
    )


def test_new_post_passes_validation_and_builds(tmp_path):
    """`make post` writes a skeleton that passes the check and renders all its steps."""
    root = make_site(tmp_path)
    made = routines(root, "new", "Sore Shoulders? Try This “Doorway” Stretch")
    assert made.returncode == 0, made.stderr
    path = root / "docs" / "blog" / "posts" / "sore-shoulders-try-this-doorway-stretch.md"
    assert made.stdout.strip() == f"{path.relative_to(root)}: created; fill it in, then `make check` and `make serve`"
    assert routines(root, "check").returncode == 0
    path.write_text(path.read_text().replace("draft: true", "draft: false"))
    result = build(root)
    assert result.returncode == 0, result.output
    page = next((root / "site" / "blog").glob("*/*/*/sore-shoulders-try-this-doorway-stretch/index.html"))
    html = page.read_text()
    assert html.count('class="routine-step ') == 5 and "<breath-timer" in html
    assert "Sore Shoulders? Try This “Doorway” Stretch</h1>" in html


def test_new_post_never_overwrites(tmp_path):
    """A second post with the same title is refused, and the first is kept."""
    root = make_site(tmp_path)
    routines(root, "new", "Calf Rescue")
    path = root / "docs" / "blog" / "posts" / "calf-rescue.md"
    path.write_text(path.read_text() + "\nMy words.\n")
    again = routines(root, "new", "Calf rescue!")
    assert again.returncode == 1
    assert again.stderr.strip() == "docs/blog/posts/calf-rescue.md: already exists; edit it, or choose another title"
    assert path.read_text().endswith("My words.\n")


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A site whose posts folder holds one post per bad-input case."""
    root = make_site(tmp_path_factory.mktemp("broken"))
    posts = root / "docs" / "blog" / "posts"
    for name in ("knee.mp4", "knee.jpg", "knee.vtt"):
        (posts / name).write_bytes(b"x")
    for number, (_, front, body, _, _) in enumerate(BAD, 1):
        (posts / f"case-{number:02d}.md").write_text(post_text(front, body))
    (root / "docs" / "about.md").write_text("# About\n\nSee [the knee post](blog/posts/knee-pain.md).\n")
    return root


def expect_every_case(output: str) -> None:
    lines = output.splitlines()
    assert "Traceback" not in output
    for number, (case, _, _, field, words) in enumerate(BAD, 1):
        prefix = f"docs/blog/posts/case-{number:02d}.md"
        matching = [line for line in lines if line.startswith(prefix) and f": {field}: " in line and words in line]
        assert matching, f"{case}: no line for {prefix} at {field!r} saying {words!r}"


def test_at_least_forty_cases_end_to_end():
    """The end-to-end corpus is broad."""
    assert len(BAD) >= 40


def test_check_reports_every_case_and_fails(broken):
    """`make check` prints one line per problem of every post and exits non-zero."""
    result = routines(broken, "check")
    assert result.returncode == 1
    expect_every_case(result.stdout)
    assert 'docs/about.md:3: body: links to "blog/posts/knee-pain.md", but docs/blog/posts/knee-pain.md does not exist' in result.stdout
    assert result.stderr.startswith(f"checked {len(BAD) + 7} pages in ")  # the cases, this site's 6, about.md


def test_build_reports_every_case_and_fails(broken):
    """A build of the same folder fails with the same lines and no traceback."""
    result = build(broken)
    assert result.returncode == 1
    expect_every_case(result.output)


def test_check_passes_on_this_site():
    """This site's own posts are clean."""
    result = routines(ROOT, "check")
    assert result.returncode == 0, result.stdout
    assert "no problems" in result.stderr


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def make(root: Path, target: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", target], cwd=root, capture_output=True, text=True, timeout=300)


def test_failed_build_leaves_the_last_good_site_untouched(tmp_path):
    """`make build` swaps site/ only on success: a bad post leaves it byte for byte."""
    root = make_site(tmp_path)
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy(ROOT / name, root / name)
    venv = root / ".venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')  # this interpreter has everything
    (venv / "python").chmod(0o755)
    (root / ".venv" / ".ready").touch()
    good = make(root, "build")
    assert good.returncode == 0, good.stdout + good.stderr
    before = tree_digest(root / "site")
    (root / "docs" / "blog" / "posts" / "bad.md").write_text("---\ntitle: [Broken\n---\n\nBody\n")
    bad = make(root, "build")
    assert bad.returncode != 0
    assert "docs/blog/posts/bad.md:3: front matter: is not valid YAML" in bad.stdout
    assert tree_digest(root / "site") == before
    assert not (root / ".site.new").exists()


@pytest.mark.parametrize(
    ("title", "file", "slug"),
    [("No", "no.md", 'slug: "no"'), ("膝の痛みに セルフマッサージ", "膝の痛みに-セルフマッサージ.md", "slug: 膝の痛みに-セルフマッサージ"),
     ("כאבי ברכיים", "כאבי-ברכיים.md", "slug: כאבי-ברכיים")],
)
def test_new_post_for_any_title_passes_the_check(tmp_path, title, file, slug):
    """A title YAML would read as a word, or in another script, still gives a post that passes."""
    root = make_site(tmp_path)
    made = routines(root, "new", title)
    assert made.returncode == 0, made.stderr
    text = (root / "docs" / "blog" / "posts" / file).read_text()
    assert slug in text.splitlines()
    checked = routines(root, "check")
    assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize(("title", "length"), [("Stretch " * 35, 279), ("Knee reset, " * 22 + "Knee and hip", 276)])
def test_new_post_refuses_a_title_too_long(tmp_path, title, length):
    """A title the check would refuse is refused at once, with the limit, and no skeleton is written."""
    root = make_site(tmp_path)
    before = sorted((root / "docs" / "blog" / "posts").iterdir())
    made = routines(root, "new", title)
    assert made.returncode == 2
    assert made.stderr.strip() == f"make post: the title is {length} characters; a title has at most 200, so shorten it"
    assert sorted((root / "docs" / "blog" / "posts").iterdir()) == before
