"""This site against a plain Material blog of the same posts, at 200 and 1000 posts.

(a) the site as it is: hooks, overrides, routines, videos, series;
(b) the same posts with routine, video and series removed, built by the same
    mkdocs.yml without hooks, overrides or their assets.

Builds alternate a, b, a, b, ... so both see the same machine; figures are
medians. Each build reports its wall time and its own CPU time (user +
system): on a shared machine the CPU time is the steadier of the two. A
separate profiled build of (a) gives the share of time spent in this
project's hooks.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench.generate import generate
from tests.sites import ROOT

RUNS = 5
SIZES = tuple(int(n) for n in os.environ.get("BENCH_POSTS", "200 1000").split())

# Runs one build and reports the process's peak memory (KiB) and CPU seconds on stderr.
BUILD = (
    "import resource, runpy, sys\n"
    "sys.argv = ['mkdocs', 'build', '--quiet']\n"
    "try:\n"
    "    runpy.run_module('mkdocs', run_name='__main__')\n"
    "finally:\n"
    "    usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    print('usage', usage.ru_maxrss, usage.ru_utime + usage.ru_stime, file=sys.stderr)\n"
)


@dataclass
class Run:
    """One build: wall seconds, CPU seconds, peak KiB."""

    wall: float
    cpu: float
    rss: int


def build_once(root: Path) -> Run:
    """Time and memory of one build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", BUILD], cwd=root, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build failed in {root}:\n{result.stderr[-2000:]}")
    rss, cpu = next(line.split()[1:] for line in result.stderr.splitlines() if line.startswith("usage"))
    return Run(took, float(cpu), int(rss))


def hook_share(root: Path) -> float:
    """Share of one profiled build of the site spent inside this project's hooks."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    cwd = os.getcwd()
    os.chdir(root)
    try:
        profile = cProfile.Profile()
        config = load_config(str(root / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
        try:
            profile.runcall(build, config)
        finally:
            config.plugins.on_shutdown()
    finally:
        os.chdir(cwd)
    stats = pstats.Stats(profile)
    hooks = str(root / "hooks")
    total = max(cum for (_, _, name), (_, _, _, cum, _) in stats.stats.items() if name == "build")
    ours = sum(
        cum for (file, _, name), (_, _, _, cum, _) in stats.stats.items()
        if os.path.realpath(file).startswith(os.path.realpath(hooks)) and name.startswith("on_")
    )
    return ours / total


def main() -> None:
    for count in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            ours, theirs = Path(tmp) / "site", Path(tmp) / "plain"
            ours.mkdir()
            theirs.mkdir()
            generate(ours, count)
            generate(theirs, count, plain=True)
            pairs = [(build_once(ours), build_once(theirs)) for _ in range(RUNS)]
            a = statistics.median(x.wall for x, _ in pairs)
            b = statistics.median(y.wall for _, y in pairs)
            wall = statistics.median(x.wall / y.wall for x, y in pairs)
            cpu = statistics.median(x.cpu / y.cpu for x, y in pairs)
            pages = sum(1 for _ in (ours / "site").rglob("*.html"))
            print(
                f"scale, {count} posts: this site {a:.2f} s, plain blog {b:.2f} s, "
                f"ratio {wall:.3f} wall, {cpu:.3f} CPU (goal <= 1.10; medians of {RUNS} alternating pairs); "
                f"{1000 * a / pages:.1f} ms per page ({pages} pages); "
                f"peak memory {max(x.rss for x, _ in pairs) / 1024:.0f} MiB vs {max(y.rss for _, y in pairs) / 1024:.0f} MiB",
                flush=True,
            )
            print(f"scale, {count} posts: hooks take {100 * hook_share(ours):.1f}% of a profiled build", flush=True)


if __name__ == "__main__":
    main()
