"""Durations, timestamps and counts: parsing author input, wording for readers."""

from __future__ import annotations

import functools
import re

import inflect

# -----------------------------------------------------------------------------
# Parsing
# -----------------------------------------------------------------------------

# The words a unit may be written with, longest first: "2m", "2 min", "2 minutes".
UNIT_WORDS = {
    "h": ("hours", "hour", "hrs", "hr", "h"),
    "m": ("minutes", "minute", "mins", "min", "m"),
    "s": ("seconds", "second", "secs", "sec", "s"),
}
_UNITS = re.compile("^" + "".join(f"(?:(?P<{u}>\\d+)(?:{'|'.join(words)}))?" for u, words in UNIT_WORDS.items()) + "$")
_CLOCK = re.compile(r"^(?:(?P<h>\d+):)?(?P<m>\d+):(?P<s>[0-5]\d)$")

DURATION_HELP = 'whole seconds (90), "45s", "30 sec", "2 min", "2m30s", "1 minute 30 seconds" or "1:30"'
TIMESTAMP_HELP = 'seconds (185) or "m:ss" / "h:mm:ss" (3:05)'


def parse_duration(value: object) -> int:
    """Return a duration in whole seconds.

    Accepts `90`, `"90"`, `"45s"`, `"2m"`, `"2m30s"`, `"1h5m"`, `"1:30"`, and the
    way people write it: `"2 min"`, `"30 sec"`, `"90 seconds"`, `"1 minute and 30 seconds"`.
    YAML 1.1 already turns an unquoted `1:30` into 90, which is what we want.

    Raises:
        ValueError: the value is not a duration; the message says what is.
    """
    seconds = _whole_seconds(value)
    if seconds is None and isinstance(value, str):
        text = re.sub(r"[\s,]+|\band\b", "", value.strip().lower())
        units = _UNITS.match(text)
        if text and units:
            h, m, s = (int(units[g] or 0) for g in "hms")
            seconds = h * 3600 + m * 60 + s
        else:
            seconds = _clock_seconds(text)
    if seconds is None:
        raise ValueError(f"must be a duration: {DURATION_HELP}")
    if seconds <= 0:
        raise ValueError("must be longer than 0 seconds")
    return seconds


def parse_timestamp(value: object) -> int:
    """Return a video timestamp in whole seconds (`185`, `"3:05"`, `"1:02:03"`).

    Raises:
        ValueError: the value is not a timestamp.
    """
    seconds = _whole_seconds(value)
    if seconds is None and isinstance(value, str):
        seconds = _clock_seconds(value.strip())
    if seconds is None or seconds < 0:
        raise ValueError(f"must be a timestamp: {TIMESTAMP_HELP}")
    return seconds


def _whole_seconds(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _clock_seconds(text: str) -> int | None:
    clock = _CLOCK.match(text)
    if not clock:
        return None
    if clock["h"] is not None and int(clock["m"]) > 59:
        return None
    return int(clock["h"] or 0) * 3600 + int(clock["m"]) * 60 + int(clock["s"])


# -----------------------------------------------------------------------------
# Wording
# -----------------------------------------------------------------------------


# Under two minutes a duration reads best in seconds ("90 s"), as a patient counts it.
SECONDS_UP_TO = 119


def words_for_seconds(seconds: float) -> str:
    """Say a duration the way a coach would: `30 s`, `90 s`, `2 min`, `2 min 30 s`."""
    total = round(seconds)
    if total <= SECONDS_UP_TO:
        return f"{total}\u00a0s"
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}\u00a0h"] if hours else []
    parts += [f"{minutes}\u00a0min"] if minutes else []
    parts += [f"{secs}\u00a0s"] if secs else []
    return "\u00a0".join(parts)  # a duration never breaks across lines


def spoken_seconds(seconds: float) -> str:
    """`words_for_seconds` as a coach says it aloud: `20 seconds`, `90 seconds`, `2 minutes 30 seconds`, never `2 min`."""
    total = round(seconds)
    if total <= SECONDS_UP_TO:
        return plural(total, "second")
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [plural(hours, "hour")] if hours else []
    parts += [plural(minutes, "minute")] if minutes else []
    parts += [plural(secs, "second")] if secs else []
    return " ".join(parts)


def spoken_count(number: float) -> str:
    """A number as it is said: `4`, `one and a half`, `2 and a half`."""
    whole, half = divmod(number, 1)
    if half != 0.5:
        return count(number)
    return f"{'one' if whole == 1 else count(whole)} and a half" if whole else "a half"


def about_minutes(seconds: float) -> str:
    """Round an estimate to what a reader plans with: `about 4 min`."""
    if seconds < 60:
        return "under 1\u00a0min"
    return f"about {max(1, round(seconds / 60))}\u00a0min"


def clock(seconds: int) -> str:
    """A timestamp as video players show it: `3:05`, `1:02:03`."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def count(number: float) -> str:
    """A count without a needless `.0`: `4`, `1.5`."""
    return f"{number:g}"


@functools.cache
def _inflect() -> inflect.engine:
    return inflect.engine()


@functools.lru_cache(maxsize=1024)  # inflect takes a tenth of a millisecond a word, and every build asks again
def plural_noun(word: str) -> str:
    """`side` -> `sides`, `calf` -> `calves`, `foot` -> `feet`: an author's own word, made plural by inflect."""
    return _inflect().plural_noun(word) or word


def singular_of(word: str) -> str:
    """The singular of a plural noun (`calves` -> `calf`), or "" when `word` is not one."""
    return _inflect().singular_noun(word) or ""


def plural(number: float, word: str) -> str:
    """`1 rep`, `3 reps`, `1.5 counts`: the one grammar of counts, for Python, templates and scripts."""
    return f"{count(number)} {word}{'' if number == 1 else 's'}"


# The words the site's scripts count in. They take each word's forms from the
# page (`count_forms`, by the categories of the browser's `Intl.PluralRules`),
# so the grammar of "1 round / 6 rounds" stays `plural`'s alone.
SCRIPT_COUNTS = ("round", "result", "step")


def count_forms(words: tuple[str, ...] = SCRIPT_COUNTS) -> dict[str, dict[str, str]]:
    """Each word's forms with `{n}` for the number: `{"round": {"one": "{n} round", "other": "{n} rounds"}}`."""
    return {word: {"one": plural(1, word).replace("1", "{n}", 1), "other": plural(2, word).replace("2", "{n}", 1)} for word in words}
