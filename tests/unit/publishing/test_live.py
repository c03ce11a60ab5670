"""Reading the published branch back: which post each live page was, from its own git branch, or one line saying why not."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from routines.publishing.addresses import learnt
from routines.publishing.live import LivePost, Unreadable, live_branch, live_posts, post_page


def git(repo: Path, *args: str, input: str | None = None) -> str:
    return subprocess.run(["git", *args], cwd=repo, input=input, capture_output=True, text=True, check=True).stdout.strip()


def page(title: str, date: str = "2024-01-17", file: str = "") -> str:
    """A post page as a build writes it (with the file it names), or as builds wrote it before (without)."""
    named = f'<meta name="post-file" content="{file}">' if file else ""
    return (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{title}">'
            f'<meta property="og:type" content="article"><meta property="article:published_time" content="{date}">'
            f'{named}</head><body><h1>{title}</h1></body></html>')


LIST_PAGE = '<html><head><meta property="og:title" content="Blog"><meta property="og:type" content="website"></head></html>'
REDIRECT = '<html><head><meta http-equiv="refresh" content="0; url=../knee-reset/"></head></html>'


def publish(repo: Path, pages: dict[str, str]) -> None:
    """Commit `pages` (address -> HTML) as the whole tree of the published branch, as ghp-import does."""
    index = {**os.environ, "GIT_INDEX_FILE": str(repo.parent / f"{repo.name}-pages-index")}
    for address, html in pages.items():
        blob = git(repo, "hash-object", "-w", "--stdin", input=html)
        subprocess.run(["git", "update-index", "--add", "--cacheinfo", f"100644,{blob},{address}index.html"], cwd=repo, env=index, check=True)
    tree = subprocess.run(["git", "write-tree"], cwd=repo, env=index, capture_output=True, text=True, check=True).stdout.strip()
    Path(index["GIT_INDEX_FILE"]).unlink()
    git(repo, "update-ref", "refs/heads/gh-pages", git(repo, "commit-tree", tree, "-m", "Publish the site"))


@pytest.fixture
def repo(tmp_path):
    """A project never published: one commit on main, no published branch."""
    repo = tmp_path / "laptop"
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    git(repo, "config", "user.email", "ana@example.org")
    git(repo, "config", "user.name", "Ana")
    (repo / "mkdocs.yml").write_text("site_name: x\n")
    git(repo, "add", "mkdocs.yml")
    git(repo, "commit", "-q", "-m", "The site")
    return repo


def test_a_post_page_is_known_by_the_file_it_names_or_by_its_title_and_date():
    """Pages built now name their file; older ones give their title and date; list and redirect pages are no post's."""
    assert post_page("blog/2024/01/17/knee/", page("Knee  Pain?", file="blog/posts/knee.md")) == LivePost(
        "blog/2024/01/17/knee/", file="blog/posts/knee.md", title="Knee Pain?", date="2024-01-17")
    assert post_page("blog/2024/01/17/knee/", page("Knee &amp; Hip", date="2024-01-17T08:00:00+00:00")) == LivePost(
        "blog/2024/01/17/knee/", title="Knee & Hip", date="2024-01-17")
    assert post_page("blog/", LIST_PAGE) is None
    assert post_page("blog/2024/01/17/knee/", REDIRECT) is None


def test_a_site_never_published_has_no_branch_to_read(repo, tmp_path):
    """No published branch, here or on the remote: nothing to learn, and no line."""
    assert live_branch(repo, None) is None
    remote = tmp_path / "shared.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    git(repo, "remote", "add", "origin", str(remote))
    git(repo, "push", "-q", "origin", "main")
    assert live_branch(repo, "origin") is None


def test_the_remote_branch_is_fetched_and_preferred_to_a_local_one(repo, tmp_path):
    """A local gh-pages alone is read; once the remote has one, the remote's is fetched and read instead."""
    publish(repo, {"blog/2024/01/17/knee/": page("Knee", file="blog/posts/knee.md")})
    assert live_branch(repo, None) == "refs/heads/gh-pages"
    remote = tmp_path / "shared.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(remote)], check=True, capture_output=True)
    publish(remote, {"blog/2024/01/17/knee-reset/": page("Knee", file="blog/posts/knee.md")})
    git(repo, "remote", "add", "origin", str(remote))
    ref = live_branch(repo, "origin")
    assert ref == "refs/remotes/origin/gh-pages"
    assert [post.address for post in live_posts(repo, ref, lambda address: False)] == ["blog/2024/01/17/knee-reset/"]


def test_only_post_pages_the_record_lacks_are_read(repo):
    """Known addresses are skipped; list pages and redirect pages are no post's."""
    publish(repo, {
        "blog/": LIST_PAGE,
        "blog/2024/01/17/knee/": REDIRECT,
        "blog/2024/01/17/knee-reset/": page("Knee", file="blog/posts/knee.md"),
        "blog/2024/02/01/neck/": page("Neck", date="2024-02-01"),
    })
    posts = live_posts(repo, "refs/heads/gh-pages", {"blog/2024/02/01/neck/"}.__contains__)
    assert posts == [LivePost("blog/2024/01/17/knee-reset/", file="blog/posts/knee.md", title="Knee", date="2024-01-17")]


@pytest.mark.parametrize("damage", ["a blob", "a missing commit"])
def test_a_branch_that_cannot_be_read_is_one_line(repo, damage):
    """A published branch naming something other than a site is one line naming the branch and git's reason."""
    target = git(repo, "rev-parse", "HEAD:mkdocs.yml") if damage == "a blob" else "1234567890" * 4
    (repo / ".git" / "refs" / "heads" / "gh-pages").write_text(target + "\n")
    with pytest.raises(Unreadable) as unreadable:
        live_posts(repo, live_branch(repo, None), lambda address: False)
    assert str(unreadable.value).startswith("gh-pages: cannot be read (fatal: ")
    assert "\n" not in str(unreadable.value)


POSTS = {
    "blog/posts/knee.md": ("Knee Pain? Try This", "2024-01-17"),
    "blog/posts/neck.md": ("Cranky Neck", "2024-02-01"),
    "blog/posts/hip.md": ("Hip Opener", "2024-03-01"),
    "blog/posts/hip-2.md": ("Hip Opener", "2024-04-01"),
}


def test_a_live_page_joins_the_record_under_its_post():
    """By the file it names; else by title and date; else by a title only one post has; else it is named as unmatched."""
    live = [
        LivePost("blog/2024/01/17/knee-pain/", file="blog/posts/knee.md", title="Another title"),
        LivePost("blog/2024/02/02/cranky-neck/", file="blog/posts/neck-old-name.md", title="Cranky Neck", date="2024-02-02"),
        LivePost("blog/2024/03/01/hips/", title="Hip Opener", date="2024-03-01"),
        LivePost("blog/2024/05/01/hips/", title="Hip Opener", date="2024-05-01"),
        LivePost("blog/2023/01/01/gone/", title="Gone", date="2023-01-01"),
    ]
    record = {"blog/posts/knee.md": ["blog/2024/01/17/knee/"]}
    merged, unmatched = learnt(record, live, POSTS)
    assert merged == {
        "blog/posts/hip.md": ["blog/2024/03/01/hips/"],
        "blog/posts/knee.md": ["blog/2024/01/17/knee/", "blog/2024/01/17/knee-pain/"],
        "blog/posts/neck.md": ["blog/2024/02/02/cranky-neck/"],
    }
    assert unmatched == ["blog/2024/05/01/hips/", "blog/2023/01/01/gone/"]
    assert record == {"blog/posts/knee.md": ["blog/2024/01/17/knee/"]}
