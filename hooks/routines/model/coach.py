"""The coach's script: every word the follow-along view speaks, and when, written once by the build.

Each segment of a step's plan (`wording.plan`) gets its marks: moments,
in seconds from the segment's start, where the view says something, shows
a line under the countdown or plays a tone. A reader with eyes closed hears
what the cards say: the step, its dose in words, its text and cues, "Go",
reps counted, breath phases, sets, rests, sides, the time left and a 3-2-1.

Speech engines queue what they are given. So that nothing lags behind the
routine, a mark's words must be spoken before the next mark's begin, at an
unhurried 150 words a minute; a mark offers shorter wordings for tight
spots and the longest that fits is kept. Only a step's opening words, said
while "Get ready" waits for them, may run long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .post import Routine, Step
from .units import spoken_seconds
from .wording import GAPS, Segment, lower_first, dose, plan

WORDS_PER_SECOND = 2.5  # about 150 words a minute
LONG_EFFORT = 20  # seconds: a timed effort this long gets a time-left warning and a spoken 3-2-1
WARNING = 10  # seconds left when the warning comes
COUNTDOWN = 3  # the last seconds of a countdown, each with a tone
FINISH = "Routine complete. Well done."


@dataclass(frozen=True)
class Mark:
    """A moment in a segment.

    Attributes:
        at: seconds from the segment's start.
        say: the words spoken then ("" for none).
        show: the line the view shows under the countdown from then on ("Rep 3 of 8"; "" keeps it).
        tone: the tone played then: go, tick, rep, hold, in, out, switch ("" for none).
    """

    at: float
    say: str = ""
    show: str = ""
    tone: str = ""


@dataclass(frozen=True)
class Part:
    """A segment with its marks.

    Attributes:
        segment: what the view counts down.
        marks: its moments, in time order.
        wait: for a step's "Get ready", at most how many seconds the countdown
            waits for the opening words to be spoken; 0 for every other part.
        end: the words said when the segment runs out by itself ("Stop.").
    """

    segment: Segment
    marks: tuple[Mark, ...]
    wait: float = 0
    end: str = ""


@dataclass(frozen=True)
class _Draft:
    """A mark before its words are fitted: `say` holds its wordings, the fullest first."""

    at: float
    say: tuple[str, ...] = ()
    show: str = ""
    tone: str = ""


def script(routine: Routine) -> tuple[tuple[Part, ...], ...]:
    """Each step's parts, in order: the whole routine as the view speaks it."""
    total = len(routine.steps)
    return tuple(step_script(step, number, total) for number, step in enumerate(routine.steps, start=1))


def step_script(step: Step, number: int, total: int) -> tuple[Part, ...]:
    """One step's parts: the opening words in its first "Get ready", then each segment's marks."""
    segments = plan(step)
    first_effort = next(s for s in segments if s.kind not in GAPS)
    cues = list(step.cues)
    spread = _spread(cues[1:], first_effort) if first_effort.kind == "time" else []
    opening = [f"Step {number} of {total}.", _sentence(step.title), _sentence(_capital(dose(step, spoken=True)))]
    opening += [_sentence("Equipment: " + ", ".join(step.equipment))] if step.equipment else []
    if step.breath:
        pairs = (("As you breathe in,", step.breath.inhale_cue), ("As you breathe out,", step.breath.exhale_cue))
        opening += [_sentence(f"{lead} {lower_first(cue)}") for lead, cue in pairs if cue]
    opening += [_sentence(_plain(step.text))] if step.text else []
    opening += [_sentence(cue) for cue in cues[: len(cues) - len(spread)]]
    parts = []
    for index, segment in enumerate(segments):
        marks = _marks(step, segment)
        if index == 0:
            intro = " ".join(word for word in opening + list(marks[0].say[:1]) if word)
            marks[0] = _Draft(0, (intro,), marks[0].show, marks[0].tone)
        if segment is first_effort and segment.kind == "time" and cues:
            marks[0] = _Draft(0, marks[0].say, cues[0], marks[0].tone)  # the first cue, on screen while it is done
            marks = sorted(marks + spread, key=lambda mark: mark.at)
        fitted = _fitted(marks, segment.seconds)
        wait = round(_speaking_seconds(fitted[0].say) * 1.5 + 2) if index == 0 else 0
        parts.append(Part(segment, fitted, wait, _end(segment)))
    return tuple(parts)


def script_text(routine: Routine) -> str:
    """The whole script as a reviewer reads it: each segment, then each mark's time, tone and words."""
    lines = []
    for number, parts in enumerate(script(routine), start=1):
        lines.append(f"Step {number}: {routine.steps[number - 1].title}")
        for part in parts:
            segment = part.segment
            waits = f", waits up to {part.wait:g} s for its words" if part.wait else ""
            lines.append(f"  {segment.kind} {segment.seconds:g} s{': ' + segment.label if segment.label else ''}{waits}")
            for mark in part.marks:
                tone = f"[{mark.tone}]" if mark.tone else ""
                show = f"<{mark.show}>" if mark.show else ""
                lines.append("    " + " ".join(w for w in (f"{_clock(mark.at)}", tone, show, mark.say) if w))
            if part.end:
                lines.append(f"    end {part.end}")
    lines.append(FINISH)
    return "\n".join(lines) + "\n"


# -----------------------------------------------------------------------------
# Marks of each kind of segment
# -----------------------------------------------------------------------------


def _marks(step: Step, segment: Segment) -> list[_Draft]:
    kind, seconds = segment.kind, segment.seconds
    if kind == "ready":
        return [_Draft(0, ("Get ready.",))] + _countdown(seconds, spoken=True)
    if kind == "switch":
        return [_Draft(0, (_sentence(segment.label),), tone="switch")] + _countdown(seconds, spoken=True)
    if kind == "rest":
        rest = _Draft(0, (f"Rest, {spoken_seconds(seconds)}.", "Rest."), tone="rest")
        return [rest] + _warning(seconds) + _countdown(seconds, spoken=True)
    if kind == "breath":
        return _breath_marks(step)
    if kind == "reps":
        return _rep_marks(segment)
    label = _spoken_label(segment.label)
    go = "Hold." if step.hold and not step.reps and not step.duration else "Rest." if step.kind == "rest" else "Go."
    opener = _Draft(0, _options(f"{label} {go}", go), tone="go")
    long = seconds >= LONG_EFFORT
    halfway = [_Draft(round(seconds / 2), ("Halfway.",))] if seconds >= 3 * LONG_EFFORT else []
    return [opener] + halfway + (_warning(seconds) if long else []) + _countdown(seconds, spoken=long)


def _rep_marks(segment: Segment) -> list[_Draft]:
    """Each rep counted at its start ("Set 1 of 2. Go. 1" ... "8, last one"), "Hold" when it holds."""
    marks = []
    label = _spoken_label(segment.label)
    for rep in range(1, segment.reps + 1):
        start = (rep - 1) * (segment.rep + segment.hold)
        words: tuple[str, ...] = (str(rep),)
        if rep == segment.reps and rep > 1:
            words = (f"{rep}, last one", str(rep))
        if rep == 1:
            words = _options(f"{label} Go. 1", f"{label} 1", "1")
        marks.append(_Draft(start, words, f"Rep {rep} of {segment.reps}", "go" if rep == 1 else "rep"))
        if segment.hold:
            marks.append(_Draft(start + segment.rep, ("Hold.",) if segment.hold >= 2 else (), tone="hold"))
    return marks


def _breath_marks(step: Step) -> list[_Draft]:
    """Every phase with its tone; its words, the cues in the first round, and each round's number."""
    breath = step.breath
    phases = [
        ("Breathe in.", breath.inhale, breath.inhale_cue, "in"),
        ("Hold.", breath.hold, "", "hold"),
        ("Breathe out.", breath.exhale, breath.exhale_cue, "out"),
        ("Hold.", breath.hold_out, "", "hold"),
    ]
    marks, at = [], 0.0
    for round_ in range(1, breath.rounds + 1):
        for index, (words, counts, cue, tone) in enumerate(phase for phase in phases if phase[1]):
            lead = ""
            if index == 0 and round_ > 1:
                lead = "Last round." if round_ == breath.rounds else f"Round {round_} of {breath.rounds}."
            cue = _sentence(cue) if round_ == 1 else ""
            marks.append(_Draft(at, _options(f"{lead} {words} {cue}", f"{lead} {words}", words), tone=tone))
            at += counts * breath.count_seconds
    return marks


def _warning(seconds: float) -> list[_Draft]:
    return [_Draft(seconds - WARNING, (f"{spoken_seconds(WARNING)} left.",))] if seconds >= LONG_EFFORT else []


def _countdown(seconds: float, spoken: bool) -> list[_Draft]:
    """A tone on each of the last three seconds, with "3", "2", "1" when `spoken`."""
    return [_Draft(seconds - n, (str(n),) if spoken else (), tone="tick") for n in range(COUNTDOWN, 0, -1) if seconds - n > 0]


def _spread(cues: list[str], effort: Segment) -> list[_Draft]:
    """Cues after the first, spoken through a long timed effort between "Go" and the warning; [] if they do not fit."""
    if not cues or effort.seconds < LONG_EFFORT:
        return []
    start, end = 3, effort.seconds - WARNING - 1
    if effort.seconds >= 3 * LONG_EFFORT:
        end = effort.seconds / 2 - 1  # before "Halfway"
    gap = (end - start) / len(cues)
    if any(_speaking_seconds(cue) > gap for cue in cues):
        return []
    return [_Draft(round(start + i * gap, 1), (_sentence(cue),), cue) for i, cue in enumerate(cues)]


def _end(segment: Segment) -> str:
    """What is said when a timed effort or a run of reps runs out: the reader stops."""
    return "Stop." if segment.kind in ("time", "reps") else ""


# -----------------------------------------------------------------------------
# Fitting words to time
# -----------------------------------------------------------------------------


def _fitted(marks: list[_Draft], seconds: float) -> tuple[Mark, ...]:
    """Each mark with the fullest of its wordings that is spoken before the next words begin.

    Where none fits, the shortest is kept: a count or a phase is never left out.
    """
    out = []
    spoken = [mark.at for mark in marks if mark.say]
    for mark in marks:
        later = [at for at in spoken if at > mark.at]
        room = (later[0] if later else seconds) - mark.at
        fits = [words for words in mark.say if _speaking_seconds(words) <= room]
        say = (fits or mark.say[-1:] or ("",))[0]
        out.append(Mark(mark.at, say, mark.show, mark.tone))
    return tuple(out)


def _options(*wordings: str) -> tuple[str, ...]:
    """Wordings, fullest first, with spaces tidied and repeats left out."""
    return tuple(dict.fromkeys(" ".join(words.split()) for words in wordings))


def _speaking_seconds(words: str) -> float:
    return len(words.split()) / WORDS_PER_SECOND


# -----------------------------------------------------------------------------
# Words
# -----------------------------------------------------------------------------


def _spoken_label(label: str) -> str:
    """"Set 1 of 2: First side" -> "Set 1 of 2, first side."; "Hold" alone says nothing here."""
    if not label or label == "Hold":
        return ""
    label = label.removesuffix(": Hold")
    head, _, side = label.partition(": ")
    return _sentence(f"{head}, {side[:1].lower()}{side[1:]}" if side else head)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plain(markdown: str) -> str:
    """A step's Markdown `text` as words to say: links as their text, no marks, one line."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)  # images say nothing
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s*(#+|[-*+]|\d+\.)\s+", "", text, flags=re.M)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def _clock(seconds: float) -> str:
    whole = int(seconds)
    tenths = f".{round((seconds - whole) * 10)}" if seconds != whole else ""
    return f"{whole // 60}:{whole % 60:02d}{tenths}"
