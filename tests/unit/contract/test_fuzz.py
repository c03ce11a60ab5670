"""Whatever YAML value lands in whatever field: a valid post or clean problems, never a crash."""

from __future__ import annotations

import tempfile
import tracemalloc

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from routines.contract.fields import validate_post
from routines.contract.types import Site
from tests.posts import BODY, knee, post_text

SITE = Site(docs_dir=tempfile.mkdtemp(), series=("diy-recovery",), categories=("Knee", "Neck"))

STEP_FIELDS = ("title", "kind", "text", "cues", "equipment", "duration", "sets", "reps", "hold", "rest", "tempo", "each", "video_at", "breath", "bogus")
BREATH_FIELDS = ("inhale", "hold", "exhale", "hold_out", "rounds", "count_seconds", "inhale_cue", "exhale_cue", "bogus")
PATHS = (
    [f"routine.steps.{n}.{f}" for n in (1, 2, 3) for f in STEP_FIELDS]
    + [f"routine.steps.2.breath.{f}" for f in BREATH_FIELDS]
    + ["routine", "routine.steps", "routine.steps.1", "routine.title", "routine.equipment", "routine.equipment.1"]
    + ["title", "date", "description", "categories", "series", "video", "draft", "tags", "routine.steps.2.breath", "bogus"]
)

scalars = (
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30) | st.dates() | st.sampled_from(["2m", "1:30", "0:45", "massage", "breath", "4:75", "-1", "1e9"])
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3), max_leaves=10)


def outcome(text: str) -> None:
    post, problems = validate_post(text, "docs/blog/posts/fuzz.md", "blog/posts", SITE)
    assert (post is None) == bool(problems)
    for problem in problems:
        line = str(problem)
        assert line.startswith("docs/blog/posts/fuzz.md") and "\n" not in line and problem.message


@settings(max_examples=400, deadline=None)
@given(path=st.sampled_from(PATHS), value=values)
def test_any_value_in_any_field(path, value):
    """Each field of the routine takes any YAML value without a traceback."""
    outcome(post_text(yaml.safe_dump(knee(**{path: value}), allow_unicode=True, sort_keys=False), BODY))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_as_front_matter(text):
    """Even text that is not YAML at all yields clean problems."""
    outcome(f"---\n{text}\n---\n\nBody\n")


# YAML's own structure: anchors, aliases (to nothing, to themselves, many
# times over), merge keys, and keys that are not text.
RISKY = ["x", "2m", "1:30", "12:30", "no", "yes", "on", "~", ".nan", "-.inf", "017", "2024-02-30", "2024-01-17", "1e3", "'q'", "\"\""]
KEYS = ["title", "kind", "duration", "hold", "each", "cues", "steps", "breath", "inhale", "<<", "1", "yes", "~", "2024-01-01", "1.5"]
ALIASES = ["*a0", "*a1", "*a2"]
ANCHORS = ["", "", "&a0 ", "&a1 ", "&a2 "]


def _collection(children):
    sequence = st.lists(children, max_size=5).map(lambda items: "[" + ", ".join(items) + "]")
    mapping = st.lists(st.tuples(st.sampled_from(KEYS), children), max_size=5).map(
        lambda pairs: "{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"
    )
    return st.tuples(st.sampled_from(ANCHORS), sequence | mapping).map("".join)


yaml_trees = st.recursive(st.sampled_from(RISKY + ALIASES), _collection, max_leaves=40)


@settings(max_examples=300, deadline=5000)
@given(anchors=yaml_trees, step=yaml_trees, breath=yaml_trees)
def test_aliases_merge_keys_and_odd_keys(anchors, step, breath):
    """Any shape of anchors, aliases, merge keys and non-text keys: clean problems, in bounded memory."""
    text = (
        "---\ntitle: T\ndate: 2024-01-17\n"
        f"x-shared: {anchors}\n"
        f"routine:\n  steps:\n    - {step}\n    - {{<<: {breath}, title: B, kind: breath, breath: {breath}}}\n"
        "---\n\nBody\n"
    )
    tracemalloc.start()
    try:
        outcome(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20, f"{peak / 2**20:.0f} MiB for {len(text)} characters"
