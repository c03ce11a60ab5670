"""The validator: every field of the authoring contract, good and bad."""

from __future__ import annotations

import datetime as dt

import pytest

from routines.contract.fields import validate_post
from routines.contract.types import Site
from tests.posts import BODY, DROP, authoring_example, knee, post_text

FILE = "docs/blog/posts/knee.md"
KNEE_URL = "https://youtu.be/AbCdEfGhIjK"


def check(text: str, site: Site):
    return validate_post(text, FILE, "blog/posts", site)


def test_the_authoring_example_is_valid(site):
    """The contract's complete example passes as written."""
    post, problems = check(authoring_example(), site)
    assert problems == []
    assert [s.title for s in post.routine.steps] == ["Massage the knee", "Contract and relax", "Knee mobility"]


def test_valid_post_becomes_a_typed_model(site):
    """Durations, timestamps and the video are parsed into typed values."""
    post, problems = check(post_text(knee()), site)
    assert problems == []
    massage, breath, mobility = post.routine.steps
    assert (massage.duration, massage.video_at) == (120, 45)
    assert breath.breath.inhale == 4 and breath.breath.hold == 0 and breath.breath.count_seconds == 1
    assert (mobility.reps, mobility.each, mobility.video_at, mobility.tempo) == (3, "direction", 270, None)
    assert post.video.source.host == "youtube" and post.video.source.id == "AbCdEfGhIjK"
    assert post.routine.all_equipment == ("foam roller", "tennis ball")


VALID = [
        knee(video="https://youtu.be/AbCdEfGhIjK"),
        knee(video="https://www.youtube.com/shorts/AbCdEfGhIjK"),
        knee(video="https://www.youtube-nocookie.com/embed/AbCdEfGhIjK"),
        knee(video="https://vimeo.com/76979871"),
        knee(video="https://player.vimeo.com/video/76979871?h=8f2a1c3b4d"),
        knee(video="knee.mp4"),
        knee(video="/blog/posts/knee.mp4"),
        knee(video={"url": "knee.mp4", "poster": "knee.jpg", "captions": "knee.vtt", "duration": "5:00", "title": "Knee"}),
        knee(**{"routine.steps.1.duration": 90}),
        knee(**{"routine.steps.1.duration": "1:30"}),
        knee(**{"routine.steps.1.duration": "2m30s"}),
        knee(**{"routine.steps.1.duration": "45s"}),
        knee(**{"routine.steps.1.duration": "2 min"}),
        knee(**{"routine.steps.1.duration": "1 minute and 30 seconds"}),
        knee(**{"routine.steps.3.video_at": 185}),
        knee(**{"routine.steps.3.video_at": "1:02:03"}),
        knee(**{"routine.steps.2.breath.hold": 0, "routine.steps.2.breath.count_seconds": 1.5}),
        knee(**{"routine.steps.3.sets": 2, "routine.steps.3.hold": "30s", "routine.steps.3.rest": 20}),
        knee(**{"routine.steps.3.tempo": "4s"}),
        knee(links=[{"NHS on knee pain": "https://www.nhs.uk/conditions/knee-pain/"}, {"More": [{"Guide": "https://example.org/"}]}]),
        knee(routine={"steps": [{"title": "Lie still", "kind": "rest"}]}, video=DROP),
        knee(routine=DROP, video=DROP, series=DROP),
        knee(**{"routine.steps.1.breath": {"inhale": 4, "exhale": 4, "rounds": 3}}),
]


@pytest.mark.parametrize("front", VALID)
def test_valid_variations(site, front):
    """Every accepted form of every field passes."""
    body = BODY if "routine" in front else "Intro.\n\n<!-- more -->\n\nMore.\n"
    assert check(post_text(front, body), site)[1] == []


BAD = [
    # (case, front matter or literal YAML, body, field, words in the message)
    ("no title", knee(title=DROP), BODY, "title", "is required"),
    ("empty title", knee(title="  "), BODY, "title", "must not be empty"),
    ("title is a list", knee(title=["a"]), BODY, "title", "must be text, got a list"),
    ("no date", knee(date=DROP), BODY, "date", "is required"),
    ("date not a date", knee(date="17/01/2024"), BODY, "date", 'must be a date like 2024-01-17, got "17/01/2024"'),
    ("date in quotes", knee(date="2024-01-17"), BODY, "date", 'must be a date like 2024-01-17 without quotes, got "2024-01-17"'),
    ("top-level typo", knee(rotuine={}), BODY, "rotuine", 'unknown field; did you mean "routine"?'),
    ("unknown top-level", knee(mood="calm"), BODY, "mood", "unknown field; allowed: title, slug, date"),
    ("unknown series", knee(series="diy-recovry"), BODY, "series", 'did you mean "diy-recovery"?; known: diy-recovery'),
    ("categories not a list", knee(categories="Knee"), BODY, "categories", "must be a list, like [Knee]"),
    ("category not allowed", knee(categories=["Kne"]), BODY, "categories[1]", 'did you mean "Knee"?; allowed: Knee, Neck'),
    ("draft not a boolean", knee(draft="yes please"), BODY, "draft", "must be true or false"),
    ("video on another host", knee(video="https://example.com/v.mp4"), BODY, "video", '"example.com" is not a supported video host'),
    ("youtube link without id", knee(video="https://www.youtube.com/watch?v=xyz"), BODY, "video", "is not a YouTube video link"),
    ("youtube channel link", knee(video="https://www.youtube.com/@therapists"), BODY, "video", "is not a YouTube video link"),
    ("vimeo link without id", knee(video="https://vimeo.com/channels/staffpicks"), BODY, "video", "is not a Vimeo video link"),
    ("javascript url", knee(video="javascript:alert(1)"), BODY, "video", "not a supported video address"),
    ("local video missing", knee(video="missing.mp4"), BODY, "video", "file not found: docs/blog/posts/missing.mp4"),
    ("local video wrong type", knee(video="knee.avi"), BODY, "video", "must be a video file (.mp4, .webm)"),
    ("local video outside docs", knee(video="../../../etc/x.mp4"), BODY, "video", "must be a file inside docs/"),
    ("video mapping without url", knee(video={"title": "Knee"}), BODY, "video.url", "is required"),
    ("video mapping typo", knee(video={"url": "knee.mp4", "postr": "knee.jpg"}), BODY, "video.postr", 'did you mean "poster"?'),
    ("captions for youtube", knee(video={"url": KNEE_URL, "captions": "knee.vtt"}), BODY, "video.captions", "only for a local video file"),
    ("poster missing", knee(video={"url": "knee.mp4", "poster": "nope.jpg"}), BODY, "video.poster", "file not found: docs/blog/posts/nope.jpg"),
    ("captions not vtt", knee(video={"url": "knee.mp4", "captions": "knee.jpg"}), BODY, "video.captions", "must be a WebVTT captions file (.vtt)"),
    ("video duration bad", knee(video={"url": KNEE_URL, "duration": "long"}), BODY, "video.duration", "must be a duration"),
    ("routine is a list", knee(routine=["a"]), BODY, "routine", "must be a group of title, equipment and steps; got a list"),
    ("routine without steps", knee(routine={"title": "x"}), BODY, "routine.steps", "is required"),
    ("routine with no steps", knee(**{"routine.steps": []}), BODY, "routine.steps", "must have at least one item"),
    ("step field typo", knee(**{"routine.steps.1.knd": "massage", "routine.steps.1.kind": DROP}), BODY, "routine.steps[1].knd", 'unknown field; did you mean "kind"?'),
    ("step kind misspelt", knee(**{"routine.steps.1.kind": "massge"}), BODY, "routine.steps[1].kind", 'must be one of massage, breath, mobility, stretch, strength, rest; got "massge"; did you mean "massage"?'),
    ("step without title", knee(**{"routine.steps.3.title": DROP}), BODY, "routine.steps[3].title", "is required"),
    ("step without kind", knee(**{"routine.steps.3.kind": DROP}), BODY, "routine.steps[3].kind", "is required (one of massage"),
    ("duration in words", knee(**{"routine.steps.1.duration": "two minutes"}), BODY, "routine.steps[1].duration", 'must be a duration: whole seconds (90), "45s", "30 sec", "2 min", "2m30s", "1 minute 30 seconds" or "1:30", got "two minutes"'),
    ("duration zero", knee(**{"routine.steps.1.duration": 0}), BODY, "routine.steps[1].duration", "must be longer than 0 seconds"),
    ("reps zero", knee(**{"routine.steps.3.reps": 0}), BODY, "routine.steps[3].reps", "must be a whole number of reps from 1 to 500, got 0"),
    ("reps in words", knee(**{"routine.steps.3.reps": "three"}), BODY, "routine.steps[3].reps", 'got "three"'),
    ("sets not whole", knee(**{"routine.steps.3.sets": 2.5}), BODY, "routine.steps[3].sets", "must be a whole number of sets from 1 to 100, got 2.5"),
    ("hold negative", knee(**{"routine.steps.3.hold": "-5s"}), BODY, "routine.steps[3].hold", "must be a duration"),
    ("sets as a clinic writes them", knee(**{"routine.steps.3.sets": "2x12"}), BODY, "routine.steps[3].sets", "takes the number of sets only; for 2x12, write sets: 2 and, on the next line, reps: 12"),
    ("each a plural", knee(**{"routine.steps.3.each": "calves"}), BODY, "routine.steps[3].each", 'is a plural; write the one the dose counts per: each: calf (the site says "each calf", "Switch calves")'),
    ("youtube playlist", knee(video="https://www.youtube.com/embed/videoseries?list=PL0123456789"), BODY, "video",
     "is a YouTube playlist, not one video; link the video itself: youtube.com/watch?v=ID"),
    ("related link without a title", knee(links=["https://example.org/guide"]), BODY, "links[1]",
     "a web address needs a title, shown as the link: - 'Title': https://example.org/guide"),
    ("related link to a missing page", knee(links=["blog/posts/nowhere.md"]), BODY, "links[1]",
     "file not found: docs/blog/posts/nowhere.md; related links are paths from docs/"),
    ("related link to a script", knee(links=[{"Click me": "javascript:alert(1)"}]), BODY, 'links[1]."Click me"',
     "javascript: links are not allowed"),
    ("each without a dose", knee(**{"routine.steps.1.each": "side", "routine.steps.1.duration": DROP}), BODY, "routine.steps[1].each",
     "says what the dose is counted per, but the step has no dose; add one of duration, hold, reps, sets, or remove each"),
    ("date mapping typo", knee(date={"created": dt.date(2024, 1, 17), "updatd": dt.date(2024, 2, 1)}), BODY, "date.updatd",
     'unknown date; a post has created and updated; did you mean "updated"?'),
    ("updated before created", knee(date={"created": dt.date(2024, 1, 17), "updated": dt.date(2023, 2, 1)}), BODY, "date.updated",
     "2023-02-01 is before created (2024-01-17); updated is the day of a later change"),
    ("tempo in words", knee(**{"routine.steps.3.tempo": "slow"}), BODY, "routine.steps[3].tempo", 'must be a duration: whole seconds (90), "45s", "30 sec", "2 min", "2m30s", "1 minute 30 seconds" or "1:30", got "slow"'),
    ("rest a boolean", knee(**{"routine.steps.3.rest": True}), BODY, "routine.steps[3].rest", "must be a duration"),
    ("timestamp bad seconds", knee(**{"routine.steps.3.video_at": "4:75"}), BODY, "routine.steps[3].video_at", 'must be a timestamp: seconds (185) or "m:ss" / "h:mm:ss" (3:05), got "4:75"'),
    ("video_at without video", knee(video=DROP), BODY.replace("<!-- video -->", ""), "routine.steps[1].video_at", "the post has no video; add 'video:' or remove video_at"),
    ("video_at after the end", knee(video={"url": KNEE_URL, "duration": "3:00"}), BODY, "routine.steps[3].video_at", "4:30 is after the end of the video (3:00)"),
    ("breath step without pacing", knee(**{"routine.steps.2.breath": DROP}), BODY, "routine.steps[2].kind", "a breath step needs 'breath:' with inhale, exhale and rounds"),
    ("exhale in words", knee(**{"routine.steps.2.breath.exhale": "eight"}), BODY, "routine.steps[2].breath.exhale", 'must be a number of counts > 0 and <= 60, got "eight"'),
    ("inhale zero", knee(**{"routine.steps.2.breath.inhale": 0}), BODY, "routine.steps[2].breath.inhale", "> 0 and <= 60, got 0"),
    ("hold negative counts", knee(**{"routine.steps.2.breath.hold": -1}), BODY, "routine.steps[2].breath.hold", ">= 0 and <= 60, got -1"),
    ("too many rounds", knee(**{"routine.steps.2.breath.rounds": 101}), BODY, "routine.steps[2].breath.rounds", "from 1 to 100, got 101"),
    ("rounds missing", knee(**{"routine.steps.2.breath.rounds": DROP}), BODY, "routine.steps[2].breath.rounds", "is required"),
    ("count seconds zero", knee(**{"routine.steps.2.breath.count_seconds": 0}), BODY, "routine.steps[2].breath.count_seconds", "must be seconds per count > 0"),
    ("breath field typo", knee(**{"routine.steps.2.breath.exale": 8}), BODY, "routine.steps[2].breath.exale", 'did you mean "exhale"?'),
    ("cues not a list", knee(**{"routine.steps.1.cues": "Trace the kneecap"}), BODY, "routine.steps[1].cues", "must be a list"),
    ("empty cue", knee(**{"routine.steps.1.cues": ["ok", ""]}), BODY, "routine.steps[1].cues[2]", "must not be empty"),
    ("equipment item a mapping", knee(**{"routine.equipment": [{"roller": 1}]}), BODY, "routine.equipment[1]", "must be text, got a group of fields"),
    ("text a list", knee(**{"routine.steps.2.text": ["a"]}), BODY, "routine.steps[2].text", "must be text"),
    ("routine marker twice", knee(), BODY + "\n<!-- routine -->\n", "body", "<!-- routine --> appears more than once; keep one"),
    ("video marker without video", knee(video=DROP, routine=DROP), "Intro\n\n<!-- more -->\n\n<!-- video -->\n", "body", "<!-- video --> marks a place, but the post has no 'video:'"),
    ("routine marker without routine", knee(routine=DROP), "Intro\n\n<!-- more -->\n\n<!-- routine -->\n", "body", "the post has no 'routine:'"),
    ("routine above more", knee(), "Intro\n\n<!-- routine -->\n\n<!-- more -->\n", "body", "<!-- routine --> is above <!-- more -->"),
    ("broken YAML", "title: [Knee\ndate: 2024-01-17\n", BODY, "front matter", "is not valid YAML"),
    ("tab indentation", "title: Knee\nroutine:\n\tsteps: []\n", BODY, "front matter", "is not valid YAML"),
    ("front matter is a list", "- title: Knee\n", BODY, "front matter", "must be fields like 'title: ...'"),
    ("cue ran on into the next", "title: Knee\ndate: 2024-01-17\nroutine:\n  steps:\n    - title: Calf raises\n      kind: strength\n      cues:\n        - Rise onto the balls of your feet\n         - Hold at the top\n",
     BODY, "routine.steps[1].cues[1]", 'ran on into this line, so two items read as one ("Rise onto the balls of your feet - Hold at the top"); start this line\'s "-" at column 9, like the "-" above it'),
    ("field indented too far", "title: Knee\ndate: 2024-01-17\nroutine:\n  steps:\n    - title: Calf raises\n      kind: strength\n      sets: 2\n       reps: 12\n",
     BODY, "front matter", "line 9 starts at column 8: line it up with the field above it, at column 7"),
    ("item indented too far", "title: Knee\ndate: 2024-01-17\nroutine:\n  steps:\n    - title: Calf raises\n      kind: strength\n     - title: Wall stretch\n      kind: stretch\n",
     BODY, "front matter", "line 8 starts at column 6: line it up with the item above it, at column 5"),
    ("duplicate field", "title: Knee\ndate: 2024-01-17\ntitle: Again\n", BODY, "title", "appears twice; keep one"),
]


@pytest.mark.parametrize(("front", "body", "field", "words"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_input_names_file_field_and_fix(site, front, body, field, words):
    """Each mistake gives a line naming the file, the field and what is wrong."""
    _, problems = check(post_text(front, body), site)
    lines = [str(p) for p in problems]
    matching = [p for p in problems if p.field == field and words in p.message]
    assert matching, f"no problem at {field!r} saying {words!r}; got {lines}"
    assert str(matching[0]).startswith(f"{FILE}:") and "\n" not in str(matching[0])


def test_at_least_thirty_bad_inputs():
    """The table covers the contract broadly."""
    assert len(BAD) >= 30


def test_all_problems_of_a_post_in_one_run(site):
    """Three mistakes give three lines, not one at a time."""
    front = knee(title=DROP, series="nope", **{"routine.steps.2.breath.exhale": "eight"})
    _, problems = check(post_text(front), site)
    assert [p.field for p in problems] == ["title", "series", "routine.steps[2].breath.exhale"]


def test_problem_lines_point_at_the_yaml_line(site):
    """The line number is the file line of the field (front matter starts on line 2)."""
    text = (
        "---\n"
        "title: Knee\n"
        "date: 2024-01-17\n"
        "routine:\n"
        "  steps:\n"
        "    - title: Massage\n"
        "      knd: massage\n"
        "    - title: Breathe\n"
        "      kind: breath\n"
        "      breath: {inhale: 4, exhale: eight, rounds: 6}\n"
        "---\n\nBody\n"
    )
    _, problems = check(text, site)
    assert [str(p) for p in problems] == [
        f'{FILE}:7: routine.steps[1].knd: unknown field; did you mean "kind"?',
        f'{FILE}:10: routine.steps[2].breath.exhale: must be a number of counts > 0 and <= 60, got "eight"',
    ]


def test_broken_yaml_names_its_line(site):
    """MkDocs would drop this front matter silently; we name the line."""
    text = "---\ntitle: Knee\ndate: 2024-01-17\nroutine:\n  steps:\n    - title: x: y\n---\n\nBody\n"
    _, problems = check(text, site)
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"{FILE}:6: front matter: is not valid YAML (mapping values are not allowed in this context)")


def test_unclosed_front_matter(site):
    """A missing closing '---' is reported rather than turning into prose."""
    _, problems = check("---\ntitle: Knee\n\nBody\n", site)
    assert [str(p) for p in problems] == [f"{FILE}:1: front matter: has no closing '---' line"]


def test_markers_in_code_blocks_are_ignored(site):
    """A marker shown in a code example is not a marker."""
    body = BODY + "\n```html\n<!-- routine -->\n```\n"
    assert check(post_text(knee(), body), site)[1] == []


def test_post_without_front_matter(site):
    """A post with no front matter at all is told what it needs."""
    _, problems = check("Just prose.\n", site)
    assert [(p.field, p.message[:11]) for p in problems] == [("title", "is required"), ("date", "is required")]
