"""Benchmarks that print figures: `make bench` (or `python -m tests.bench NAME`)."""

import sys
from pathlib import Path

# The hooks' package, as MkDocs and pytest (pyproject.toml) put it on the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
