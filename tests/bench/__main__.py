"""Run the benchmarks named on the command line, or all of them."""

from __future__ import annotations

import sys

from tests.bench import check, timer

BENCHMARKS = {"check": check.main, "timer": timer.main}

if __name__ == "__main__":
    for name in sys.argv[1:] or list(BENCHMARKS):
        BENCHMARKS[name]()
