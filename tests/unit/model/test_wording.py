"""What a step asks of the reader in plain words, how long it takes, and the plan the follow-along view runs."""

from __future__ import annotations

import pytest

from routines.model.post import Breath, Routine, Step
from routines.model.wording import READY_SECONDS, breath_dose, breath_instructions, dose, plan, routine_line, routine_seconds, step_seconds

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"reps": 3, "each": "direction"}, "3 reps each direction"),
        ({"sets": 2, "reps": 8, "rest": 20}, "2 sets of 8 reps, 20 s rest"),
        ({"hold": 30, "each": "side"}, "hold 30 s each side"),
        ({"sets": 2, "reps": 8, "hold": 3}, "2 sets of 8 reps, hold 3 s on each rep"),
        ({"sets": 1, "reps": 1}, "1 set of 1 rep"),
        ({"duration": 120}, "2 min"),
        ({"duration": 60, "each": "side"}, "60 s each side"),
        ({"duration": 150, "each": "calf"}, "2 min 30 s each calf"),
        ({"reps": 5, "duration": 90}, "5 reps, 90 s in all"),
        ({"breath": Breath(inhale=4, exhale=8, rounds=6)}, "6 rounds: in 4, out 8"),
        ({"breath": Breath(inhale=4, hold=2, exhale=6, hold_out=2, rounds=1, count_seconds=1.5)}, "1 round: in 4, hold 2, out 6, hold 2 (1.5 s a count)"),
        ({}, ""),
    ],
)
def test_dose_in_plain_words(fields, words):
    """The dose reads as a therapist would say it."""
    step = Step(title="x", kind="breath" if "breath" in fields else "mobility", **fields)
    assert dose(step).replace(NBSP, " ") == words


def test_breath_instructions_read_without_a_timer():
    """The fallback is complete instructions: phases with cues, rounds and time."""
    breath = Breath(inhale=4, exhale=8, rounds=6, inhale_cue="Contract the muscle", exhale_cue="Relax into the roller")
    assert breath_instructions(breath) == [
        "Breathe in for 4 counts as you contract the muscle.",
        "Breathe out for 8 counts as you relax into the roller.",
        f"Repeat for 6 rounds (72{NBSP}s).",
    ]
    box = Breath(inhale=4, hold=4, exhale=4, hold_out=4, rounds=1, count_seconds=1.5, inhale_cue="IT band up")
    assert breath_instructions(box) == [
        "Breathe in for 4 counts as you IT band up.",
        "Hold for 4 counts.",
        "Breathe out for 4 counts.",
        "Hold for 4 counts.",
        f"Repeat for 1 round (24{NBSP}s).",
        "Each count lasts 1.5 seconds.",
    ]
    assert breath_dose(box).startswith("1 round: in 4, hold 4, out 4, hold 4")


@pytest.mark.parametrize(
    ("fields", "seconds"),
    [
        ({"duration": 120}, 120),
        ({"duration": 60, "each": "side"}, 120),
        ({"hold": 15, "each": "side", "sets": 2, "rest": 10}, 70),
        ({"sets": 2, "reps": 8, "hold": 3}, 128),
        ({"sets": 2, "reps": 8, "hold": 3, "tempo": 2}, 80),
        ({"reps": 3, "each": "direction"}, 30),
        ({"sets": 2, "reps": 8, "rest": 20}, 100),
        ({"hold": 30, "each": "side"}, 60),
        ({"breath": Breath(inhale=4, exhale=8, rounds=6)}, 72),
        ({"breath": Breath(inhale=4, exhale=8, rounds=6), "duration": 100}, 100),
        ({}, 60),
    ],
)
def test_step_time_estimates(fields, seconds):
    """A step's time comes from its duration, else its breathing and dose."""
    assert step_seconds(Step(title="x", kind="rest", **fields)) == seconds


def test_routine_time_adds_up_steps_and_equipment_is_a_union():
    """The routine's estimate sums its steps; equipment merges without repeats."""
    routine = Routine(
        steps=(Step("a", "massage", duration=120, equipment=("Tennis ball",)), Step("b", "mobility", reps=3, equipment=("mat",))),
        equipment=("foam roller", "tennis ball"),
    )
    assert routine_seconds(routine) == 135
    assert routine.all_equipment == ("foam roller", "tennis ball", "mat")


def shape(step: Step) -> list[tuple]:
    return [(s.kind, s.seconds, s.label) + ((s.reps, s.rep, s.hold) if s.kind == "reps" else ()) for s in plan(step)]


@pytest.mark.parametrize(
    ("fields", "segments"),
    [
        ({"duration": 120}, [("ready", 5, "Get ready"), ("time", 120, "")]),
        (
            {"duration": 60, "each": "side"},
            [("ready", 5, "Get ready"), ("time", 60, "First side"), ("switch", 5, "Switch sides"), ("time", 60, "Second side")],
        ),
        (
            {"hold": 30, "sets": 2, "each": "leg", "rest": 10},
            [
                ("ready", 5, "Get ready"), ("time", 30, "Set 1 of 2: First leg"), ("switch", 5, "Switch legs"),
                ("time", 30, "Set 1 of 2: Second leg"), ("rest", 10, "Rest"), ("time", 30, "Set 2 of 2: First leg"),
                ("switch", 5, "Switch legs"), ("time", 30, "Set 2 of 2: Second leg"),
            ],
        ),
        ({"hold": 20, "sets": 2}, [("ready", 5, "Get ready"), ("time", 20, "Set 1 of 2: Hold"), ("ready", 5, "Get ready"), ("time", 20, "Set 2 of 2: Hold")]),
        (
            {"sets": 2, "reps": 8, "rest": 20},
            [("ready", 5, "Get ready"), ("reps", 40, "Set 1 of 2", 8, 5, 0), ("rest", 20, "Rest"), ("reps", 40, "Set 2 of 2", 8, 5, 0)],
        ),
        (
            {"sets": 2, "reps": 8, "hold": 3, "each": "side", "tempo": 2},
            [
                ("ready", 5, "Get ready"), ("reps", 40, "Set 1 of 2: First side", 8, 2, 3), ("switch", 5, "Switch sides"),
                ("reps", 40, "Set 1 of 2: Second side", 8, 2, 3), ("ready", 5, "Get ready"), ("reps", 40, "Set 2 of 2: First side", 8, 2, 3),
                ("switch", 5, "Switch sides"), ("reps", 40, "Set 2 of 2: Second side", 8, 2, 3),
            ],
        ),
        (
            {"reps": 3, "each": "direction"},
            [("ready", 5, "Get ready"), ("reps", 15, "First direction", 3, 5, 0), ("switch", 5, "Switch directions"), ("reps", 15, "Second direction", 3, 5, 0)],
        ),
        ({"breath": Breath(inhale=4, exhale=8, rounds=6)}, [("ready", 5, "Get ready"), ("breath", 72, "")]),
        ({"breath": Breath(inhale=4, exhale=4, rounds=2), "reps": 5}, [("ready", 5, "Get ready"), ("breath", 16, ""), ("ready", 5, "Get ready"), ("reps", 25, "", 5, 5, 0)]),
        ({}, [("ready", 5, "Get ready"), ("time", 60, "At your own pace")]),
        ({"breath": Breath(inhale=4, exhale=8, rounds=6), "duration": 100}, [("ready", 5, "Get ready"), ("breath", 72, ""), ("time", 28, "Keep going")]),
    ],
)
def test_each_step_kind_runs_as_a_plan(fields, segments):
    """What the follow-along view counts down, step shape by step shape: reps at the kind's tempo, the hold on top."""
    assert shape(Step(title="x", kind="rest", **fields)) == segments


@pytest.mark.parametrize(("each", "switch"), [("side", "Switch sides"), ("calf", "Switch calves"), ("foot", "Switch feet"), ("direction", "Switch directions")])
def test_switching_says_the_authors_word_in_its_plural(each, switch):
    """`each` takes any word the author means; the switch between them is good English."""
    assert plan(Step(title="x", kind="stretch", hold=30, each=each))[2].label == switch


@pytest.mark.parametrize(
    "fields",
    [{"duration": 90, "each": "side"}, {"sets": 3, "reps": 10, "rest": 30}, {"hold": 20, "each": "side", "sets": 2, "rest": 15},
     {"breath": Breath(inhale=4, hold=2, exhale=6, hold_out=2, rounds=5, count_seconds=1.5)}, {}],
)
def test_estimate_is_the_plan_without_the_views_own_countdowns(fields):
    """The "about N min" and the view add up the same segments: lead-ins and switches aside."""
    step = Step(title="x", kind="rest", **fields)
    gaps = sum(s.seconds for s in plan(step) if s.kind in ("ready", "switch"))
    assert step_seconds(step) == sum(s.seconds for s in plan(step)) - gaps
    assert all(s.seconds == READY_SECONDS for s in plan(step) if s.kind in ("ready", "switch"))


def test_a_routine_in_one_line_leaves_out_what_it_does_not_have():
    assert routine_line(3, "about 4\u00a0min", ("foam roller", "ball")) == "3 steps · about 4\u00a0min · foam roller, ball"
    assert routine_line(1, "under 1\u00a0min", ()) == "1 step · under 1\u00a0min"
