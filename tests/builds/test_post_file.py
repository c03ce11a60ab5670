"""The editor's file format (admin/post-file.mjs), run by Node: posts saved from the form read as written by hand."""

from __future__ import annotations

import difflib
import json
import subprocess

import pytest
import yaml

from routines.contract.frontmatter import read_front_matter
from tests.posts import FIXTURES, ROOT

POSTS = sorted(
    [*(ROOT / "docs" / "blog" / "posts").glob("*.md"), *FIXTURES.glob("*.md"), *(FIXTURES / "careful").glob("*.m*"), *(FIXTURES / "video-posts").glob("*.md")]
)
KNEE = ROOT / "docs" / "blog" / "posts" / "knee-pain-self-massage-stretch.md"


def saved(*files: dict) -> list[dict]:
    """What the format writes for each file (see tests/post_file.mjs)."""
    asked = {"config": (ROOT / "admin" / "config.yml").read_text(encoding="utf-8"), "files": list(files)}
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "post_file.mjs")], input=json.dumps(asked), capture_output=True, text=True, timeout=60, check=True,
    )
    return json.loads(result.stdout)


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@pytest.fixture(scope="module")
def every_post():
    texts = [path.read_text(encoding="utf-8") for path in POSTS]
    return dict(zip(POSTS, zip(texts, saved(*({"text": text} for text in texts)))))


def test_opening_and_saving_a_post_changes_nothing(every_post):
    """Every post of the site and of the fixtures, opened and saved without a change, is byte for byte the same file."""
    assert len(every_post) >= 10
    for path, (text, answer) in every_post.items():
        assert answer.get("resaved") == text, path.name


def test_a_post_written_afresh_reads_the_same(every_post):
    """Written anew from the form's values (comments and layout aside), a post has the same front matter and body."""
    for path, (text, answer) in every_post.items():
        before, after = read_front_matter(text), read_front_matter(answer["fresh"])
        assert after.errors == [] and after.data == before.data, path.name
        assert after.body.strip() == before.body.strip(), path.name


@pytest.mark.parametrize(
    ("where", "value", "line"),
    [
        (["routine", "steps", 1, "breath", "exhale"], "10", "        exhale: 10"),
        (["routine", "steps", 0, "video_at"], "0:50", '      video_at: "0:50"'),
        (["routine", "steps", 2, "title"], "Knee mobility: seated", '    - title: "Knee mobility: seated"'),
        (["routine", "equipment", 1], "lacrosse ball", "  equipment: [foam roller, lacrosse ball]"),
        (["date"], "2024-01-18", "date: 2024-01-18"),
    ],
)
def test_one_changed_value_is_one_changed_line(where, value, line):
    """A value changed in the form changes its own line only, written as by hand."""
    text = KNEE.read_text(encoding="utf-8")
    (answer,) = saved({"text": text, "set": [where, value]})
    lines = changed_lines(text, answer["changed"])
    assert [changed[0] for changed in lines] == ["-", "+"] and lines[1] == f"+{line}"


def test_a_new_post_is_written_as_by_hand():
    """Counts as numbers, dates as dates, quotes only where YAML would misread, keys in the order WRITING.md teaches."""
    form = {
        "body": "Intro.\n\n<!-- more -->\n\n<!-- routine -->", "routine": {"steps": [
            {"kind": "breath", "title": "Breathe", "breath": {"rounds": "5", "exhale": "6", "inhale": "4", "hold": ""}, "cues": []},
            {"kind": "stretch", "title": "Hold it", "hold": "30s", "each": "side", "video_at": "1:30", "reps": ""},
        ]},
        "description": "", "date": "2024-03-01", "title": "1984", "categories": ["Knee"], "draft": False,
    }
    (answer,) = saved({"data": form})
    assert answer["fresh"] == (
        "---\n"
        'title: "1984"\n'
        "date: 2024-03-01\n"
        "categories: [Knee]\n"
        "draft: false\n"
        "routine:\n"
        "  steps:\n"
        "    - title: Breathe\n"
        "      kind: breath\n"
        "      breath:\n"
        "        inhale: 4\n"
        "        exhale: 6\n"
        "        rounds: 5\n"
        "    - title: Hold it\n"
        "      kind: stretch\n"
        "      hold: 30s\n"
        "      each: side\n"
        '      video_at: "1:30"\n'
        "---\n"
        "\n"
        "Intro.\n\n<!-- more -->\n\n<!-- routine -->\n"
    )
    assert yaml.safe_load(answer["fresh"].split("---\n")[1])["routine"]["steps"][0]["breath"] == {"inhale": 4, "exhale": 6, "rounds": 5}


def test_a_post_whose_yaml_is_broken_is_not_opened():
    """The form refuses to open front matter it cannot read, rather than save over it."""
    (answer,) = saved({"text": "---\ntitle: [unclosed\n---\n\nBody.\n"})
    assert "not valid YAML" in answer["error"]
