"""Generate a site of N routine posts with videos, for benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

from tests.sites import make_site

REGIONS = ["Knee", "Neck", "Shoulder", "Back", "Hip", "Ankle and foot", "Full body"]
EQUIPMENT = ["foam roller", "tennis ball", "exercise mat", "resistance band", "towel"]
# Posts get varied text: one body repeated N times gzips to almost nothing and
# would understate what an index of N posts weighs.
WORDS = (
    "knee quad hamstring calf shin ankle heel arch hip glute piriformis psoas back spine rib neck trap "
    "shoulder scapula elbow wrist forearm thumb jaw tendon fascia muscle tissue joint kneecap patella "
    "roller ball band towel mat wall floor chair step doorway couch pillow strap block "
    "slowly gently firmly softly steadily lightly deeply evenly briefly patiently carefully "
    "press roll glide hold breathe relax contract release lengthen soften settle lean pause rest "
    "bend straighten rotate circle lift lower reach twist sway rock tilt nod squeeze spread "
    "pain tension stiffness tightness soreness ache warmth pressure range comfort balance strength "
    "before after during training running cycling lifting climbing walking sitting standing sleeping "
    "morning evening session minute second round set rep side direction position angle weight "
    "the a your each every this that one two three few some more less easy hard tender sore tight "
    "stay keep let feel find move notice stop start return repeat switch change follow use place"
).split()


def prose(rng: random.Random, sentences: int) -> str:
    """A paragraph of random sentences from the field's words."""
    said = []
    for _ in range(sentences):
        words = rng.choices(WORDS, k=rng.randint(6, 16))
        said.append(" ".join(words).capitalize() + ".")
    return " ".join(said)


def post(number: int, plain: bool) -> str:
    """One post; `plain` drops routine, video and series (a plain Material blog post)."""
    rng = random.Random(number)  # the same title, date and prose for either kind
    body = f"{prose(rng, 3)}\n\n<!-- more -->\n\n{prose(rng, 4)}\n\n{prose(rng, 4)}\n"
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
                {"title": f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} massage", "kind": "massage",
                 "duration": "2m", "video_at": 30, "cues": [prose(rng, 1), prose(rng, 1)]},
                {"title": "Breathe", "kind": "breath", "video_at": 150,
                 "breath": {"inhale": 4, "exhale": 8, "rounds": 6, "inhale_cue": "Contract", "exhale_cue": "Relax"}},
                {"title": "Move", "kind": "mobility", "reps": 5, "each": "side", "video_at": 240, "text": f"Move **slowly**. {prose(rng, 2)}"},
            ],
        }
    return f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n{body}"


def generate(root: Path, count: int, plain: bool = False) -> Path:
    """A site at root with `count` generated posts (the same posts for either kind)."""
    docs = {f"blog/posts/routine-{n:04d}.md": post(n, plain) for n in range(count)}
    make_site(root, docs)
    if plain:
        (root / "mkdocs.yml").write_text(plain_config((root / "mkdocs.yml").read_text()))
    return root


def plain_config(text: str) -> str:
    """This site's mkdocs.yml without hooks, overrides or their assets: Material and its plugins.

    With what a plain Material blog has and this site replaced: Material's
    search plugin and instant navigation.
    """
    out, dropping = [], ""
    for line in text.splitlines():
        if dropping == "top" and line and not line.startswith((" ", "#")):
            dropping = ""
        if dropping in ("plugin", "option") and (line.startswith("  - ") or (line and not line.startswith(" ")) or (dropping == "option" and not line.startswith("    "))):
            dropping = ""
        if line.split(":")[0] in ("hooks", "watch", "extra_css", "extra_javascript"):
            dropping = "top"
        elif line.startswith("  - minify:"):
            dropping = "plugin"
        elif line.startswith("  static_templates:"):
            dropping = "option"
        if not dropping and "custom_dir:" not in line:
            out.append(line)
        if line == "plugins:":
            out.append("  - search")
        if line == "  features:":
            out.append("    - navigation.instant")
    return "\n".join(out) + "\n"


def post_file(root: Path, number: int) -> Path:
    """The file of generated post `number` in the site at `root`."""
    return root / "docs" / "blog" / "posts" / f"routine-{number:04d}.md"


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file with `new`, as an author's save does."""
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))
