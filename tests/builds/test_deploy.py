"""`make deploy` from a clone: what is shared is published, what is not is refused, drafts are named."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from routines.publishing.deploy import publish, shared
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


def clone(tmp_path: Path, name: str) -> Path:
    """Another laptop: a clone of the shared project, set up as `make` expects."""
    repo = tmp_path / name
    subprocess.run(["git", "clone", "-q", str(tmp_path / "shared.git"), str(repo)], check=True, capture_output=True)
    git(repo, "config", "user.email", f"{name}@example.org")
    git(repo, "config", "user.name", name.title())
    for made in ("Makefile", "requirements.txt", "requirements-test.txt"):
        os.utime(repo / made, (0, 0))
    (repo / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    return repo


def publish_without_record(root: Path, pages_name_their_file: bool) -> None:
    """Publish as make deploy did before addresses.yml existed: the site on gh-pages, no record kept.

    Without `pages_name_their_file`, the post pages are as builds wrote them
    before they named their file: known only by their title and date.
    """
    built = make(root, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    if not pages_name_their_file:
        for page in (root / "site").rglob("*.html"):
            page.write_text(re.sub(r'\n *<meta name="post-file"[^>]*>', "", page.read_text()))
    publish(root, root / "site", shared(root), "Publish the site")
    assert not (root / "addresses.yml").exists()


def rename_knee(repo: Path, title: str = "") -> None:
    """A shorter address for the knee routine (and a new title, if given), shared."""
    post = repo / "docs" / "blog" / "posts" / "knee-pain-self-massage-stretch.md"
    text = post.read_text().replace("slug: knee-pain-self-massage-stretch", "slug: knee-reset")
    post.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", text) if title else text)
    git(repo, "commit", "-q", "-am", "A shorter address for the knee routine")
    git(repo, "push", "-q")


def followed(old: str, redirect: str) -> str:
    """The page a redirect page at `old` sends the reader to."""
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', redirect).group(1)
    return posixpath.normpath(posixpath.join(old, target)) + "/index.html"


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


KNEE_FILE = "blog/posts/knee-pain-self-massage-stretch.md"
OLD = "blog/2024/01/17/knee-pain-self-massage-stretch/"


def test_an_address_published_before_the_record_existed_redirects_after_the_slug_changes(tmp_path):
    """Published with no addresses.yml; on another laptop slug and title change: make deploy knows the old page by its file and redirects it."""
    publish_without_record(project(tmp_path), pages_name_their_file=True)
    ben = clone(tmp_path, "ben")
    rename_knee(ben, title="Knee Reset")
    done = make(ben, "deploy")
    assert done.returncode == 0, done.stdout + done.stderr
    remote = tmp_path / "shared.git"
    page = followed(OLD, git(remote, "show", f"gh-pages:{OLD}index.html"))
    assert page == "blog/2024/01/17/knee-reset/index.html"
    assert "<h1>Knee Reset" in git(remote, "show", f"gh-pages:{page}")
    assert yaml.safe_load(git(remote, "show", "main:addresses.yml"))[KNEE_FILE] == [OLD, "blog/2024/01/17/knee-reset/"]
    assert "gh-pages:" not in done.stderr  # every live post page was matched, and read


def test_pages_from_before_they_named_their_file_are_known_by_title_and_date(tmp_path):
    """Post pages without the file they were made from: make record-addresses matches them by title and date; check and build redirect."""
    publish_without_record(project(tmp_path), pages_name_their_file=False)
    assert "post-file" not in git(tmp_path / "shared.git", "show", f"gh-pages:{OLD}index.html")
    ben = clone(tmp_path, "ben")
    rename_knee(ben)
    done = make(ben, "record-addresses")
    assert done.returncode == 0, done.stdout + done.stderr
    assert OLD in yaml.safe_load(git(tmp_path / "shared.git", "show", "main:addresses.yml"))[KNEE_FILE]
    checked = make(ben, "check")
    assert f"docs/{KNEE_FILE}: its published address /{OLD} will redirect to /blog/2024/01/17/knee-reset/" in checked.stdout
    assert make(ben, "build").returncode == 0
    page = followed(OLD, (ben / "site" / OLD / "index.html").read_text())
    assert page == "blog/2024/01/17/knee-reset/index.html"
    assert "Knee Pain? Try This Self Massage" in (ben / "site" / page).read_text()


def test_a_published_branch_that_cannot_be_read_is_one_line_and_publishing_goes_on(tmp_path):
    """gh-pages on the remote names a file, not a site: one line names it, and the addresses are recorded as ever."""
    root = project(tmp_path)
    remote = tmp_path / "shared.git"
    (remote / "refs" / "heads" / "gh-pages").write_text(git(remote, "rev-parse", "main:mkdocs.yml") + "\n")
    done = make(root, "record-addresses")
    assert done.returncode == 0, done.stdout + done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("origin/gh-pages: cannot be ")
    assert line.endswith("; the addresses published there that addresses.yml lacks are not added, so they will not redirect")
    assert yaml.safe_load(git(remote, "show", "main:addresses.yml"))[KNEE_FILE] == [OLD]
