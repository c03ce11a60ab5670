"""Author tools: `python -m routines new|check|schema` (run by `make post`, `make check`, `make schema`)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
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
    return cms_config(project.site, skeleton("", "", dt.date(2000, 1, 1), project), github_repo(project.repo_url))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m routines", description=__doc__)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("new", help="create a post skeleton").add_argument("title")
    commands.add_parser("check", help="validate every post without building")
    commands.add_parser("schema", help=f"write {SCHEMA_FILE} and {CMS_CONFIG}")
    args = parser.parse_args(argv)
    project = load_project(args.config.resolve())
    if args.command == "new":
        return new(project, args.title, dt.date.today())
    if args.command == "check":
        return check(project)
    return schema(project)


if __name__ == "__main__":
    sys.exit(main())
