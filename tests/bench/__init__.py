"""Benchmarks that print figures: `make bench` (or `python -m tests.bench NAME`)."""
