"""The benchmark's interval for a median ratio: the textbook order statistics."""

from __future__ import annotations

import pytest

from tests.bench.scale import median_interval


@pytest.mark.parametrize(
    ("n", "kth"),
    [
        (5, 1),  # too few for 95%: the full range is the widest there is
        (6, 1),  # 1 - 2/64 = 96.9%
        (10, 2),  # 2nd and 9th of 10
        (15, 4),  # 4th and 12th of 15
        (20, 6),  # 6th and 15th of 20
    ],
)
def test_interval_is_kth_smallest_and_largest(n: int, kth: int) -> None:
    values = [float(v) for v in reversed(range(1, n + 1))]  # any order
    assert median_interval(values) == (float(kth), float(n + 1 - kth))


def test_interval_narrows_with_lower_confidence() -> None:
    values = [float(v) for v in range(1, 21)]
    assert median_interval(values, confidence=0.5) == (8.0, 13.0)
