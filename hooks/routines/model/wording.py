"""What a step asks of the reader, in plain words, and how long it takes."""

from __future__ import annotations

import functools

from dataclasses import dataclass

from .post import Breath, Routine, Step
from .units import count, plural, plural_noun, spoken_count, spoken_seconds, words_for_seconds

# The time of one rep when a step gives no `tempo`: a strength rep is quick
# (up and down), anything else is a slow, controlled movement. A step that
# gives no dose at all gets a minute. The figures a therapist would pencil in.
TEMPO_SECONDS = {"strength": 3}
DEFAULT_TEMPO_SECONDS = 5
UNDOSED_STEP_SECONDS = 60
# The follow-along view's countdown before an effort and between sides.
READY_SECONDS = 5


def tempo(step: Step) -> int:
    """Seconds of one rep, the hold aside: the step's `tempo`, else its kind's default."""
    return step.tempo or TEMPO_SECONDS.get(step.kind, DEFAULT_TEMPO_SECONDS)


def dose(step: Step, spoken: bool = False) -> str:
    """The dose as a coach writes it ("2 sets of 8 reps, 20 s rest") or, `spoken`, says it ("20 seconds rest")."""
    seconds = spoken_seconds if spoken else words_for_seconds
    each = f" each {step.each}" if step.each else ""
    parts = []
    if step.breath:
        parts.append(breath_dose(step.breath, spoken))
    amount = ""
    if step.sets and step.reps:
        amount = f"{plural(step.sets, 'set')} of {plural(step.reps, 'rep')}"
    elif step.reps or step.sets:
        amount = plural(step.reps, "rep") if step.reps else plural(step.sets, "set")
    if amount:
        parts.append(amount + each)
    if step.hold:
        parts.append(f"hold {seconds(step.hold)}" + (" on each rep" if step.reps else "" if amount else each))
    if step.rest:
        parts.append(f"{seconds(step.rest)} rest")
    if step.duration:
        parts.append(seconds(step.duration) + (" in all" if parts else each))
    return ", ".join(parts)


def breath_dose(breath: Breath, spoken: bool = False) -> str:
    """"6 rounds: in 4, out 8", with holds and count length when they apply; `spoken`, in whole words."""
    verbs = ("breathe in for", "hold for", "breathe out for", "hold for") if spoken else ("in", "hold", "out", "hold")
    counts = (breath.inhale, breath.hold, breath.exhale, breath.hold_out)
    pacing = ", ".join(f"{verb} {count(n)}" for verb, n in zip(verbs, counts) if n)
    length = ""
    if breath.count_seconds != 1:
        length = f", {spoken_count(breath.count_seconds)} seconds a count" if spoken else f" ({count(breath.count_seconds)} s a count)"
    return f"{plural(breath.rounds, 'round')}: {pacing}{length}"


def breath_instructions(breath: Breath) -> list[str]:
    """Sentences that let a reader follow the pacing with no timer at all."""
    phases = [
        ("Breathe in", breath.inhale, breath.inhale_cue),
        ("Hold", breath.hold, ""),
        ("Breathe out", breath.exhale, breath.exhale_cue),
        ("Hold", breath.hold_out, ""),
    ]
    sentences = [
        f"{verb} for {plural(n, 'count')}" + (f" as you {lower_first(cue)}" if cue else "") + "."
        for verb, n, cue in phases
        if n
    ]
    sentences.append(f"Repeat for {plural(breath.rounds, 'round')} ({words_for_seconds(breath.total_seconds)}).")
    if breath.count_seconds != 1:
        sentences.append(f"Each count lasts {count(breath.count_seconds)} seconds.")
    return sentences


@dataclass(frozen=True)
class Segment:
    """One stretch of a step as the follow-along view runs it: every one counts down.

    Attributes:
        kind: "ready", "switch" and "rest" count down between efforts; "time"
            (a duration or a hold), "breath" and "reps" are the efforts.
        seconds: how long it runs.
        label: what the view shows for it ("Switch sides", "Set 1 of 2: First side").
        reps: for "reps", how many, each `rep` seconds of movement then `hold`.
    """

    kind: str
    seconds: float
    label: str = ""
    reps: int = 0
    rep: float = 0
    hold: float = 0

    @property
    def effort(self) -> float:
        """Seconds it adds to the routine's estimate: the view's own countdowns add none."""
        return 0 if self.kind in GAPS[:2] else self.seconds


GAPS = ("ready", "switch", "rest")  # countdowns between efforts: no lead-in after one


@functools.lru_cache(maxsize=4096)  # a step is frozen: every page that lists its routine asks for the same plan
def plan(step: Step) -> tuple[Segment, ...]:
    """The step as a run of segments the view counts down, in order.

    A "get ready" lead-in comes before every effort that does not follow a
    rest or a switch; reps are counted at the step's tempo, the hold on top;
    the estimate (`step_seconds`) is the sum of the efforts, so the view and
    the "about N min" can never disagree.
    """
    sides = _sides(step.each)
    if step.duration and step.breath:  # the breathing, then what the duration leaves
        rest_of_it = step.duration - step.breath.total_seconds
        breathing = _lead_in([Segment("breath", step.breath.total_seconds)])
        return tuple(breathing + ([Segment("time", rest_of_it, "Keep going")] if rest_of_it > 0 else []))
    if step.duration:
        efforts = [Segment("time", step.duration, side) for side in sides]
        return tuple(_lead_in(_with_gaps(efforts, step.each)))
    segments: list[Segment] = []
    if step.breath:
        segments.append(Segment("breath", step.breath.total_seconds))
    sets = step.sets or 1
    for number in range(1, sets + 1):
        if number > 1 and step.rest:
            segments.append(Segment("rest", step.rest, "Rest"))
        prefix = f"Set {number} of {sets}" if step.sets else ""
        if step.reps:
            rep, hold = tempo(step), step.hold or 0
            segments += _with_gaps(
                [Segment("reps", step.reps * (rep + hold), _joined(prefix, side), step.reps, rep, hold) for side in sides],
                step.each,
            )
        elif step.hold or step.sets:
            seconds = step.hold or UNDOSED_STEP_SECONDS
            segments += _with_gaps([Segment("time", seconds, _joined(prefix, side or "Hold")) for side in sides], step.each)
    if not segments:
        segments.append(Segment("time", UNDOSED_STEP_SECONDS, "At your own pace"))
    return tuple(_lead_in(segments))


def step_seconds(step: Step) -> float:
    """Estimated time of one step: the efforts of its plan."""
    return sum(segment.effort for segment in plan(step))


def routine_line(steps: int, estimate: str, equipment: tuple[str, ...]) -> str:
    """A routine in one line, wherever one is listed or shared: "3 steps · about 4 min · foam roller, tennis ball"."""
    return " · ".join(part for part in (plural(steps, "step"), estimate, ", ".join(equipment)) if part)


def routine_seconds(routine: Routine) -> float:
    """Estimated time of the whole routine."""
    return sum(step_seconds(step) for step in routine.steps)


def _sides(each: str) -> tuple[str, ...]:
    """"side" -> ("First side", "Second side"); no `each` -> one unnamed effort."""
    return (f"First {each}", f"Second {each}") if each else ("",)


def _with_gaps(efforts: list[Segment], each: str) -> list[Segment]:
    """Efforts for each side with a "Switch sides" countdown between them."""
    if len(efforts) < 2:
        return efforts
    return [efforts[0], Segment("switch", READY_SECONDS, f"Switch {plural_noun(each)}"), efforts[1]]


def _lead_in(segments: list[Segment]) -> list[Segment]:
    """A "get ready" countdown before each effort that follows no other gap."""
    out: list[Segment] = []
    for segment in segments:
        if segment.kind not in GAPS and (not out or out[-1].kind not in GAPS):
            out.append(Segment("ready", READY_SECONDS, "Get ready"))
        out.append(segment)
    return out


def _joined(prefix: str, label: str) -> str:
    """"Set 1 of 2" and "First side" -> "Set 1 of 2: First side"."""
    return ": ".join(part for part in (prefix, label) if part)


def lower_first(text: str) -> str:
    """"Contract the muscle" -> "contract the muscle"; leaves "IT band" alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
