"""Step cards rendered from models through the theme's partials."""

from __future__ import annotations

from pathlib import Path

import json

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.theme import Theme

from routines.contract.fields import validate_post
from routines.model.post import Breath, Routine, Step
from routines.rendering.blocks import place_block, render_routine, routine_view
from routines.contract.types import Site
from tests.posts import ROOT, authoring_example

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def env():
    """The Jinja environment of the theme, with this site's overrides."""
    return Theme(name="material", custom_dir=str(ROOT / "overrides")).get_env()


def render(env, routine: Routine) -> BeautifulSoup:
    html = render_routine(env, routine_view(routine, lambda text: markdown.markdown(text)))
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def knee(env, tmp_path_factory):
    post, problems = validate_post(authoring_example(), "knee.md", "blog/posts", Site(str(tmp_path_factory.mktemp("d")), ("diy-recovery",)))
    assert problems == []
    return render(env, post.routine)


def test_routine_block_has_title_time_and_all_equipment(knee):
    """The routine shows its title, the estimate and the union of equipment."""
    block = knee.select_one("section#routine")
    assert block.select_one("h2").get_text(strip=True) == "Knee reset"
    facts = {dt.get_text(strip=True): dd.get_text(strip=True) for dt, dd in zip(block.select("dt"), block.select("dd"))}
    assert facts == {"Time": f"about 4{NBSP}min", "Steps": "3", "Equipment": "foam roller, tennis ball"}


def test_one_card_per_step_with_number_title_kind_and_dose(knee):
    """Each step is a card with id step-N, its title, kind icon and dose."""
    cards = knee.select("ol.routine__steps > li.routine-step")
    assert [c["id"] for c in cards] == ["step-1", "step-2", "step-3"]
    assert [c.select_one(".routine-step__number").get_text() for c in cards] == ["1", "2", "3"]
    assert [c.select_one("h3").get_text(" ", strip=True) for c in cards] == [
        "Step 1: Massage the knee", "Step 2: Contract and relax", "Step 3: Knee mobility",
    ]
    assert [c.select_one(".routine-step__kind").get_text(strip=True) for c in cards] == ["Massage", "Breath", "Mobility"]
    assert all(c.select_one(".routine-step__icon svg") for c in cards)
    assert [c.select_one(".routine-step__dose").get_text() for c in cards] == [
        f"2{NBSP}min", "6 rounds: in 4, out 8", "3 reps each direction",
    ]


def test_cues_equipment_and_markdown_text(knee):
    """Cues are a list; step equipment is named; text is rendered Markdown."""
    massage, breath, _ = knee.select("li.routine-step")
    assert [li.get_text() for li in massage.select(".routine-step__cues li")][0] == "Trace around the kneecap with your fingertips"
    assert breath.select_one(".routine-step__equipment").get_text(" ", strip=True) == "Equipment: foam roller"
    assert breath.select_one(".routine-step__text p").get_text().startswith("Side-lying with the roller")


def test_breath_step_carries_a_timer_with_the_contract_attributes(knee):
    """A breath step has <breath-timer> with every attribute and readable fallback."""
    timer = knee.select_one("#step-2 breath-timer")
    attrs = {k: timer[k] for k in ("inhale", "hold", "exhale", "hold-out", "rounds", "count-seconds", "inhale-cue", "exhale-cue")}
    assert attrs == {
        "inhale": "4", "hold": "0", "exhale": "8", "hold-out": "0", "rounds": "6", "count-seconds": "1",
        "inhale-cue": "Contract the muscle on the roller", "exhale-cue": "Relax and let it melt into the roller",
    }
    assert timer.get_text(" ", strip=True) == (
        "Breathe in for 4 counts as you contract the muscle on the roller. "
        "Breathe out for 8 counts as you relax and let it melt into the roller. "
        f"Repeat for 6 rounds (72{NBSP}s)."
    )
    assert len(knee.select("breath-timer")) == 1


def test_plain_strings_are_escaped(env):
    """Markup in titles, cues and equipment shows as text, never as HTML."""
    payload = '<img src=x onerror="alert(1)">&'
    routine = Routine(
        title=payload,
        equipment=(payload,),
        steps=(Step(title=payload, kind="breath", cues=(payload,), breath=Breath(4, 8, 6, inhale_cue=payload, exhale_cue='"quoted"')),),
    )
    soup = render(env, routine)
    assert soup.select("img") == []
    assert soup.select_one("h2").get_text() == payload
    assert soup.select_one(".routine-step__cues li").get_text() == payload
    assert soup.select_one("breath-timer")["inhale-cue"] == payload
    assert soup.select_one("breath-timer")["exhale-cue"] == '"quoted"'
    assert soup.select_one("dialog h2").get_text() == payload
    data = json.loads(soup.select_one("follow-along")["data-routine"])
    assert data["steps"][0]["cues"] == [payload] and data["title"] == payload


def test_follow_along_runs_the_cards_own_words(knee):
    """The view's data says what the cards say: titles, doses, cues, equipment, pacing and the estimate."""
    data = json.loads(knee.select_one("follow-along")["data-routine"])
    cards = knee.select(".routine-step")
    assert [s["title"] for s in data["steps"]] == [c.select_one(".routine-step__title").get_text().split(": ", 1)[1].strip() for c in cards]
    doses = [c.select_one(".routine-step__dose").get_text() for c in cards]
    assert [s["dose"] for s in data["steps"]] == [dose[:1].upper() + dose[1:] for dose in doses]  # a line of its own in the view
    assert data["estimate"] == knee.select_one(".routine__fact dd").get_text() == f"about 4{NBSP}min"
    assert data["steps"][0]["cues"][0] == cards[0].select_one(".routine-step__cues li").get_text()
    assert data["steps"][1]["equipment"] == "foam roller"
    assert data["steps"][1]["video_at"] == 130
    timer = cards[1].select_one("breath-timer")
    assert {k: str(v) for k, v in data["steps"][1]["breath"].items() if v != ""} == {
        k: v for k, v in timer.attrs.items() if k != "class"
    }
    assert [(p["kind"], p["seconds"], p["label"]) for p in data["steps"][1]["plan"]] == [("ready", 5, "Get ready"), ("breath", 72, "")]
    ready = data["steps"][1]["plan"][0]
    assert ready["marks"][0][1].startswith("Step 2 of 3. Contract and relax. 6 rounds: breathe in for 4, breathe out for 8.")
    assert ready["wait"] > 0 and data["finish"] == "Routine complete. Well done."
    assert knee.select_one("dialog")["aria-labelledby"] == knee.select_one("dialog h2")["id"]
    assert knee.select_one("follow-along button").get_text(strip=True) == "Start routine"


def test_defaults_for_a_minimal_routine(env):
    """No title, no equipment, no dose: a sensible heading and no empty parts."""
    soup = render(env, Routine(steps=(Step(title="Lie still", kind="rest"),)))
    assert soup.select_one("h2").get_text() == "The routine"
    assert [dt.get_text() for dt in soup.select("dt")] == ["Time", "Steps"]
    assert soup.select(".routine-step__dose, .routine-step__cues, .routine-step__text, breath-timer") == []
    assert soup.select_one(".routine-step__kind").get_text(strip=True) == "Rest"


@pytest.mark.parametrize(
    ("html", "placed"),
    [
        ("<p>a</p>\n<!-- routine -->\n<p>b</p>", "<p>a</p>\n[R]\n<p>b</p>"),
        ("<p>a</p>", "<p>a</p>[R]"),
        ("<p>a</p>\n<!--routine-->\n<p>b</p>", "<p>a</p>\n[R]\n<p>b</p>"),
        ("<p>a <!-- routine --> b</p>", "<p>a <!-- routine --> b</p>[R]"),
        ("<pre><code>&lt;!-- routine --&gt;\n</code></pre>", "<pre><code>&lt;!-- routine --&gt;\n</code></pre>[R]"),
        ("<pre>&lt;!-- routine --&gt;</pre>", "<pre>&lt;!-- routine --&gt;</pre>[R]"),
    ],
)
def test_placement_at_the_marker_or_at_the_end(html, placed):
    """Cards go where <!-- routine --> stands, else after the article body."""
    assert place_block(html, "routine", "[R]") == placed
