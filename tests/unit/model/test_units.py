"""Durations and timestamps as authors write them; seconds and counts in readers' words."""

from __future__ import annotations

import pytest

from routines.model.units import about_minutes, clock, parse_duration, parse_timestamp, plural, words_for_seconds

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [(90, 90), ("90", 90), ("45s", 45), ("2m", 120), ("2m30s", 150), ("1:30", 90), ("1h5m", 3900), ("1:00:05", 3605), (60.0, 60),
     ("2 min", 120), ("30 sec", 30), ("90 seconds", 90), ("1 minute", 60), ("1 minute and 30 seconds", 90), ("2 Mins, 5 Secs", 125), ("1 hr 5 min", 3900)],
)
def test_durations(text, seconds):
    """Every duration form of the contract, as therapists write them, is whole seconds."""
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "two minutes", "1.5 min", "1.5", 1.5, True, None, "-5s", "1:75", "m", "and", [90]])
def test_bad_durations(text):
    """Anything else is refused with the accepted forms."""
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


@pytest.mark.parametrize(("text", "seconds"), [(0, 0), (185, 185), ("3:05", 185), ("0:45", 45), ("1:02:03", 3723)])
def test_timestamps(text, seconds):
    """Timestamps are seconds or m:ss / h:mm:ss."""
    assert parse_timestamp(text) == seconds


@pytest.mark.parametrize("text", ["4:75", "1:60:00", "-3", "3m", None])
def test_bad_timestamps(text):
    """Impossible clock readings are refused."""
    with pytest.raises(ValueError, match="timestamp"):
        parse_timestamp(text)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(30, "30 s"), (120, "2 min"), (150, "2 min 30 s"), (3725, "1 h 2 min 5 s"), (72.0, "72 s"), (119, "119 s")],
)
def test_words_for_seconds(seconds, words):
    """Durations read the way a coach says them, never broken across lines."""
    assert words_for_seconds(seconds) == words.replace(" ", NBSP)
    assert " " not in words_for_seconds(seconds)


def test_clock_and_estimates():
    """Timestamps as players show them; estimates rounded to minutes."""
    assert (clock(185), clock(3723)) == ("3:05", "1:02:03")
    assert (about_minutes(30), about_minutes(222)) == (f"under 1{NBSP}min", f"about 4{NBSP}min")


@pytest.mark.parametrize(("number", "word", "words"), [(1, "step", "1 step"), (3, "step", "3 steps"), (0, "routine", "0 routines"), (1.5, "count", "1.5 counts")])
def test_plural_is_the_one_grammar_of_counts(number, word, words):
    assert plural(number, word) == words
