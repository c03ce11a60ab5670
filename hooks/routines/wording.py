"""What a step asks of the reader, in plain words, and how long it takes."""

from __future__ import annotations

from .model import Breath, Routine, Step
from .units import count, plural, words_for_seconds

# One unhurried rep with no hold, and a step that gives no dose at all: the
# figures a therapist would pencil in when planning a session.
REP_SECONDS = 5
UNDOSED_STEP_SECONDS = 60


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


def step_seconds(step: Step) -> float:
    """Estimated time of one step: its duration, else its breathing and its dose."""
    if step.duration:
        return step.duration
    sides = 2 if step.each else 1
    seconds = 0.0
    if step.breath:
        seconds += step.breath.total_seconds
    if step.sets or step.reps or step.hold:
        sets, reps = step.sets or 1, step.reps or 1
        seconds += sets * reps * (step.hold or REP_SECONDS) * sides
        seconds += (sets - 1) * (step.rest or 0)
    return seconds or UNDOSED_STEP_SECONDS


def routine_seconds(routine: Routine) -> float:
    """Estimated time of the whole routine."""
    return sum(step_seconds(step) for step in routine.steps)


def _lower_first(text: str) -> str:
    """"Contract the muscle" -> "contract the muscle"; leaves "IT band" alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
