"""What link-preview cards add to a build: drawn on a cold cache, found on a warm one."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from routines.rendering.cards import Card, CardDrawing, card_png
from tests.bench.generate import EQUIPMENT, REGIONS

SIZES = [int(n) for n in os.environ.get("BENCH_POSTS", "200 1000").split()]


def cards(count: int) -> list[Card]:
    """Cards with varied text, as generated posts would have."""
    rng = random.Random(count)
    return [
        Card(
            title=f"Routine {n}: {rng.choice(REGIONS)} reset with a {rng.choice(EQUIPMENT)}",
            summary=f"3 steps · about {rng.randint(3, 12)}\u00a0min · {', '.join(rng.sample(EQUIPMENT, 2))}",
            region=rng.choice(REGIONS),
            site="DIY Workout Recovery",
        )
        for n in range(count)
    ]


def timed(work) -> list[float]:
    """Seconds each call took."""
    out = []
    for call in work:
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    for count in SIZES:
        todo = cards(count)
        with tempfile.TemporaryDirectory() as tmp:
            cache = Path(tmp)
            cold = timed(lambda c=c: card_png(c, cache) for c in todo)
            warm = timed(lambda c=c: card_png(c, cache) for c in todo)
        with tempfile.TemporaryDirectory() as tmp:
            parallel = drawn_together(todo, Path(tmp))
        print(
            f"link-preview cards at {count} posts: cold cache {sum(cold):.1f} s one after another, "
            f"{parallel:.1f} s as a build draws them ({os.cpu_count()} cores) ({sum(cold) / parallel:.1f}x; "
            f"median {statistics.median(cold) * 1000:.1f} ms a card), warm cache {sum(warm) * 1000:.0f} ms "
            f"(median {statistics.median(warm) * 1e6:.0f} µs a card)"
        )


def drawn_together(todo: list[Card], cache: Path) -> float:
    """Seconds to draw every card as a build does: all started at once, each placed beside its page."""
    start = time.perf_counter()
    drawing = CardDrawing(cache)
    drawing.start(todo)
    for n, card in enumerate(todo):
        drawing.place(card, cache / "site" / f"{n}.png")
    drawing.close()
    return time.perf_counter() - start
