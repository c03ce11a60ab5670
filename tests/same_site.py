"""Build the same posts with the code of a git revision and with the code as it stands, and compare.

    python -m tests.same_site [REVISION] [--show N]    # default HEAD; `make same-site REV=...`

A change that should not change the site (a move, a rename, one rule in one
place) proves it here: both builds get the same files of docs/ (this site's
posts, the fixture posts with every step kind, videos and careful YAML, and
generated posts) and the same build date, and every file they write must be
the same bytes, an RSS channel's build time apart. Prints each file that
differs, or is only in one, and fails if any does; `--show N` prints the
changed lines of the first N text files that differ.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests import sites
from tests.bench.generate import post
from tests.sites import ROOT, without_build_time

FIXTURES = ROOT / "tests" / "fixtures"
GENERATED = 24


def docs(into: Path) -> Path:
    """One docs/ folder both builds read: this site's, with fixture and generated posts added."""
    shutil.copytree(ROOT / "docs", into)
    posts = into / "blog" / "posts"
    shutil.copytree(FIXTURES / "video-posts", posts, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "careful", posts, dirs_exist_ok=True)
    for name in ("every-step-kind.md", "hostile-post.md"):
        shutil.copy(FIXTURES / name, posts / name)
    for n in range(GENERATED):
        (posts / f"routine-{n:04d}.md").write_text(post(n, plain=False), encoding="utf-8")
    return into


def build(code: Path, shared_docs: Path, root: Path) -> Path:
    """A strict build at root of `shared_docs` with the mkdocs.yml, hooks and overrides of `code`."""
    root.mkdir()
    shutil.copy(code / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("hooks", "overrides"):
        (root / name).symlink_to(code / name, target_is_directory=True)
    shutil.copytree(shared_docs, root / "docs")
    result = sites.build(root)
    if result.returncode:
        raise SystemExit(f"the build with {code} failed:\n{result.output}")
    return result.site


def differences(before: Path, after: Path) -> list[str]:
    """Each file that differs between two sites, or is only in one."""
    files = lambda site: {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    found = []
    for path in sorted(files(before) | files(after)):
        old, new = before / path, after / path
        if not old.exists() or not new.exists():
            found.append(f"{path}: only in the build {'after' if new.exists() else 'before'}")
        elif without_build_time(old.read_bytes()) != without_build_time(new.read_bytes()):
            found.append(f"{path}: differs")
    return found


def changed_lines(before: Path, after: Path, limit: int = 40) -> str:
    """The lines of a text file that differ between two builds, as a diff."""
    old, new = (p.read_text(encoding="utf-8", errors="replace").splitlines() for p in (before, after))
    lines = [line for line in difflib.unified_diff(old, new, lineterm="", n=0) if not line.startswith(("---", "+++", "@@"))]
    return "\n".join(line[:300] for line in lines[:limit])


def main() -> None:
    args = sys.argv[1:]
    show = int(args[args.index("--show") + 1]) if "--show" in args else 0
    if "--show" in args:
        del args[args.index("--show"):args.index("--show") + 2]
    revision = args[0] if args else "HEAD"
    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"  # one build date for both builds
    with tempfile.TemporaryDirectory(prefix="same-site-") as tmp:
        tmp = Path(tmp)
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tmp / "before"), revision], check=True)
        try:
            shared = docs(tmp / "docs")
            before = build(tmp / "before", shared, tmp / "site-before")
            after = build(ROOT, shared, tmp / "site-after")
            found = differences(before, after)
            shown = [f.split(":")[0] for f in found if f.endswith("differs")][:show]
            for path in shown:
                print(f"{path}:\n{changed_lines(before / path, after / path)}\n")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tmp / "before")], check=True)
        pages = sum(1 for _ in after.rglob("*.html"))
    if found:
        raise SystemExit(f"{len(found)} files differ from the site {revision} builds:\n" + "\n".join(found))
    print(f"the same site as {revision} builds: {pages} pages, every file byte for byte")


if __name__ == "__main__":
    main()
