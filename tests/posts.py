"""Post texts for tests: the contract's knee example, and ways to vary it."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

KNEE = {
    "title": "Knee Pain? Try This Self Massage + Stretch",
    "date": dt.date(2024, 1, 17),
    "categories": ["Knee"],
    "series": "diy-recovery",
    "description": "A three-step self massage, breathing and mobility routine for cranky knees.",
    "video": "https://www.youtube.com/watch?v=AbCdEfGhIjK",
    "routine": {
        "title": "Knee reset",
        "equipment": ["foam roller", "tennis ball"],
        "steps": [
            {
                "title": "Massage the knee",
                "kind": "massage",
                "duration": "2m",
                "video_at": "0:45",
                "cues": [
                    "Trace around the kneecap with your fingertips",
                    "Use cross-friction strokes with both thumbs",
                    "Circle the area with your fingertips",
                ],
            },
            {
                "title": "Contract and relax",
                "kind": "breath",
                "equipment": ["foam roller"],
                "video_at": "2:10",
                "breath": {
                    "inhale": 4,
                    "exhale": 8,
                    "rounds": 6,
                    "inhale_cue": "Contract the muscle on the roller",
                    "exhale_cue": "Relax and let it melt into the roller",
                },
                "text": "Side-lying with the roller high on the IT band.\n",
            },
            {
                "title": "Knee mobility",
                "kind": "mobility",
                "reps": 3,
                "each": "direction",
                "video_at": "4:30",
                "cues": ["Seated, support the leg with your hands"],
            },
        ],
    },
}

BODY = "Intro prose.\n\n<!-- more -->\n\nMore prose.\n\n<!-- routine -->\n\nClosing prose.\n"


def knee(**changes: object) -> dict:
    """The knee post's front matter with dotted-path changes applied.

    `knee(**{"routine.steps.2.breath.exhale": "eight"})` sets a value (steps
    counted from 1, as authors count them); the value `DROP` removes the key.
    """
    data = copy.deepcopy(KNEE)
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[int(part) - 1] if part.isdigit() else target[part]
        key = int(last) - 1 if last.isdigit() else last
        if value is DROP:
            del target[key]
        else:
            target[key] = value
    return data


DROP = object()


def post_text(front: dict | str, body: str = BODY) -> str:
    """A whole post file: front matter (a mapping or literal YAML) and body."""
    yaml_text = front if isinstance(front, str) else yaml.safe_dump(front, sort_keys=False, allow_unicode=True)
    return f"---\n{yaml_text}---\n\n{body}"


def authoring_example() -> str:
    """The contract's complete example post, verbatim, as an author would copy it."""
    return (FIXTURES / "authoring-example.md").read_text()
