"""The editor's form is generated from the contract's model and says what the validator says."""

from __future__ import annotations

import re

import pytest
import yaml

from routines.__main__ import CMS_CONFIG, editor_config
from routines.contract.cms import github_repo, render
from routines.contract.fields import MATERIAL_FIELDS, POST, STEP
from routines.contract.project import load_project
from routines.contract.types import ListOf, Record
from routines.model.post import KINDS
from tests.posts import ROOT


@pytest.fixture(scope="module")
def form():
    return editor_config(load_project(ROOT / "mkdocs.yml"))


def posts(config: dict) -> dict:
    return config["collections"][0]


def widgets(config: dict) -> dict:
    return {field["name"]: field for field in posts(config)["fields"]}


def step_types(config: dict) -> dict:
    steps = {f["name"]: f for f in widgets(config)["routine"]["fields"]}["steps"]
    return {kind["name"]: {f["name"]: f for f in kind["fields"]} for kind in steps["types"]}


def test_committed_config_is_generated_from_the_model(form):
    """admin/config.yml is exactly what `make schema` writes from the contract and mkdocs.yml."""
    assert (ROOT / CMS_CONFIG).read_text(encoding="utf-8") == render(form)
    assert yaml.safe_load(render(form)) == form


def test_every_field_of_the_contract_is_in_the_form(form):
    """Each field of the post, the routine and every kind of step has a widget, in the contract's order.

    What the contract requires is required, but inside a group the post may
    leave out (a routine's steps): the form would refuse a post without it.
    """

    def check(record: Record, fields: list[dict], where: str, optional: bool = False) -> None:
        expected = [spec.name for spec in record.fields if spec not in MATERIAL_FIELDS]
        assert [f["name"] for f in fields if f["name"] != "body"] == expected, where
        for spec in record.fields:
            found = next((f for f in fields if f["name"] == spec.name), None)
            if found is None:
                continue
            assert found["required"] == (spec.required and not optional), f"{where}.{spec.name}"
            if spec.help:
                assert spec.help.lower() in found["hint"].lower(), f"{where}.{spec.name}"
            if isinstance(spec.type, Record):
                check(spec.type, found["fields"], f"{where}.{spec.name}", optional or not spec.required)

    check(POST, posts(form)["fields"], "post")
    for kind, fields in step_types(form).items():
        names = [spec.name for spec in STEP.fields if spec.name != "kind" and (spec.name != "breath" or kind == "breath")]
        assert list(fields) == names, kind
        assert fields["title"]["required"] is True


def test_steps_follow_their_kind(form):
    """A breath step asks for inhale, exhale and rounds (required); a stretch for hold, sets and each."""
    types = step_types(form)
    assert list(types) == list(KINDS)
    breath = types["breath"]["breath"]
    assert breath["required"] is True
    assert {"inhale", "exhale", "rounds"} <= {f["name"] for f in breath["fields"] if f["required"]}
    assert {"hold", "sets", "each"} <= set(types["stretch"])
    assert "breath" not in types["stretch"]


def test_choices_come_from_the_site(form):
    """Categories from categories_allowed, series from extra.series."""
    project = load_project(ROOT / "mkdocs.yml")
    assert widgets(form)["categories"]["options"] == list(project.site.categories)
    assert widgets(form)["series"]["options"] == list(project.site.series)


@pytest.mark.parametrize(
    ("path", "good", "bad"),
    [
        (("routine", "steps", "breath", "breath", "exhale"), ["8", "4.5"], ["eight", "-1", ""]),
        (("routine", "steps", "stretch", "hold"), ["30s", "2m30s", "1:30", "90"], ["half a minute", "1:75"]),
        (("routine", "steps", "massage", "video_at"), ["2:10", "130", "1:02:03"], ["2m", "later"]),
        (("routine", "steps", "mobility", "reps"), ["3"], ["3.5", "three"]),
    ],
)
def test_patterns_take_what_the_contract_takes(form, path, good, bad):
    """Counts, durations and timestamps are checked by the contract's own pattern, with its examples as the hint."""
    routine = {f["name"]: f for f in widgets(form)["routine"]["fields"]}
    field = step_types(form)[path[2]][path[3]]
    for name in path[4:]:
        field = {f["name"]: f for f in field["fields"]}[name]
    pattern, message = field["pattern"]
    assert routine["steps"]["typeKey"] == "kind"
    assert all(re.search(pattern, value) for value in good)
    assert not any(re.search(pattern, value) for value in bad if value)
    assert message.startswith("must be") and field["hint"]


def test_a_new_post_starts_from_make_post(form):
    """The form's defaults are the skeleton `make post` writes: no title or slug yet, and today's date."""
    fields = widgets(form)
    steps = {f["name"]: f for f in fields["routine"]["fields"]}["steps"]
    assert fields["draft"]["default"] is True
    assert [step["kind"] for step in steps["default"]] == ["massage", "breath", "mobility", "stretch", "strength"]
    assert "<!-- more -->" in fields["body"]["default"] and "<!-- routine -->" in fields["body"]["default"]
    assert "default" not in fields["title"] and "default" not in fields["slug"]
    assert fields["date"]["default"] == "{{now}}"


@pytest.mark.parametrize(
    ("url", "repo"),
    [("https://github.com/practice/site", "practice/site"), ("https://github.com/practice/site.git", "practice/site"), ("https://gitlab.com/a/b", ""), ("", "")],
)
def test_github_repo(url, repo):
    assert github_repo(url) == repo


def test_lists_of_text_are_lists(form):
    """Equipment and cues are lists of lines, one widget per line."""
    for name in ("equipment", "cues"):
        spec = next(s for s in STEP.fields if s.name == name)
        assert isinstance(spec.type, ListOf)
        assert step_types(form)["massage"][name]["widget"] == "list"
