"""Author tools: `python -m routines new|check|schema|write` (run by `make post`, `make check`, `make schema`, `make write`)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from .contract.checks import check_pages, markdown_pages
from .contract.cms import cms_config, github_repo, render
from .contract.fields import post_schema
from .contract.project import Project, load_project
from .discovery.catalog import slug as slugify
from .model.units import plural

SCHEMA_FILE = "post.schema.json"
CMS_CONFIG = "admin/config.yml"


def skeleton(title: str, slug: str, today: dt.date, project: Project) -> str:
    """A new post that passes validation as written, with one step of each common kind."""
    categories = project.site.categories or ("Full body",)
    category = "Full body" if "Full body" in categories else categories[0]
    series = f"series: {project.site.series[0]}            # optional; known: {', '.join(project.site.series)}\n" if project.site.series else ""
    return f"""---
title: {json.dumps(title, ensure_ascii=False)}
slug: {slug}
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
      duration: 1m           # 90, 45s, 2m, 2m30s or 1:30
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
    slug = slugify(title)
    if not title.strip() or not slug:
        print('make post: give a title, like: make post TITLE="Sore Shoulders? Try This Doorway Stretch"', file=sys.stderr)
        return 2
    path = project.docs_dir / project.post_dirs[0] / f"{slug}.md"
    if path.exists():
        print(f"{project.shown(path)}: already exists; edit it, or choose another title", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(title.strip(), slug, today, project), encoding="utf-8")
    print(f"{project.shown(path)}: created; fill it in, then `make check` and `make serve`")
    return 0


def check(project: Project) -> int:
    """Validate every page without building the site."""
    start = time.perf_counter()
    pages = markdown_pages(project.docs_dir, project.root, project.exclude_docs)
    problems = check_pages(pages, project.post_dirs, project.site).problems
    for problem in problems:
        print(problem)
    took = time.perf_counter() - start
    summary = plural(len(problems), "problem") if problems else "no problems"
    print(f"checked {len(pages)} pages in {took:.2f} s: {summary}", file=sys.stderr)
    return 1 if problems else 0


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
    signal.signal(signal.SIGTERM, _stop)
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
    """A SIGTERM stops the desk as Ctrl-C does."""
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
        print("make build: mkdocs.yml names no GitHub repo_url, so the editor is not published (see README, 'The authors' desk')")
        return 0
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
    args = parser.parse_args(argv)
    project = load_project(args.config.resolve())
    if args.command == "new":
        return new(project, args.title, dt.date.today())
    if args.command == "check":
        return check(project)
    if args.command == "publish-editor":
        return publish_editor(project, args.site_dir)
    if args.command == "write":
        return write(project, args.config.resolve(), args)
    return schema(project)


if __name__ == "__main__":
    sys.exit(main())
