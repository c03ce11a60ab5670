"""The editor on the published site: `admin/` beside the pages, which stay exactly as they were."""

from __future__ import annotations

import os
import subprocess
import sys

import yaml

from tests.dev_server import tree
from tests.sites import ROOT, build, make_site


def publish_editor(root) -> subprocess.CompletedProcess:
    """What `make build` runs after the build."""
    env = {**os.environ, "PYTHONPATH": str(root / "hooks")}
    return subprocess.run([sys.executable, "-m", "routines", "publish-editor", "site"], cwd=root, env=env, capture_output=True, text=True, timeout=120)


def built(tmp_path, repo_url: str = ""):
    root = make_site(tmp_path)
    if repo_url:
        config = (root / "mkdocs.yml").read_text().replace("\nextra:\n", "\nextra:\n  editor:\n    auth: https://auth.example.org\n", 1)
        (root / "mkdocs.yml").write_text(config + f"repo_url: {repo_url}\n")
    for name in ("admin", "node_modules"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    result = build(root)
    assert result.returncode == 0, result.output
    return root


def test_the_editor_is_published_beside_the_pages_which_stay_the_same(tmp_path):
    """With a GitHub repo_url: admin/ holds the editor and the CMS, saving to that repository; every other file is untouched."""
    root = built(tmp_path, "https://github.com/practice/site")
    before = tree(root / "site")
    result = publish_editor(root)
    assert result.returncode == 0, result.stderr
    after = tree(root / "site")
    assert {path: data for path, data in after.items() if not path.startswith("admin/")} == before
    editor = {path for path in after if path.startswith("admin/")}
    assert {"admin/index.html", "admin/desk.mjs", "admin/post-file.mjs", "admin/config.yml", "admin/cms/decap-cms.js", "admin/yaml/index.js"} <= editor
    assert not [path for path in editor if path.endswith(".map")]
    config = yaml.safe_load(after["admin/config.yml"])
    assert config["backend"] == {"name": "github", "repo": "practice/site", "branch": "main", "base_url": "https://auth.example.org"}
    assert config["publish_mode"] == "editorial_workflow"
    readers = [path for path in before if path.endswith((".html", ".xml", ".json"))]
    assert not [path for path in readers if b"admin/" in before[path]], "a reader's file names the editor"
    assert b"robots" in after["admin/index.html"] and b"noindex" in after["admin/index.html"]


def test_without_a_repository_the_editor_is_not_published(tmp_path):
    """No repo_url on GitHub: nothing is added to the site, and the build says nothing of it."""
    root = built(tmp_path)
    before = tree(root / "site")
    result = publish_editor(root)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert tree(root / "site") == before
