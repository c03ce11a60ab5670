"""Editors check a post's front matter as it is typed, against post.schema.json.

VS Code's remark extension (recommended in .vscode/), and any editor that runs
the remark language server, read the settings in package.json: the schema for
every post in docs/blog/posts/. The schema accepts every post the site
builds, and the editor's checker names the line of a mistake.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.posts import FIXTURES, ROOT
from tests.unit.contract.test_schema_agreement import as_json

REMARK = ROOT / "node_modules" / ".bin" / "remark"
POSTS = sorted(
    [*(ROOT / "docs" / "blog" / "posts").glob("*.md"), *(FIXTURES / name for name in ("authoring-example.md", "every-step-kind.md", "hostile-post.md")),
     *(FIXTURES / "careful").iterdir(), *(FIXTURES / "video-posts").glob("*.md")],
)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


@pytest.mark.parametrize("path", POSTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_schema_accepts_every_post_the_site_builds(path):
    schema = json.loads((ROOT / "post.schema.json").read_text())
    errors = [e.message for e in jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(as_json(front_matter(path)))]
    assert errors == []


@pytest.fixture
def project(tmp_path) -> Path:
    """A project with this one's editor settings and schema, and a posts folder."""
    for name in ("package.json", "post.schema.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    (tmp_path / "docs" / "blog" / "posts").mkdir(parents=True)
    return tmp_path


def remark(project: Path) -> str:
    """What the editor's checker says of the posts, one line per problem, colours off."""
    result = subprocess.run(
        [str(REMARK), "--quiet", "--no-stdout", "--no-color", "docs/blog/posts"], cwd=project, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


# The editor reads YAML 1.2, which has no merge keys (`<<: *step`); `make check` reads them.
BEYOND_THE_EDITOR = {"steps-by-merge-key.md"}


def test_the_editor_is_silent_on_good_posts(project):
    for path in POSTS:
        if path.name not in BEYOND_THE_EDITOR:
            shutil.copy(path, project / "docs" / "blog" / "posts" / path.name)
    assert remark(project) == ""


def test_the_editor_names_the_line_of_a_mistake(project):
    knee = (ROOT / "docs" / "blog" / "posts" / "knee-pain-self-massage-stretch.md").read_text()
    (project / "docs" / "blog" / "posts" / "knee.md").write_text(knee.replace("exhale: 8", "exhale: eight", 1).replace("kind: mobility", "knd: mobility", 1))
    said = remark(project)
    exhale = next(n for n, line in enumerate(knee.splitlines(), 1) if "exhale: 8" in line)
    assert re.search(rf"^\s*{exhale}:\d+-\d+:\d+\s+warning\s+Must be number", said, re.M), said
    assert "Must NOT have additional properties" in said and "Must have required property 'kind'" in said, said


def test_vs_code_is_told_which_extension_reads_the_settings():
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text())
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    assert extensions["recommendations"] == ["unifiedjs.vscode-remark"]
    assert settings["remark.requireConfig"] is True and settings["[markdown]"]["editor.formatOnSave"] is False
    plugins = json.loads((ROOT / "package.json").read_text())["remarkConfig"]["plugins"]
    assert plugins[1][1]["schemas"] == {"./post.schema.json": ["./docs/blog/posts/**/*.md", "./docs/blog/posts/**/*.markdown"]}
