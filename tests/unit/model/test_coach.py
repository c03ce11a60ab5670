"""The coach's script: what the follow-along view says and sounds, and when."""

from __future__ import annotations

import re

import pytest

from routines.model.coach import WORDS_PER_SECOND, script, script_text, step_script
from routines.model.post import Breath, Routine, Step
from routines.model.units import spoken_seconds
from tests.scripts import SCRIPTS, routines


@pytest.mark.parametrize("name", sorted(routines()))
def test_each_routine_script_is_its_reviewed_text(name):
    """tests/fixtures/scripts/ holds every routine's script; a change to it is written there (python -m tests.scripts)."""
    assert script_text(routines()[name]) == (SCRIPTS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(routines()))
def test_words_are_said_before_the_next_words_are_due(name):
    """At 150 words a minute no mark runs into the next one: only a step's waited-for opening may run long."""
    for parts in script(routines()[name]):
        for index, part in enumerate(parts):
            spoken = [mark for mark in part.marks if mark.say]
            for mark, later in zip(spoken, spoken[1:] + [None]):
                if index == 0 and mark is part.marks[0]:
                    assert part.wait >= len(mark.say.split()) / WORDS_PER_SECOND
                    continue
                room = (later.at if later else part.segment.seconds) - mark.at
                assert len(mark.say.split()) / WORDS_PER_SECOND <= room, (mark, room)


@pytest.mark.parametrize("name", sorted(routines()))
def test_words_never_abbreviations_or_clock_digits(name):
    """A speech engine is handed "20 seconds" and "2 minutes", never "20 s", "2 min" or "1:30"."""
    for parts in script(routines()[name]):
        for part in parts:
            for mark in part.marks:
                assert not re.search(r"\d\s?(s|min|h)\b|\d:\d\d|\u00a0", mark.say), mark.say


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(1, "1 second"), (20, "20 seconds"), (60, "60 seconds"), (90, "90 seconds"), (120, "2 minutes"),
     (150, "2 minutes 30 seconds"), (3600, "1 hour"), (3690, "1 hour 1 minute 30 seconds")],
)
def test_durations_in_words(seconds, words):
    assert spoken_seconds(seconds) == words


def said(step: Step, number: int = 1, total: int = 1) -> list[str]:
    return [mark.say for part in step_script(step, number, total) for mark in part.marks if mark.say]


def test_a_step_opens_with_its_title_dose_text_and_first_cue():
    """The reader hears which step, what to do and how much, before "Get ready" counts down."""
    step = Step("Massage the calf", "massage", text="Kneel with the **shin** on a [mat](x.md).", cues=("Go slowly", "Breathe"), duration=60)
    words = said(step, 2, 4)
    assert words[0] == "Step 2 of 4. Massage the calf. 60 seconds. Kneel with the shin on a mat. Go slowly. Get ready."
    assert words[1:5] == ["3", "2", "1", "Go."]
    assert "Breathe." in words  # the other cues come during the effort
    assert words[-4:] == ["10 seconds left.", "3", "2", "1"]


def test_reps_are_counted_with_sets_rests_and_sides():
    """Each rep counted, the last one named, holds said, the rest counted down to the next set."""
    step = Step("Chin tucks", "strength", sets=2, reps=3, hold=2, rest=20, each="side", tempo=4)
    words = said(step)
    assert words[4:10] == ["Set 1 of 2, first side. Go. 1", "Hold.", "2", "Hold.", "3, last one", "Hold."]
    assert "Switch sides." in words and "Rest, 20 seconds." in words and "Set 2 of 2, first side. Go. 1" in words
    parts = step_script(step, 1, 1)
    assert [part.end for part in parts if part.segment.kind == "reps"] == ["Stop."] * 4


def test_breath_says_its_phases_cues_rounds_and_last_round():
    """Round 1 with the cues where they fit, then "Round 2 of 3", then "Last round"."""
    breath = Breath(inhale=4, exhale=6, rounds=3, count_seconds=1.5, inhale_cue="Fill the belly", exhale_cue="Let go")
    words = said(Step("Breathe", "breath", breath=breath))
    assert "As you breathe in, fill the belly. As you breathe out, let go." in words[0]
    assert "one and a half seconds a count" in words[0]
    assert words[4:] == [
        "Breathe in. Fill the belly.", "Breathe out. Let go.", "Round 2 of 3. Breathe in.", "Breathe out.",
        "Last round. Breathe in.", "Breathe out.",
    ]


def test_a_hold_says_hold_on_each_side():
    """A stretch held on each side starts each side with "Hold.", not "Go."."""
    words = said(Step("Calf stretch", "stretch", hold=30, each="leg"))
    assert "First leg. Hold." in words and "Second leg. Hold." in words and "Go." not in " ".join(words[1:])


def test_tight_moments_keep_the_count_and_drop_the_rest():
    """At a one-second tempo "Set 1 of 2. Go." gives way to the count itself."""
    words = said(Step("Quick", "strength", sets=2, reps=3, tempo=1))
    assert words[4:7] == ["1", "2", "3"]


def test_the_whole_routine_text_ends_complete():
    text = script_text(Routine(steps=(Step("Lie still", "rest", duration=30),)))
    assert text.splitlines()[0] == "Step 1: Lie still"
    assert "    0:00 [go] Rest." in text and text.endswith("Routine complete. Well done.\n")
