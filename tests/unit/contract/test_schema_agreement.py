"""The JSON Schema and the validator come from one model and give the same verdicts."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml

from routines.contract.fields import post_schema, validate_post
from routines.contract.project import load_project
from tests.posts import BODY, ROOT, post_text
from tests.unit.contract.test_fields import BAD, VALID, FILE

# What only the validator can see: files on disk, the body, the YAML text itself.
BEYOND_JSON_SCHEMA = {
    "local video missing", "local video outside docs", "poster missing", "video_at after the end",
    "routine marker twice", "video marker without video", "routine marker without routine", "routine above more",
    "broken YAML", "tab indentation", "duplicate field", "date in quotes",
    "cue ran on into the next", "field indented too far", "item indented too far", "each a plural", "updated before created", "related link to a missing page",
}


def as_json(value):
    """YAML values as a JSON document has them (dates become ISO strings)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def schema_accepts(schema: dict, front) -> bool:
    data = yaml.safe_load(front) if isinstance(front, str) else front
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    return validator.is_valid(as_json(data))


def test_committed_schema_is_generated_from_the_model():
    """post.schema.json is exactly what `make schema` writes from mkdocs.yml."""
    project = load_project(ROOT / "mkdocs.yml")
    assert json.loads((ROOT / "post.schema.json").read_text()) == post_schema(project.site)
    jsonschema.Draft7Validator.check_schema(post_schema(project.site))


@pytest.mark.parametrize("front", VALID)
def test_both_accept_every_valid_post(site, front):
    """Every valid variation passes the validator and the schema."""
    body = BODY if "routine" in front else "Intro.\n\n<!-- more -->\n"
    assert validate_post(post_text(front, body), FILE, "blog/posts", site)[1] == []
    assert schema_accepts(post_schema(site), front)


@pytest.mark.parametrize(
    ("front", "body"),
    [(case[1], case[2]) for case in BAD if case[0] not in BEYOND_JSON_SCHEMA],
    ids=[case[0] for case in BAD if case[0] not in BEYOND_JSON_SCHEMA],
)
def test_both_refuse_every_bad_post(site, front, body):
    """Every bad front matter the schema can judge, both refuse."""
    assert validate_post(post_text(front, body), FILE, "blog/posts", site)[1] != []
    assert not schema_accepts(post_schema(site), front)
