"""The coach's script of every routine the tests know, as reviewable text: `python -m tests.scripts` writes them.

Each file in tests/fixtures/scripts/ is what the follow-along view says
and sounds for one post, mark by mark (routines.model.coach.script_text).
tests/unit/model/test_coach.py fails when a script changes and its file
was not written again, so every change to what readers hear is reviewed.
"""

from __future__ import annotations

from pathlib import Path

from routines.contract.fields import validate_post
from routines.contract.project import load_project
from routines.model.coach import script_text
from routines.model.post import Routine
from tests.posts import FIXTURES, ROOT

SCRIPTS = FIXTURES / "scripts"
POSTS = (
    *sorted((ROOT / "docs" / "blog" / "posts").glob("*.md")),
    FIXTURES / "every-step-kind.md",
    FIXTURES / "hostile-post.md",
)


def routines() -> dict[str, Routine]:
    """Each post with a routine, by file stem."""
    site = load_project(ROOT / "mkdocs.yml").site
    found = {}
    for path in POSTS:
        post, problems = validate_post(path.read_text(encoding="utf-8"), str(path), "blog/posts", site)
        assert not problems, problems
        if post.routine:
            found[path.stem] = post.routine
    return found


def main() -> None:
    SCRIPTS.mkdir(exist_ok=True)
    for name, routine in routines().items():
        (SCRIPTS / f"{name}.txt").write_text(script_text(routine), encoding="utf-8")
        print(f"wrote {SCRIPTS.relative_to(ROOT) / name}.txt")


if __name__ == "__main__":
    main()
