"""Publishing the built site to the git remote's published branch, safely and with its history."""

from __future__ import annotations

import contextlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

import ghp_import

PUBLISHED_BRANCH = "gh-pages"
UNDO = "Undo the last publish"  # how an undo's commit on the published branch begins
# What makes the site: a change here that is not shared would publish a site no one else can make again.
SOURCES = ("docs", "mkdocs.yml", "overrides", "hooks", "addresses.yml", "admin")


class Refused(Exception):
    """Publishing would lose or hide work: each line says what and how to fix it."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class Shared:
    """Where the project is shared: the remote, and the branch of the project's sources on it."""

    remote: str
    branch: str
    url: str


def git(repo: Path, *args: str, check: bool = True) -> str:
    """Run git in `repo`; its output without the last newline."""
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    if check and done.returncode:
        raise Refused([f"git {' '.join(args)} failed: {(done.stderr or done.stdout).strip()}"])
    return done.stdout.rstrip("\n")


def shared(repo: Path) -> Shared:
    """The remote this branch is shared through; refused when there is none."""
    if git(repo, "rev-parse", "--is-inside-work-tree", check=False) != "true":
        raise Refused(["make deploy: this folder is not a git repository; publishing needs the project's shared copy (git clone it)"])
    branch = git(repo, "symbolic-ref", "--short", "-q", "HEAD", check=False)
    if not branch:
        raise Refused(["make deploy: no branch is checked out; run: git switch main"])
    remote = git(repo, "config", f"branch.{branch}.remote", check=False) or ("origin" if _has_remote(repo, "origin") else "")
    if not remote:
        raise Refused([
            f"make deploy: the branch {branch} is not shared through a git remote; ask whoever runs the site for its address, "
            f"then: git remote add origin <address> && git push -u origin {branch}"
        ])
    return Shared(remote, branch, git(repo, "remote", "get-url", remote, check=False))


def refusals(repo: Path, where: Shared) -> list[str]:
    """Why publishing now would publish something other than what is shared: one line each, with the fix."""
    git(repo, "fetch", "--quiet", where.remote)
    lines = []
    status = git(repo, "status", "--porcelain", "--untracked-files=all", "--", *SOURCES)
    for line in status.splitlines():
        state, path = line[:2], line[3:]
        if state == "??":
            lines.append(f"{path}: new, not shared yet; to publish it: git add {path} && git commit -m \"Add {Path(path).stem}\" && git push")
        else:
            lines.append(f"{path}: changed, not shared yet; to publish the change: git commit -am \"Update {Path(path).stem}\" && git push"
                         f" (or to drop it: git restore {path})")
    upstream = f"{where.remote}/{where.branch}"
    if not git(repo, "rev-parse", "--verify", "-q", upstream, check=False):
        lines.append(f"{where.branch}: not on {where.remote} yet; share it first: git push -u {where.remote} {where.branch}")
        return lines
    ahead, behind = (int(n) for n in git(repo, "rev-list", "--left-right", "--count", f"HEAD...{upstream}").split())
    if behind:
        lines.append(f"{where.branch}: {_commits(behind)} on {where.remote} that this folder does not have (a colleague's posts, perhaps);"
                     f" get them first: git pull")
    if ahead:
        lines.append(f"{where.branch}: {_commits(ahead)} here that {where.remote} does not have; share them first: git push")
    return lines


def publish(repo: Path, site: Path, where: Shared, message: str) -> str:
    """Add `site` as a new commit on top of the live published branch and push it, never by force.

    Returns the published commit. A colleague publishing at the same moment
    makes the push fail rather than replace their site.
    """
    live = _fetch_live(repo, where)
    try:
        with contextlib.chdir(repo):  # ghp-import runs git where the process is
            ghp_import.ghp_import(str(site.resolve()), mesg=message, remote=where.remote, branch=PUBLISHED_BRANCH, push=True, nojekyll=True)
    except (ghp_import.GhpError, subprocess.CalledProcessError) as error:
        raise Refused([f"make deploy: {where.remote} did not take the new site ({error}); someone may have published at the same moment: run make deploy again"]) from None
    return git(repo, "rev-parse", "--short", PUBLISHED_BRANCH)


def commit_and_push(repo: Path, where: Shared, path: str, message: str) -> None:
    """Commit one file the publish wrote (the record of addresses) and share it on the project's branch."""
    git(repo, "add", "--", path)
    git(repo, "commit", "--quiet", "-m", message, "--", path)
    done = subprocess.run(["git", "push", "--quiet", where.remote, f"HEAD:refs/heads/{where.branch}"], cwd=repo, capture_output=True, text=True, check=False)
    if done.returncode:
        raise Refused([f"{path}: committed but not pushed ({done.stderr.strip()}); share it: git pull && git push"])


def undo(repo: Path, where: Shared) -> str:
    """Publish again the site as it was before the last publish, as a new commit (the undone one stays in the history)."""
    live = _fetch_live(repo, where)
    if not git(repo, "rev-parse", "--verify", "-q", f"{live}~1", check=False):
        raise Refused([f"make undo-deploy: {where.remote} has no earlier publish to go back to"])
    undone = git(repo, "log", "-1", "--format=%s (%cr)", live)
    if undone.startswith(UNDO):
        raise Refused([f"make undo-deploy: the last publish is already undone ({undone}); publish again with make deploy"])
    commit = git(repo, "commit-tree", f"{live}~1^{{tree}}", "-p", live, "-m", f"{UNDO}: {undone}")
    git(repo, "push", "--quiet", where.remote, f"{commit}:refs/heads/{PUBLISHED_BRANCH}")
    git(repo, "update-ref", f"refs/heads/{PUBLISHED_BRANCH}", commit)
    return undone


def _fetch_live(repo: Path, where: Shared) -> str:
    """Bring the remote's published branch up to date here; its name as a ref (nothing there yet is fine)."""
    git(repo, "fetch", "--quiet", where.remote, f"+refs/heads/{PUBLISHED_BRANCH}:refs/remotes/{where.remote}/{PUBLISHED_BRANCH}", check=False)
    return f"{where.remote}/{PUBLISHED_BRANCH}"


def _has_remote(repo: Path, name: str) -> bool:
    return name in git(repo, "remote", check=False).split()


def _commits(count: int) -> str:
    return f"{count} commit{'' if count == 1 else 's'}"
