"""Reading front matter: every field's line, values as written, and a problem (never a crash) for what does not parse."""

from __future__ import annotations

from routines.contract.frontmatter import MAX_CHARS, read_front_matter


def test_fields_keep_their_lines_and_the_body_its_start():
    front = read_front_matter("---\ntitle: Knee\nroutine:\n  steps:\n    - title: Roll\n---\n\nBody\n")
    assert front.data["title"] == "Knee" and front.body == "\nBody\n" and front.body_line == 7
    assert front.line_of(("routine", "steps", 0, "title")) == 5
    assert front.line_of(("routine", "steps", 0, "nothing")) == 5  # its nearest parent's


def test_values_yaml_turns_into_something_else_are_remembered_as_written():
    front = read_front_matter("---\ntitle: no\nrounds: 1e3\n---\n")
    assert front.data["title"] is False and front.written[("title",)] == "no"


def test_broken_yaml_is_a_problem_with_its_line():
    front = read_front_matter("---\ntitle: Knee\nroutine: [unclosed\n---\n")
    assert front.data == {} and front.errors and front.errors[0][0] in (3, 4)


def test_an_unclosed_or_oversized_front_matter_is_a_problem():
    assert read_front_matter("---\ntitle: Knee\n").errors == [(1, "front matter", "has no closing '---' line")]
    huge = read_front_matter("---\ntitle: " + "x" * (MAX_CHARS + 1) + "\n---\n")
    assert huge.data == {} and "characters long" in huge.errors[0][2]
