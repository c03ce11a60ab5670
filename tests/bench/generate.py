"""Generate a site of N routine posts with videos, for benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

from tests.sites import make_site

REGIONS = ["Knee", "Neck", "Shoulder", "Back", "Hip", "Ankle and foot", "Full body"]
EQUIPMENT = ["foam roller", "tennis ball", "exercise mat", "resistance band", "towel"]
PROSE = (
    "Move slowly and breathe. Nothing here should increase your pain; stay in a range that feels easy "
    "and let the tissue soften before you ask more of it. "
) * 3


def post(number: int, rng: random.Random, plain: bool) -> str:
    """One post; `plain` drops routine, video and series (a plain Material blog post)."""
    date = dt.date(2020, 1, 1) + dt.timedelta(days=number)
    front = {
        "title": f"Routine {number}: {rng.choice(REGIONS)} reset",
        "date": date,
        "categories": [rng.choice(REGIONS)],
        "description": f"Routine number {number}.",
    }
    if not plain:
        front["series"] = "diy-recovery"
        front["video"] = f"https://www.youtube.com/watch?v={number:011d}"
        front["routine"] = {
            "equipment": rng.sample(EQUIPMENT, 2),
            "steps": [
                {"title": "Massage", "kind": "massage", "duration": "2m", "video_at": 30, "cues": ["Slowly", "Gently"]},
                {"title": "Breathe", "kind": "breath", "video_at": 150,
                 "breath": {"inhale": 4, "exhale": 8, "rounds": 6, "inhale_cue": "Contract", "exhale_cue": "Relax"}},
                {"title": "Move", "kind": "mobility", "reps": 5, "each": "side", "video_at": 240, "text": "Move **slowly**."},
            ],
        }
    body = f"{PROSE}\n\n<!-- more -->\n\n{PROSE}\n\n{PROSE}\n"
    return f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n{body}"


def generate(root: Path, count: int, plain: bool = False) -> Path:
    """A site at root with `count` generated posts (the same posts for either kind)."""
    rng = random.Random(count)
    docs = {f"blog/posts/routine-{n:04d}.md": post(n, rng, plain) for n in range(count)}
    make_site(root, docs)
    if plain:
        (root / "mkdocs.yml").write_text(plain_config((root / "mkdocs.yml").read_text()))
    return root


def plain_config(text: str) -> str:
    """This site's mkdocs.yml without hooks, overrides or their assets: Material and its plugins."""
    out, dropping = [], ""
    for line in text.splitlines():
        if dropping == "top" and line and not line.startswith((" ", "#")):
            dropping = ""
        if dropping == "plugin" and (line.startswith("  - ") or (line and not line.startswith(" "))):
            dropping = ""
        if line.split(":")[0] in ("hooks", "watch", "extra_css", "extra_javascript"):
            dropping = "top"
        elif line.startswith("  - minify:"):
            dropping = "plugin"
        if not dropping and "custom_dir:" not in line:
            out.append(line)
    return "\n".join(out) + "\n"
