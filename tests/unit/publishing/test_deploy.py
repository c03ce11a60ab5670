"""Publishing only what is shared: two clones of one project, a bare remote standing for the shared copy."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from routines.publishing.deploy import Refused, publish, refusals, shared, undo


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()


def commit_file(repo: Path, path: str, text: str, message: str) -> None:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text)
    git(repo, "add", path)
    git(repo, "commit", "-q", "-m", message)


def site_of(repo: Path, tmp: Path) -> Path:
    """What a build of `repo` would publish: one page per post (enough to see which posts are live)."""
    site = tmp / f"site-{repo.name}"
    site.mkdir(exist_ok=True)
    for old in site.iterdir():
        old.unlink()
    for post in (repo / "docs" / "blog" / "posts").glob("*.md"):
        (site / f"{post.stem}.html").write_text(post.read_text())
    return site


def live(remote: Path) -> list[str]:
    """The pages on the published branch of the shared copy."""
    return sorted(git(remote, "ls-tree", "--name-only", "gh-pages").split())


@pytest.fixture
def team(tmp_path):
    """A shared bare repository with one post, and two clones of it: Ana's and Ben's laptops."""
    remote = tmp_path / "shared.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    first = tmp_path / "first"
    subprocess.run(["git", "clone", "-q", str(remote), str(first)], check=True, capture_output=True)
    for repo in (first,):
        git(repo, "config", "user.email", "ana@example.org")
        git(repo, "config", "user.name", "Ana")
    commit_file(first, "docs/blog/posts/knee.md", "knee", "Add the knee routine")
    git(first, "push", "-q", "-u", "origin", "main")
    clones = []
    for name in ("ana", "ben"):
        repo = tmp_path / name
        subprocess.run(["git", "clone", "-q", str(remote), str(repo)], check=True, capture_output=True)
        git(repo, "config", "user.email", f"{name}@example.org")
        git(repo, "config", "user.name", name.title())
        clones.append(repo)
    return remote, *clones


def test_a_clone_missing_a_colleagues_post_is_refused_and_the_post_stays_live(team, tmp_path):
    """Ana publishes her calf post; Ben, who has not pulled it, cannot publish a site without it."""
    remote, ana, ben = team
    commit_file(ana, "docs/blog/posts/calf.md", "calf", "Add the calf routine")
    git(ana, "push", "-q")
    where = shared(ana)
    assert refusals(ana, where) == []
    publish(ana, site_of(ana, tmp_path), where, "Publish")
    assert live(remote) == [".nojekyll", "calf.html", "knee.html"]
    lines = refusals(ben, shared(ben))
    assert lines == ["main: 1 commit on origin that this folder does not have (a colleague's posts, perhaps); get them first: git pull"]
    git(ben, "pull", "-q")
    assert refusals(ben, shared(ben)) == []
    publish(ben, site_of(ben, tmp_path), shared(ben), "Publish again")
    assert live(remote) == [".nojekyll", "calf.html", "knee.html"]
    assert len(git(remote, "log", "--format=%h", "gh-pages").split()) == 2  # every publish kept


def test_a_post_not_committed_or_not_pushed_is_refused_with_the_commands_to_share_it(team):
    """An untracked post, a changed one, and commits not pushed: one line each, with the fix."""
    _, ana, _ = team
    (ana / "docs/blog/posts/calf.md").write_text("calf")
    (ana / "docs/blog/posts/knee.md").write_text("knee, better")
    lines = refusals(ana, shared(ana))
    assert lines == [
        'docs/blog/posts/knee.md: changed, not shared yet; to publish the change: git commit -am "Update knee" && git push (or to drop it: git restore docs/blog/posts/knee.md)',
        'docs/blog/posts/calf.md: new, not shared yet; to publish it: git add docs/blog/posts/calf.md && git commit -m "Add calf" && git push',
    ]
    git(ana, "add", "-A")
    git(ana, "commit", "-q", "-m", "Calf")
    assert refusals(ana, shared(ana)) == ["main: 1 commit here that origin does not have; share them first: git push"]


def publish_good_then_broken(repo: Path, tmp_path: Path) -> None:
    """A good publish, then one with a broken post."""
    publish(repo, site_of(repo, tmp_path), shared(repo), "Publish")
    commit_file(repo, "docs/blog/posts/broken.md", "oops", "Add a broken post")
    git(repo, "push", "-q")
    publish(repo, site_of(repo, tmp_path), shared(repo), "Publish the broken one")


def test_undo_puts_the_previous_site_back(team, tmp_path):
    """A bad publish is undone by a new publish of the site before it; the bad one stays in the history."""
    remote, ana, _ = team
    publish_good_then_broken(ana, tmp_path)
    assert "broken.html" in live(remote)
    assert undo(ana, shared(ana)).startswith("Publish the broken one")
    assert live(remote) == [".nojekyll", "knee.html"]
    assert len(git(remote, "log", "--format=%h", "gh-pages").split()) == 3


def test_undo_twice_does_not_put_the_bad_site_back(team, tmp_path):
    """An undone publish is not undone again (which would publish the bad site once more)."""
    remote, ana, _ = team
    publish_good_then_broken(ana, tmp_path)
    undo(ana, shared(ana))
    with pytest.raises(Refused) as refused:
        undo(ana, shared(ana))
    assert refused.value.lines[0].startswith("make undo-deploy: the last publish is already undone")
    assert live(remote) == [".nojekyll", "knee.html"]


def test_the_addresses_record_and_the_editor_count_as_the_site(team):
    """addresses.yml and admin/ shape what is published: changed and not shared, they are refused too."""
    _, ana, _ = team
    (ana / "addresses.yml").write_text("{}\n")
    assert refusals(ana, shared(ana)) == [
        'addresses.yml: new, not shared yet; to publish it: git add addresses.yml && git commit -m "Add addresses" && git push'
    ]


def test_without_a_remote_it_says_how_to_get_one(tmp_path):
    """A folder that was never shared cannot publish: the line says what to ask for."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path)], check=True)
    with pytest.raises(Refused) as refused:
        shared(tmp_path)
    assert refused.value.lines == [
        "make deploy: the branch main is not shared through a git remote; ask whoever runs the site for its address, "
        "then: git remote add origin <address> && git push -u origin main"
    ]
    with pytest.raises(Refused) as refused:
        shared(Path("/"))
    assert "not a git repository" in refused.value.lines[0]
