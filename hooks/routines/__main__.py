"""Author tools: `python -m routines new|check|schema|write|unpublished|address|deploy|record|undo-deploy` (run by make)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import yaml

from .contract.checks import Checked, addresses, check_pages, left_out, markdown_pages
from .contract.files import docs_files, sort_files
from .contract.cms import cms_config, github_repo, render
from .contract.fields import TITLE_LENGTH, post_schema
from .contract.project import Project, load_project
from .discovery.catalog import slug as slugify
from .discovery.pages import MADE_BY_SITE, added_paths
from .model.units import plural
from .publishing.address import address_problems
from .publishing.addresses import ADDRESSES_FILE, BadRecord, learnt, read_record, recorded, redirects, write_record
from .publishing.deploy import Refused, Shared, commit_and_push, publish, refusals, shared, undo
from .publishing.live import Unreadable, branch_name, live_branch, live_posts

SCHEMA_FILE = "post.schema.json"
CMS_CONFIG = "admin/config.yml"


def skeleton(title: str, slug: str, today: dt.date, project: Project) -> str:
    """A new post that passes validation as written, with one step of each common kind."""
    categories = project.site.categories or ("Full body",)
    category = "Full body" if "Full body" in categories else categories[0]
    series = f"series: {project.site.series[0]}            # optional; known: {', '.join(project.site.series)}\n" if project.site.series else ""
    return f"""---
title: {json.dumps(title, ensure_ascii=False)}
slug: {slug if yaml.safe_load(f"x: {slug}")["x"] == slug else json.dumps(slug)}
date: {today.isoformat()}
categories: [{category}]         # body regions, one or more of: {", ".join(categories)}
{series}description: One line for search results and link previews.
draft: true                  # shown by `make serve`, left out of the site until you delete this line
# video: https://www.youtube.com/watch?v=...   # optional: a YouTube or Vimeo link, or a .mp4/.webm file
routine:
  title: The routine         # optional heading
  equipment: [tennis ball]   # optional: shown with every step's equipment
  steps:
    # Massage: how long the whole step takes.
    - title: Massage the area
      kind: massage
      duration: 1 min        # 90, 45s, 30 sec, 2 min, 2m30s or 1:30
      cues:
        - Short lines the reader can glance at
        - One idea per line
    # Breath: counts in and out (holds optional) and how many rounds.
    - title: Breathe and let go
      kind: breath
      breath:
        inhale: 4
        exhale: 6
        rounds: 5
        inhale_cue: Fill up slowly
        exhale_cue: Let the shoulders drop
    # Mobility: reps, and what they are counted per.
    - title: Move through the range
      kind: mobility
      reps: 5
      each: direction
    # Stretch: a hold.
    - title: Hold the stretch
      kind: stretch
      hold: 30s
      each: side
    # Strength: sets, reps and rest.
    - title: Strengthen
      kind: strength
      sets: 2
      reps: 8
      rest: 30s
      text: |
        Longer instructions, in Markdown, when cues are not enough.
---

A paragraph or two on who this helps and why. This part shows on list pages.

<!-- more -->

The rest of the story.

<!-- routine -->

Closing words.
"""


def new(project: Project, title: str, today: dt.date) -> int:
    """Write a new post skeleton; never overwrite one."""
    title = " ".join(title.split())
    slug = slugify(title) or re.sub(r"[\W_]+", "-", title.casefold()).strip("-")[:80]  # a title in another script keeps its letters
    if not title or not slug:
        print('make post: give a title, like: make post TITLE="Sore Shoulders? Try This Doorway Stretch"', file=sys.stderr)
        return 2
    if len(title) > TITLE_LENGTH:
        print(f"make post: the title is {len(title)} characters; a title has at most {TITLE_LENGTH}, so shorten it", file=sys.stderr)
        return 2
    path = project.docs_dir / project.post_dirs[0] / f"{slug}.md"
    if path.exists():
        print(f"{project.shown(path)}: already exists; edit it, or choose another title", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(title, slug, today, project), encoding="utf-8")
    print(f"{project.shown(path)}: created; fill it in, then `make check` and `make serve`")
    return 0


def check(project: Project) -> int:
    """Validate every page without building the site."""
    start = time.perf_counter()
    files = sort_files(docs_files(project.docs_dir, project.root, project.exclude_docs), MADE_BY_SITE)
    pages = files.pages
    checked = check_pages(pages, project.post_dirs, project.site)
    problems = files.problems + checked.problems
    for problem in problems:
        print(problem)
    try:
        published = read_record(project.root / ADDRESSES_FILE)
    except BadRecord as bad:
        print(bad)
        return 1
    posts, taken = addresses(checked, project.site)
    shown_as = {rel: shown for rel, _, shown in pages}
    for old, src in redirects(published, posts, taken).items():
        print(f"{shown_as.get(src, src)}: its published address /{old} will redirect to /{posts[src]}")
    took = time.perf_counter() - start
    summary = plural(len(problems), "problem") if problems else "no problems"
    print(f"checked {len(pages)} pages in {took:.2f} s: {summary}", file=sys.stderr)
    return 1 if problems else 0


def unpublished(project: Project) -> int:
    """Print the posts a build leaves out, and why: a draft, a date to come."""
    pages = markdown_pages(project.docs_dir, project.root, project.exclude_docs)
    lines = left_out(check_pages(pages, project.post_dirs, project.site), {rel: shown for rel, _, shown in pages}, project.site)
    for line in lines:
        print(line)
    return 0


def addresses_of(project: Project) -> list[str]:
    """The practice's addresses in mkdocs.yml that cannot go on the public web, one line each with the fix."""
    return address_problems({"site_url": project.site_url, "extra.booking.url": project.booking_url}, project.shown(project.config_file))


def address(project: Project, publishing: bool) -> int:
    """Say what a placeholder address would do to a published site; refuse it when the build is to be published.

    A build to look at (the tests, a preview) may keep the example address;
    only a build for the public web must not.
    """
    lines = addresses_of(project)
    for line in lines:
        print(line if publishing else f"{line} (this build is fine to look at, not to publish)", file=sys.stderr)
    return 1 if publishing and lines else 0


def deploy(project: Project, site: Path | None) -> int:
    """Refuse, with the fix, to publish what is not shared or not addressed; with `site`, publish it on top of what is live.

    Without `site` (before the build), the addresses live on the published
    branch that the record lacks join it, so the build redirects them.
    """
    try:
        where = shared(project.root)
        lines = addresses_of(project) + refusals(project.root, where)
        if lines:
            raise Refused(lines + [f"make deploy publishes only what is committed and pushed to {where.remote} ({where.url}), so no one's post goes missing"])
        if site is None:
            return record(project, where, live=True, current=False)
        commit = publish(project.root, site, where, f"Publish the site from {where.branch} {_head(project.root)}")
    except Refused as refused:
        for line in refused.lines:
            print(line, file=sys.stderr)
        return 1
    live_at = project.site_url or "the address set up for the site"
    print(f"published {commit} to the {where.remote} branch gh-pages ({where.url}); the site shows it at {live_at} within a few minutes")
    print("to put the previous site back: make undo-deploy")
    return record(project, where, live=False, current=True)


def record(project: Project, where: Shared | None = None, live: bool = True, current: bool = True) -> int:
    """Add the published addresses to the record, and commit and push it.

    So no author writes a redirect by hand: once published, an address keeps
    leading to its post whatever its slug, date or title become. `live`:
    the post pages on the published branch whose address the record lacks
    (a site published before the record existed); `current`: every post's
    address as this folder builds it, just published. Run on its own
    (`where` None), it first refuses what `make deploy` refuses: it pushes
    the branch, so it must hold only what is shared.
    """
    path = project.root / ADDRESSES_FILE
    pages = markdown_pages(project.docs_dir, project.root, project.exclude_docs)
    try:
        if where is None:
            where = shared(project.root)
            if lines := refusals(project.root, where):
                raise Refused(lines)
        checked = check_pages(pages, project.post_dirs, project.site)
        posts, taken = addresses(checked, project.site)
        published = before = read_record(path)
        if live:
            published = _with_live(project, where.remote, published, checked, posts, taken)
        if current:
            published = recorded(published, posts)
        if published == before or not write_record(path, published):
            return 0
        message = "the addresses just published" if current else "the addresses published before they were recorded"
        commit_and_push(project.root, where, ADDRESSES_FILE, f"Record {message}, so they keep working")
    except (BadRecord, Refused) as failed:
        print(str(failed), file=sys.stderr)
        return 1
    recorded_what = "the published addresses are" if current else "addresses published before it kept them are"
    print(f"{ADDRESSES_FILE}: {recorded_what} recorded and pushed to {where.remote}")
    return 0


def _with_live(project: Project, remote: str, published: dict[str, list[str]], checked: Checked,
               posts: dict[str, str], taken: set[str]) -> dict[str, list[str]]:
    """The record with the address of each post page live on the published branch that it lacks, under the post it was.

    A branch that cannot be read is one line, and the record as it was.
    """
    known = taken | {url for urls in published.values() for url in urls}
    try:
        ref = live_branch(project.root, remote)
        pages = live_posts(project.root, ref, known.__contains__) if ref else []
    except Unreadable as unreadable:
        print(f"{unreadable}; the addresses published there that {ADDRESSES_FILE} lacks are not added,"
              " so they will not redirect", file=sys.stderr)
        return published
    titles = {src: (" ".join(post.title.split()), post.date.isoformat()[:10] if post.date else "")
              for src, (_, post) in checked.posts.items() if src in posts}
    published, unmatched = learnt(published, pages, titles)
    if unmatched:
        match = "matches" if len(unmatched) == 1 else "match"
        print(f"{branch_name(ref)}: {plural(len(unmatched), 'published post page')} {match} no post here by file, title or date,"
              f" so no redirect is made from: {', '.join(f'/{address}' for address in unmatched)}", file=sys.stderr)
    return published


def undo_deploy(project: Project) -> int:
    """Publish again the site as it was before the last publish."""
    try:
        undone = undo(project.root, shared(project.root))
    except Refused as refused:
        print("\n".join(refused.lines), file=sys.stderr)
        return 1
    print(f"the previous site is live again; undone: {undone}")
    return 0


def _head(root: Path) -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=False).stdout.strip()


def schema(project: Project) -> int:
    """Write the JSON Schema of a post's front matter, and the editor's form, both from the contract."""
    out = project.root / SCHEMA_FILE
    out.write_text(json.dumps(post_schema(project.site), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{project.shown(out)}: written")
    out = project.root / CMS_CONFIG
    out.write_text(render(editor_config(project)), encoding="utf-8")
    print(f"{project.shown(out)}: written")
    return 0


def editor_config(project: Project) -> dict:
    """The editor's form: the contract's fields, a new post as `make post` starts it."""
    return cms_config(project.site, skeleton("", "", dt.date(2000, 1, 1), project), github_repo(project.repo_url), project.editor_auth)


def write(project: Project, config_file: Path, ports: argparse.Namespace) -> int:
    """The authors' desk: the site under `make serve`, the CMS's local server, and the editor with its preview.

    Runs until stopped (Ctrl-C, or a SIGTERM), then stops all three.
    """
    from .desk.server import Desk, start  # noqa: PLC0415 - MkDocs and the theme load only for this command
    from .engine.desk import theme  # noqa: PLC0415

    host = "127.0.0.1"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    engine = os.environ.get("ENGINE", "mkdocs")
    serve = [
        sys.executable, "-m", engine, "serve", "--livereload", "--dirty",  # as `make serve`
        "--dev-addr", f"{host}:{ports.site_port}", "--config-file", str(config_file),
    ]
    decap = [str(project.root / "node_modules" / ".bin" / "decap-server")]
    children = [
        subprocess.Popen(serve, cwd=project.root, env=env),
        subprocess.Popen(decap, cwd=project.root, env={
            **env, "PORT": str(ports.decap_port), "BIND_HOST": host, "GIT_REPO_DIRECTORY": str(project.root),
        }),
    ]
    # Set here, not inherited: a shell that starts a command in the background has it ignore Ctrl-C.
    for stopping in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stopping, _stop)
    server = None
    try:
        site_url = f"http://{host}:{ports.site_port}/"
        desk = Desk(project, theme(config_file), site_url, f"http://{host}:{ports.decap_port}/api/v1")
        server = start(desk, ports.port)
        for port in (ports.decap_port, ports.site_port):
            _wait_for_port(host, port, children)
        print(f"The editor: http://{host}:{ports.port}/admin/  (the site: {site_url}; Ctrl-C stops it all)", flush=True)
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        if server is not None:
            server.shutdown()
        for child in children:
            child.terminate()
        for child in children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()


def _stop(signum, frame) -> None:
    """Ctrl-C (SIGINT) or a SIGTERM stops the desk."""
    raise KeyboardInterrupt


def _wait_for_port(host: str, port: int, children: list[subprocess.Popen], seconds: float = 300) -> None:
    """Until something listens on the port; a child that stops meanwhile stops the wait."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and all(child.poll() is None for child in children):
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"make write: nothing answers on {host}:{port}; see the lines above")


def publish_editor(project: Project, site_dir: Path) -> int:
    """Put the editor in a built site as `admin/`, saving to the repository mkdocs.yml's `repo_url` names.

    Beside the pages, not one of them: MkDocs, the sitemap, the feeds and
    search never see it (search is indexed before), and the service worker
    leaves /admin/ alone.
    """
    from .desk.server import published  # noqa: PLC0415 - only for this command

    if not github_repo(project.repo_url):
        return 0  # no GitHub repository named: the site has no editor of its own (README, "The authors' desk")
    for address, path in published(project.root):
        target = site_dir / "admin" / address
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    (site_dir / CMS_CONFIG).write_text(render(editor_config(project)), encoding="utf-8")  # for this mkdocs.yml, as make schema writes it
    print(f"{site_dir.name}/admin/: the editor, saving to {github_repo(project.repo_url)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m routines", description=__doc__)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("new", help="create a post skeleton").add_argument("title")
    commands.add_parser("check", help="validate every post without building")
    commands.add_parser("schema", help=f"write {SCHEMA_FILE} and {CMS_CONFIG}")
    commands.add_parser("publish-editor", help="put the editor in a built site, as admin/").add_argument("site_dir", type=Path)
    desk = commands.add_parser("write", help="the editor in the browser, with the site and the CMS's local server")
    desk.add_argument("--port", type=int, default=8001, help="the editor's port")
    desk.add_argument("--site-port", type=int, default=8000, help="the site's port, as under make serve")
    desk.add_argument("--decap-port", type=int, default=8081, help="the CMS's local server's port")
    commands.add_parser("unpublished", help="list the posts a build leaves out, and why")
    addressing = commands.add_parser("address", help="name a placeholder site_url (or booking address); with --publish, refuse it")
    addressing.add_argument("--publish", action="store_true", help="the build is for the public web: a placeholder fails")
    publishing = commands.add_parser("deploy", help="refuse to publish what is not shared; with a site folder, publish it")
    publishing.add_argument("site", nargs="?", type=Path, help="the built site to publish; without it, only check")
    commands.add_parser("record", help=f"after a publish: add every post's address to {ADDRESSES_FILE}, commit and push it")
    commands.add_parser("undo-deploy", help="publish again the site as it was before the last publish")
    args = parser.parse_args(argv)
    project = load_project(args.config.resolve())
    site = project.site  # links may point at the pages discovery adds, as in a build
    site = dataclasses.replace(site, made=functools.partial(added_paths, site.series, per_page=site.blog.per_page))
    project = dataclasses.replace(project, site=site)
    commands_run = {
        "new": lambda: new(project, args.title, dt.date.today()),
        "check": lambda: check(project),
        "schema": lambda: schema(project),
        "unpublished": lambda: unpublished(project),
        "address": lambda: address(project, args.publish),
        "deploy": lambda: deploy(project, args.site),
        "record": lambda: record(project),
        "undo-deploy": lambda: undo_deploy(project),
        "publish-editor": lambda: publish_editor(project, args.site_dir),
        "write": lambda: write(project, args.config.resolve(), args),
    }
    return commands_run[args.command]()


if __name__ == "__main__":
    sys.exit(main())
