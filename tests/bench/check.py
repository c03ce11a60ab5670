"""`make check` against a full build of the same site: the check must stay cheap."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.generate import generate
from tests.sites import ENGINE, ROOT

RUNS = 3


def timed(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONPATH": str(ROOT / "hooks")}
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    for count in (4, 200):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            if count == 4:
                from tests.sites import make_site

                make_site(root)  # this site's own posts
            else:
                generate(root, count)
            check, build = [], []
            for _ in range(RUNS):  # alternate, so both see the same machine
                check.append(timed([sys.executable, "-m", "routines", "check"], root))
                build.append(timed([sys.executable, "-m", ENGINE, "build", "--strict", "--quiet"], root))
            c, b = statistics.median(check), statistics.median(build)
            label = "this site" if count == 4 else f"{count} generated posts"
            print(f"make check vs build, {label}: check {c:.2f} s, build {b:.2f} s, ratio {c / b:.2f} (goal <= 0.20; medians of {RUNS})")
