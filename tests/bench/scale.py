"""This site against a plain Material blog of the same posts, at 300 and 1000 posts, cold and warm.

(a) the site as it is: hooks, overrides, routines, videos, series;
(b) the same posts with routine, video and series removed, built by the same
    mkdocs.yml without hooks, overrides or their assets;
(c) (b) with this site's two blog speed-ups (hooks/excerpts.py and
    hooks/post_lookup.py), which help any blog: a against c is what
    routines, videos and series cost on their own.

Cold builds come first: no `.cache/` and no `site/`, as in every fresh CI
checkout, so every link-preview card is drawn. (a) and (b) alternate,
COLD_RUNS of each (BENCH_COLD_RUNS), and the ratio is the median of the
per-run ratios.

Then warm builds: each site is built once untimed first, as a user's second build: the file
cache is warm and Python has written the hooks' bytecode (even where the
environment says not to, which would make every build compile them again).
Timed builds then alternate a, b, c, a, b, c, ... so all see the same
machine, until each site has had BENCH_SECONDS of builds (at least
MIN_RUNS, at most MAX_RUNS): small sites, whose builds are short and noisier,
get more runs. Each build reports its wall time and its own CPU time (user +
system). Ratios are medians of the per-run ratios, with a 95% interval for
that median (order statistics: no assumption about the noise). A separate
profiled build of (a) gives the share of time spent in this project's hooks.

Where the machine's speed swings from second to second, time ratios stay
uncertain; BENCH_INSTRUCTIONS=1 adds a figure that does not swing: the
instructions one build of (a) and of (b) executes, counted by valgrind
(slow: minutes per build).
"""

from __future__ import annotations

import cProfile
import math
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench.generate import generate
from tests.sites import ENGINE, ROOT

SIZES = tuple(int(n) for n in os.environ.get("BENCH_POSTS", "300 1000").split())
BUDGET = float(os.environ.get("BENCH_SECONDS", "120"))  # timed builds of this site, per size
MIN_RUNS, MAX_RUNS = 6, 30  # 6: the fewest runs whose full range is a 95% interval for the median
COLD_RUNS = int(os.environ.get("BENCH_COLD_RUNS", "3"))

# Runs one build and reports the process's peak memory (KiB) and CPU seconds on stderr.
BUILD = (
    "import resource, runpy, sys\n"
    f"sys.argv = ['{ENGINE}', 'build', '--quiet']\n"
    "try:\n"
    f"    runpy.run_module('{ENGINE}', run_name='__main__')\n"
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


def _build_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def build_once(root: Path, cold: bool = False) -> Run:
    """Time and memory of one build; `cold`: with nothing kept from an earlier one."""
    if cold:
        for kept in (root / ".cache", root / "site"):
            shutil.rmtree(kept, ignore_errors=True)
    env = _build_env()
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", BUILD], cwd=root, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build failed in {root}:\n{result.stderr[-2000:]}")
    rss, cpu = next(line.split()[1:] for line in result.stderr.splitlines() if line.startswith("usage"))
    return Run(took, float(cpu), int(rss))


def instructions(root: Path) -> int:
    """Instructions one build executes, counted by valgrind's cachegrind (the same within 0.5% from run to run)."""
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, "-m", ENGINE, "build", "--quiet",
    ]
    result = subprocess.run(command, cwd=root, env=_build_env(), capture_output=True, text=True)
    counted = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if result.returncode or not counted:
        raise SystemExit(f"counting instructions failed in {root}:\n{result.stderr[-2000:]}")
    return int(counted.group(1).replace(",", ""))


def hook_share(root: Path) -> float:
    """Share of one profiled build of the site spent inside this project's hooks."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.environ["DISABLE_MKDOCS_2_WARNING"] = "true"
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
    summary = []
    for count in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            ours, theirs, sped_up = Path(tmp) / "site", Path(tmp) / "plain", Path(tmp) / "plain-sped-up"
            for root in (ours, theirs, sped_up):
                root.mkdir()
            generate(ours, count)
            generate(theirs, count, plain=True)
            generate(sped_up, count, plain=True)
            with (sped_up / "mkdocs.yml").open("a") as config:
                config.write("hooks:\n  - hooks/excerpts.py\n  - hooks/post_lookup.py\n")
            build_once(ours)  # untimed: Python's bytecode of the hooks, which a fresh checkout's first build also writes
            cold = [(build_once(ours, cold=True), build_once(theirs, cold=True)) for _ in range(COLD_RUNS)]
            cold_ratio = statistics.median(mine.wall / plain.wall for mine, plain in cold)
            print(
                f"scale, {count} posts, cold (no .cache/): this site {statistics.median(r[0].wall for r in cold):.2f} s, "
                f"plain blog {statistics.median(r[1].wall for r in cold):.2f} s, ratio {cold_ratio:.3f} wall (goal <= 1.20; "
                f"runs {', '.join(f'{mine.wall:.1f}/{plain.wall:.1f}' for mine, plain in cold)}), "
                f"{statistics.median(mine.cpu / plain.cpu for mine, plain in cold):.3f} CPU",
                flush=True,
            )
            for root in (ours, theirs, sped_up):
                build_once(root)  # untimed: warm caches and bytecode, as any later build has
            runs: list[tuple[Run, Run, Run]] = []
            while len(runs) < MIN_RUNS or (len(runs) < MAX_RUNS and sum(run[0].wall for run in runs) < BUDGET):
                runs.append((build_once(ours), build_once(theirs), build_once(sped_up)))
            a, b, c = (statistics.median(run[i].wall for run in runs) for i in range(3))
            pages = sum(1 for _ in (ours / "site").rglob("*.html"))
            print(
                f"scale, {count} posts: this site {a:.2f} s, plain blog {b:.2f} s; "
                f"medians of {len(runs)} alternating runs; {1000 * a / pages:.1f} ms per page ({pages} pages); "
                f"peak memory {max(run[0].rss for run in runs) / 1024:.0f} MiB vs {max(run[1].rss for run in runs) / 1024:.0f} MiB",
                flush=True,
            )
            print(f"scale, {count} posts: ratio to the plain blog (goal <= 1.10): {_ratio(runs, 1)}", flush=True)
            warm_ratio = statistics.median(run[0].wall / run[1].wall for run in runs)
            summary.append(
                f"{count} posts: cold {statistics.median(r[0].wall for r in cold):.1f} s vs {statistics.median(r[1].wall for r in cold):.1f} s "
                f"({cold_ratio:.2f}x), warm {a:.1f} s vs {b:.1f} s ({warm_ratio:.2f}x)"
            )
            print(
                f"scale, {count} posts: routines, videos and series alone, against the plain blog "
                f"with this site's excerpts and post lookup ({c:.2f} s): {_ratio(runs, 2)}",
                flush=True,
            )
            print(f"scale, {count} posts: hooks take {100 * hook_share(ours):.1f}% of a profiled build", flush=True)
            if os.environ.get("BENCH_INSTRUCTIONS"):
                mine, plain = instructions(ours), instructions(theirs)
                print(
                    f"scale, {count} posts: instructions of one build: this site {mine / 1e9:.2f} G, "
                    f"plain blog {plain / 1e9:.2f} G, ratio {mine / plain:.3f}",
                    flush=True,
                )
    print(f"scale, this site against plain Material (median wall times): {'; '.join(summary)}", flush=True)


def _ratio(runs: list[tuple[Run, Run, Run]], other: int) -> str:
    """This site's build time over another's, run by run: median and its 95% interval, wall and CPU."""
    parts = []
    for field, label in (("wall", "wall"), ("cpu", "CPU")):
        ratios = [getattr(run[0], field) / getattr(run[other], field) for run in runs]
        low, high = median_interval(ratios)
        parts.append(f"{statistics.median(ratios):.3f} {label} (95% interval {low:.3f}-{high:.3f})")
    return ", ".join(parts)


def median_interval(values: list[float], confidence: float = 0.95) -> tuple[float, float]:
    """A distribution-free interval that holds the true median with at least `confidence`.

    The k-th smallest and k-th largest values, for the largest k with
    P(Binomial(n, 1/2) < k) <= (1 - confidence) / 2; the full range when even
    k = 1 is too narrow (fewer than 6 values at 95%).
    """
    ordered = sorted(values)
    n = len(ordered)
    tail = (1 - confidence) / 2

    def below(k: int) -> float:  # P(Binomial(n, 1/2) < k)
        return sum(math.comb(n, i) for i in range(k)) / 2**n

    k = 1
    while k + 1 <= n - k and below(k + 1) <= tail:
        k += 1
    return ordered[k - 1], ordered[n - k]


if __name__ == "__main__":
    main()
