"""Run the benchmarks named on the command line, or all of them."""

from __future__ import annotations

import sys

from tests.bench import cards, check, edit, first_view, scale, timer, typos, weight

BENCHMARKS = {"check": check.main, "timer": timer.main, "weight": weight.main, "cards": cards.main, "scale": scale.main, "firstview": first_view.main, "edit": edit.main, "typos": typos.main}

if __name__ == "__main__":
    for name in sys.argv[1:] or list(BENCHMARKS):
        BENCHMARKS[name]()
