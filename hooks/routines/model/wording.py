"""What a step asks of the reader, in plain words, and how long it takes."""

from __future__ import annotations

from dataclasses import dataclass

from .post import Breath, Routine, Step
from .units import count, plural, words_for_seconds

# One unhurried rep with no hold, and a step that gives no dose at all: the
# figures a therapist would pencil in when planning a session.
REP_SECONDS = 5
UNDOSED_STEP_SECONDS = 60
# The follow-along view's countdown before an effort and between sides.
READY_SECONDS = 5


def dose(step: Step) -> str:
    """The dose as a coach says it: "2 sets of 8 reps, 20 s rest"."""
    each = f" each {step.each}" if step.each else ""
    parts = []
    if step.breath:
        parts.append(breath_dose(step.breath))
    amount = ""
    if step.sets and step.reps:
        amount = f"{plural(step.sets, 'set')} of {plural(step.reps, 'rep')}"
    elif step.reps or step.sets:
        amount = plural(step.reps, "rep") if step.reps else plural(step.sets, "set")
    if amount:
        parts.append(amount + each)
    if step.hold:
        parts.append(f"hold {words_for_seconds(step.hold)}" + ("" if amount else each))
    if step.rest:
        parts.append(f"{words_for_seconds(step.rest)} rest")
    if step.duration:
        parts.append(words_for_seconds(step.duration) + (" in all" if parts else each))
    return ", ".join(parts)


def breath_dose(breath: Breath) -> str:
    """"6 rounds: in 4, out 8", with holds and count length when they apply."""
    phases = [("in", breath.inhale), ("hold", breath.hold), ("out", breath.exhale), ("hold", breath.hold_out)]
    pacing = ", ".join(f"{name} {count(n)}" for name, n in phases if n)
    length = f" ({count(breath.count_seconds)} s a count)" if breath.count_seconds != 1 else ""
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
        f"{verb} for {plural(n, 'count')}" + (f" as you {_lower_first(cue)}" if cue else "") + "."
        for verb, n, cue in phases
        if n
    ]
    sentences.append(f"Repeat for {plural(breath.rounds, 'round')} ({words_for_seconds(breath.total_seconds)}).")
    if breath.count_seconds != 1:
        sentences.append(f"Each count lasts {count(breath.count_seconds)} seconds.")
    return sentences


@dataclass(frozen=True)
class Segment:
    """One stretch of a step as the follow-along view runs it.

    Attributes:
        kind: "ready", "switch" and "rest" count down between efforts; "time"
            (a duration or a hold) and "breath" count down the effort itself;
            "set" waits for the reader's "Set done", "reps" for "Next step".
        seconds: how long it runs, or for the reader's own pace (set, reps)
            what the estimate allows for it.
        label: what the view shows and says for it ("Switch sides", "Set 1 of 2").
        detail: what to do in it, for the reader's own pace ("8 reps, hold 3 s").
    """

    kind: str
    seconds: float
    label: str = ""
    detail: str = ""

    @property
    def counts_down(self) -> bool:
        """Whether the view moves on by itself when its time is up."""
        return self.kind not in ("set", "reps")

    @property
    def effort(self) -> float:
        """Seconds it adds to the routine's estimate: the view's own countdowns add none."""
        return 0 if self.kind in ("ready", "switch") else self.seconds


GAPS = ("ready", "switch", "rest")  # countdowns between efforts: no lead-in after one


def plan(step: Step) -> tuple[Segment, ...]:
    """The step as a run of segments: what the view counts down or waits for, in order.

    A "get ready" lead-in comes before every timed effort that does not
    follow a rest or a switch; the estimate (`step_seconds`) is the sum of
    the efforts, so the view and the "about N min" can never disagree.
    """
    sides = _sides(step.each)
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
        if step.reps or (step.sets and not step.hold):
            label = f"Set {number} of {sets}" if step.sets else ""
            segments.append(Segment("set" if step.sets else "reps", _set_seconds(step), label, _set_detail(step)))
        elif step.hold:
            prefix = f"Set {number} of {sets}: " if step.sets else ""
            segments += _with_gaps([Segment("time", step.hold, prefix + (side or "Hold")) for side in sides], step.each)
    if not segments:
        segments.append(Segment("reps", UNDOSED_STEP_SECONDS, detail="At your own pace"))
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
    return [efforts[0], Segment("switch", READY_SECONDS, f"Switch {each}s"), efforts[1]]


def _lead_in(segments: list[Segment]) -> list[Segment]:
    """A "get ready" countdown before each timed effort that follows no other gap."""
    out: list[Segment] = []
    for segment in segments:
        timed_effort = segment.kind in ("time", "breath")
        if timed_effort and (not out or out[-1].kind not in GAPS):
            out.append(Segment("ready", READY_SECONDS, "Get ready"))
        out.append(segment)
    return out


def _set_seconds(step: Step) -> float:
    """What one set at the reader's own pace adds to the estimate."""
    return (step.reps or 1) * (step.hold or REP_SECONDS) * len(_sides(step.each))


def _set_detail(step: Step) -> str:
    """"8 reps each side, hold 3 s": one set's worth of the dose."""
    amount = plural(step.reps, "rep") if step.reps else ""
    if step.each and amount:
        amount += f" each {step.each}"
    hold = f"hold {words_for_seconds(step.hold)}" if step.hold else ""
    return ", ".join(part for part in (amount, hold) if part)


def _lower_first(text: str) -> str:
    """"Contract the muscle" -> "contract the muscle"; leaves "IT band" alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
