"""The preview: what is in the form, checked as `make check` would check it saved, and rendered as the site renders it."""

from __future__ import annotations

import shutil

import pytest

from routines.contract.project import load_project
from routines.desk.preview import check_as_saved, preview
from routines.engine.desk import theme
from tests.sites import ROOT, make_site

KNEE = "docs/blog/posts/knee-pain-self-massage-stretch.md"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("preview-site"))
    return load_project(root / "mkdocs.yml")


@pytest.fixture(scope="module")
def look(project):
    return theme(project.root / "mkdocs.yml")


def knee(project) -> str:
    return (project.root / KNEE).read_text(encoding="utf-8")


def test_a_valid_post_shows_its_cards_and_no_problems(project, look):
    """The knee post: three cards through the site's partials, its video, no problem lines."""
    answer = preview(knee(project), KNEE, project, look, "http://127.0.0.1:8000/")
    assert answer["problems"] == [] and answer["shown"]
    assert answer["html"].count('class="routine-step ') == 3
    assert "<breath-timer" in answer["html"] and "video-facade" in answer["html"]
    assert 'class="desk-problems"' not in answer["html"]


def test_the_lines_are_make_checks_for_the_file_as_it_would_be_saved(project, look):
    """A mistake gives the line `make check` prints for that file: its name, line, field and message."""
    text = knee(project).replace("        exhale: 8\n", "        exhale: eight\n")
    answer = preview(text, KNEE, project, look, "http://127.0.0.1:8000/")
    line = text.split("\n").index("        exhale: eight") + 1
    assert answer["problems"] == [f'{KNEE}:{line}: routine.steps[2].breath.exhale: must be a number of counts > 0 and <= 60, got "eight"']
    assert not answer["shown"] and "desk-problems" in answer["html"] and "routine-step" not in answer["html"]


def test_a_copy_is_checked_against_the_other_posts(project):
    """A duplicated post under a new name is told that it takes the original's address."""
    problems, found = check_as_saved(knee(project), "docs/blog/posts/knee-pain-self-massage-stretch-1.md", project)
    assert found is None
    assert len(problems) == 1 and "gives the same address as" in problems[0] and "knee-pain-self-massage-stretch-1.md" in problems[0]


def test_only_posts_are_previewed(project):
    """A path outside the posts folders is refused."""
    for path in ("docs/index.md", "docs/blog/posts/../../index.md", "mkdocs.yml"):
        with pytest.raises(ValueError):
            check_as_saved("---\ntitle: x\n---\n", path, project)


def test_nothing_is_written_into_docs(project, look):
    """Previewing leaves docs/ as it was."""
    before = sorted(p.relative_to(project.root) for p in project.docs_dir.rglob("*"))
    preview("---\ntitle: New\ndate: 2024-01-01\n---\n\nHi\n\n<!-- more -->\n", "docs/blog/posts/new.md", project, look, "http://x/")
    assert sorted(p.relative_to(project.root) for p in project.docs_dir.rglob("*")) == before


def test_files_saved_with_the_post_are_not_missing(project):
    """An image uploaded in the form, saved with the post, is not reported missing before it is on disk."""
    text = knee(project).replace("video: https://www.youtube.com/watch?v=AbCdEfGhIjK\n", "video:\n  url: https://www.youtube.com/watch?v=AbCdEfGhIjK\n  poster: media/new.png\n")
    problems, _ = check_as_saved(text, KNEE, project)
    assert len(problems) == 1 and "file not found: docs/blog/posts/media/new.png" in problems[0]
    assert check_as_saved(text, KNEE, project, ("docs/blog/posts/media/new.png",)) == ([], None)
    assert check_as_saved(text, KNEE, project, ("docs/blog/posts/media/other.png",))[0] == problems


def test_the_count_of_problems_is_worded_by_the_sites_grammar(project, look):
    text = knee(project).replace("        exhale: 8\n", "        exhale: eight\n").replace("        rounds: 6\n", "        rounds: many\n")
    assert preview(text, KNEE, project, look, "http://x/")["summary"] == "2 problems"
