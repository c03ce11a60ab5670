"""`make deploy` from a clone: what is shared is published, what is not is refused, drafts are named."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
from pathlib import Path

from tests.posts import FIXTURES, ROOT
from tests.sites import make_site

KNEE = (ROOT / "docs" / "blog" / "posts" / "knee-pain-self-massage-stretch.md").read_text()
DRAFT = (FIXTURES / "every-step-kind.md").read_text().replace("slug: every-step-kind\n", "slug: every-step-kind\ndraft: true\n")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()


def make(repo: Path, target: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    return subprocess.run(["make", "--no-print-directory", target], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def project(tmp_path: Path, site_url: str = "https://clinic.example/") -> Path:
    """A clone of a shared project with this site's posts and a draft, set up as `make` expects."""
    remote = tmp_path / "shared.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    (tmp_path / "laptop").mkdir()
    root = make_site(tmp_path / "laptop", site_url=site_url)
    (root / "docs" / "blog" / "posts" / "every-step-kind.md").write_text(DRAFT)
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy(ROOT / name, root / name)
        os.utime(root / name, (0, 0))  # older than the virtualenv: make sets nothing up again
    (root / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    (root / ".gitignore").write_text(".venv\nsite/\n.cache/\n")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    git(root, "config", "user.email", "ana@example.org")
    git(root, "config", "user.name", "Ana")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "The site")
    git(root, "remote", "add", "origin", str(remote))
    git(root, "push", "-q", "-u", "origin", "main")
    return root


def test_make_deploy_publishes_what_is_shared_and_refuses_what_is_not(tmp_path):
    """Shared: built, published on gh-pages, the draft named as left out. A new post not committed: refused, the live site kept."""
    root = project(tmp_path)
    done = make(root, "deploy")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "docs/blog/posts/every-step-kind.md: not published: it says draft: true (delete that line to publish it)" in done.stdout
    assert "published " in done.stdout and "https://clinic.example/" in done.stdout
    assert "not included in the" not in done.stdout + done.stderr  # the pages the build makes are not "missing from the nav"
    remote = tmp_path / "shared.git"
    pages = git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "blog/2024/01/17/knee-pain-self-massage-stretch/index.html" in pages
    assert not [page for page in pages if "every-step-kind" in page]
    (root / "docs" / "blog" / "posts" / "calf.md").write_text(KNEE.replace("slug: knee-pain-self-massage-stretch", "slug: calf"))
    refused = make(root, "deploy")
    assert refused.returncode != 0
    assert 'docs/blog/posts/calf.md: new, not shared yet; to publish it: git add docs/blog/posts/calf.md && git commit -m "Add calf" && git push' in refused.stderr
    assert git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split() == pages
    assert len(git(remote, "log", "--format=%h", "gh-pages").split()) == 1


def test_make_deploy_refuses_the_example_address_before_building(tmp_path):
    """Shipped as it is (site_url: https://example.org/), nothing is built or published: one line names site_url and the fix."""
    root = project(tmp_path, site_url="https://example.org/")
    refused = make(root, "deploy")
    assert refused.returncode != 0
    assert ("mkdocs.yml: site_url: https://example.org/ is a placeholder; set it to the practice's public address"
            " (like https://www.your-practice.com/) before publishing") in refused.stderr.splitlines()
    assert not (root / "site").exists()
    assert "gh-pages" not in git(tmp_path / "shared.git", "branch", "--list")


def test_a_published_address_keeps_leading_to_its_post_after_the_slug_changes(tmp_path):
    """Published, then re-slugged and published again: the old address is a redirect to the new one, recorded with no hand edit."""
    root = project(tmp_path)
    remote = tmp_path / "shared.git"
    assert make(root, "deploy").returncode == 0
    old = "blog/2024/01/17/knee-pain-self-massage-stretch/"
    assert old in git(remote, "show", "main:addresses.yml")  # recorded and shared by the publish itself
    git(root, "pull", "-q")
    post = root / "docs" / "blog" / "posts" / "knee-pain-self-massage-stretch.md"
    post.write_text(post.read_text().replace("slug: knee-pain-self-massage-stretch", "slug: knee-reset"))
    git(root, "commit", "-q", "-am", "A shorter address for the knee routine")
    git(root, "push", "-q")
    checked = make(root, "check")
    assert ("docs/blog/posts/knee-pain-self-massage-stretch.md: its published address"
            f" /{old} will redirect to /blog/2024/01/17/knee-reset/") in checked.stdout
    done = make(root, "deploy")
    assert done.returncode == 0, done.stdout + done.stderr
    redirect = git(remote, "show", f"gh-pages:{old}index.html")
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', redirect).group(1)
    followed = posixpath.normpath(posixpath.join(old, target)) + "/index.html"
    assert followed == "blog/2024/01/17/knee-reset/index.html"
    assert "Knee Pain? Try This Self Massage" in git(remote, "show", f"gh-pages:{followed}")
    assert "blog/2024/01/17/knee-reset/" in git(remote, "show", "main:addresses.yml")


def test_record_addresses_alone_refuses_what_is_not_shared(tmp_path):
    """`make record-addresses` pushes the branch, so it refuses unpushed work as make deploy does: nothing reaches main."""
    root = project(tmp_path)
    remote = tmp_path / "shared.git"
    before = git(remote, "rev-parse", "main")
    (root / "docs" / "blog" / "posts" / "every-step-kind.md").write_text(DRAFT.replace("draft: true\n", ""))
    git(root, "commit", "-qam", "Publish the whole-body check")
    refused = make(root, "record-addresses")
    assert refused.returncode != 0
    assert "main: 1 commit here that origin does not have; share them first: git push" in refused.stderr
    assert git(remote, "rev-parse", "main") == before
