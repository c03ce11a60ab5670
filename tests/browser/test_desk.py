"""The authors' desk (`make write`) in a real Chromium: the form writes posts the site builds, as written by hand."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from routines.contract.fields import validate_post
from routines.contract.project import load_project
from tests.dev_server import WriteDesk, wait_for
from tests.sites import ROOT, make_site

KNEE = "docs/blog/posts/knee-pain-self-massage-stretch.md"
EDITOR_SIZE = {"width": 1400, "height": 900}
# A list's items, and the button that removes one (the last of its top bar).
STEP_ITEMS = "[id^='steps-field-'] > div > [class*='-ListItem']"
REMOVE_STEP = f"{STEP_ITEMS} > [class*='ListItemTopBar'] > button:last-of-type"


def desk_site(root: Path) -> Path:
    """A copy of this site, with the editor and the npm packages `make write` runs."""
    make_site(root)
    for name in ("admin", "node_modules"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    return root


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """`make write`'s command over a copy of this site in a temp folder."""
    with WriteDesk(desk_site(tmp_path_factory.mktemp("desk-site")), tmp_path_factory.mktemp("desk-scratch")) as running:
        yield running


def editor(new_page, desk: WriteDesk, route: str):
    """The editor, logged in to the local server, at a route of its own (`#/collections/posts/new`)."""
    page = new_page(viewport=EDITOR_SIZE)
    page.goto(desk.editor)
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Posts").first.wait_for()
    page.goto(desk.editor + route)
    page.locator("[id^='steps-field-']").wait_for()
    return page


def preview(page):
    """The preview pane's document."""
    return page.frame_locator("iframe").first


def field(page, name: str):
    """The last input of a field by name (the newest step's, for a step's fields)."""
    return page.locator(f"input[id^='{name}-field-']").last


def publish(page) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()


def saved(path: Path, before: str, ending: str) -> str:
    """The post's text once the save has written all of it (the CMS's server truncates, then writes)."""
    def written() -> bool:
        text = path.read_text(encoding="utf-8") if path.exists() else before
        return text != before and text.endswith(ending)

    wait_for(written, what=f"{path.name} saved")
    return path.read_text(encoding="utf-8")


def check(root: Path) -> subprocess.CompletedProcess:
    """`make check` in the site's folder."""
    env = {**os.environ, "PYTHONPATH": str(root / "hooks")}
    return subprocess.run([sys.executable, "-m", "routines", "check"], cwd=root, env=env, capture_output=True, text=True, timeout=120)


def add_step(page, kind: str, title: str, **dose: str) -> None:
    page.get_by_role("button", name="Add steps").click()
    page.get_by_text(kind, exact=True).last.click()
    field(page, "title").fill(title)
    for name, value in dose.items():
        field(page, name).fill(value)


def test_a_post_written_in_the_form_passes_check_and_shows_three_cards(new_page, desk):
    """A new post with a breath, a stretch each side and a reps step: saved as by hand, checked, built with three cards."""
    page = editor(new_page, desk, "#/collections/posts/new")
    assert page.locator(STEP_ITEMS).count() == 5  # what `make post` starts a post with
    page.locator("input[id^='title-field-']").first.fill("Tight Hips? Try This Floor Routine")
    while page.locator(REMOVE_STEP).count():
        page.locator(REMOVE_STEP).first.click()
    add_step(page, "Breath", "Breathe into the hips", inhale="4", exhale="6", rounds="5")
    add_step(page, "Stretch", "Pigeon stretch", hold="30s", each="side")
    add_step(page, "Mobility", "Hip circles", reps="8")
    preview(page).locator("#step-3.routine-step--mobility").wait_for()
    assert preview(page).locator(".routine-step").count() == 3
    publish(page)

    text = saved(desk.root / "docs/blog/posts/tight-hips-try-this-floor-routine.md", "", "Closing words.\n")
    result = check(desk.root)
    assert result.returncode == 0, result.stdout + result.stderr
    today = dt.date.today()
    assert f"\ndate: {today.isoformat()}\n" in text
    front = yaml.safe_load(text.split("---\n")[1])
    assert list(front)[:3] == ["title", "date", "categories"]
    assert front["routine"]["steps"] == [
        {"title": "Breathe into the hips", "kind": "breath", "breath": {"inhale": 4, "exhale": 6, "rounds": 5}},
        {"title": "Pigeon stretch", "kind": "stretch", "hold": "30s", "each": "side"},
        {"title": "Hip circles", "kind": "mobility", "reps": 8},
    ]
    assert "'" not in text.split("---\n")[1] and "<!-- more -->\n" in text and "<!-- routine -->\n" in text

    address = f"blog/{today:%Y/%m/%d}/tight-hips-try-this-floor-routine/"
    wait_for(lambda: "routine-step" in desk.page(address), what="the post under make serve")
    cards = BeautifulSoup(desk.page(address), "html.parser").select(".routine__steps > li.routine-step")
    assert [card["class"][1] for card in cards] == ["routine-step--breath", "routine-step--stretch", "routine-step--mobility"]


def test_changing_one_count_changes_that_value_alone(new_page, desk):
    """The knee post with one exhale changed is the file with that one value changed."""
    knee = desk.root / KNEE
    before = knee.read_text(encoding="utf-8")
    page = editor(new_page, desk, "#/collections/posts/entries/knee-pain-self-massage-stretch")
    field(page, "exhale").fill("10")
    preview(page).locator("breath-timer[exhale='10']").wait_for()
    publish(page)
    after = saved(knee, before, before[-200:])
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["-        exhale: 8", "+        exhale: 10"]


def test_a_mistake_shows_make_checks_line_and_is_not_saved(new_page, desk):
    """`eight` in a count: the preview shows the contract's own line for that field, and the file stays as it was."""
    knee = desk.root / KNEE
    before = knee.read_text(encoding="utf-8")
    page = editor(new_page, desk, "#/collections/posts/entries/knee-pain-self-massage-stretch")
    exhale = field(page, "exhale")
    written = exhale.input_value()
    exhale.fill("eight")
    mistaken = before.replace(f"        exhale: {written}\n", "        exhale: eight\n", 1)
    site = load_project(desk.root / "mkdocs.yml").site
    expected = [str(problem) for problem in validate_post(mistaken, KNEE, "blog/posts", site)[1]]
    assert len(expected) == 1 and "routine.steps[2].breath.exhale" in expected[0]
    lines = preview(page).locator(".desk-problems li")
    lines.first.wait_for()
    assert lines.all_inner_texts() == expected
    publish(page)
    page.get_by_text(re.compile("must be a number of counts")).first.wait_for()
    assert knee.read_text(encoding="utf-8") == before


def test_the_preview_is_the_sites_own_rendering(new_page, desk):
    """Cards, the dose in words and a running breath timer, from the site's partials, styles and scripts."""
    page = editor(new_page, desk, "#/collections/posts/entries/knee-pain-self-massage-stretch")
    pane = preview(page)
    pane.locator("#step-3").wait_for()
    built = BeautifulSoup(desk.page("blog/2024/01/17/knee-pain-self-massage-stretch/"), "html.parser")
    doses = [" ".join(dose.get_text().split()) for dose in built.select(".routine-step__dose")]
    assert [" ".join(text.split()) for text in pane.locator(".routine-step__dose").all_inner_texts()] == doses
    assert pane.locator("breath-timer").evaluate("timer => customElements.get('breath-timer') !== undefined && timer.shadowRoot === null")
    assert pane.locator(".routine-step").first.evaluate("card => getComputedStyle(card).display") != "inline"


def test_without_make_write_the_preview_says_so_and_saving_works(new_page, desk):
    """Where the preview's endpoint cannot be reached, the pane says so plainly; the post still saves."""
    page = new_page(viewport=EDITOR_SIZE)
    page.route("**/desk/preview", lambda route: route.abort())
    page.goto(desk.editor)
    page.get_by_role("button", name="Login").click()
    page.goto(desk.editor + "#/collections/posts/entries/cranky-neck-movement-flow")
    preview(page).get_by_text("cannot reach").wait_for()
    neck = desk.root / "docs/blog/posts/cranky-neck-movement-flow.md"
    before = neck.read_text(encoding="utf-8")
    page.locator("input[id^='description-field-']").fill("A gentle flow for a stiff neck in the morning.")
    publish(page)
    assert "description: A gentle flow for a stiff neck in the morning.\n" in saved(neck, before, before[-200:])


def test_the_preview_pane_passes_axe(new_page, desk):
    """The preview pane, problems shown, has no accessibility violations."""
    page = editor(new_page, desk, "#/collections/posts/entries/knee-pain-self-massage-stretch")
    preview(page).locator("#step-3").wait_for()
    field(page, "rounds").fill("many")
    preview(page).locator(".desk-problems").wait_for()
    frame = next(frame for frame in page.frames if frame != page.main_frame and frame.query_selector(".desk-preview"))
    results = Axe().run(frame)
    assert results.violations_count == 0, results.generate_report()


def test_a_duplicate_keeps_its_routine_and_is_told_its_address_is_taken(new_page, desk):
    """Duplicating a post keeps its steps; until it gets its own title or slug, the preview says whose address it has."""
    page = editor(new_page, desk, "#/collections/posts/entries/cranky-neck-movement-flow")
    preview(page).locator(".routine-step").first.wait_for()
    cards = preview(page).locator(".routine-step").count()
    page.get_by_role("button", name="Published").click()
    page.get_by_text("Duplicate", exact=True).click()
    lines = preview(page).locator(".desk-problems li")
    lines.first.wait_for()
    assert re.search(r"cranky-neck-movement-flow.md:\d+: slug: gives the same address as docs/blog/posts/cranky-neck-", lines.first.inner_text())
    assert page.locator(STEP_ITEMS).count() == cards


def test_an_image_goes_to_the_posts_media_folder_and_is_linked(new_page, desk, tmp_path):
    """A poster uploaded in the form lands in docs/blog/posts/media/ and the post names it as a path from its folder."""
    image = tmp_path / "roller.png"
    image.write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
        "53de0000000c4944415408d763f8ffff3f0005fe02fea7d6a4a40000000049454e44ae426082"
    ))
    page = editor(new_page, desk, "#/collections/posts/entries/strength-training-active-recovery-workout")
    page.locator("[id^='video-field-']").get_by_role("button", name="Expand").first.click()
    page.locator("input[id^='url-field-']").fill("https://www.youtube.com/watch?v=AbCdEfGhIjK")
    page.get_by_text("Choose an image").click()
    page.locator("input[type=file]").set_input_files(image)
    page.get_by_role("button", name="Choose selected").click()
    post = desk.root / "docs/blog/posts/strength-training-active-recovery-workout.md"
    before = post.read_text(encoding="utf-8")
    publish(page)
    media = desk.root / "docs/blog/posts/media/roller.png"
    assert "\n  poster: media/roller.png\n" in saved(post, before, before[-200:])
    wait_for(lambda: media.exists() and media.read_bytes() == image.read_bytes(), what="the whole image")
    result = check(desk.root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_post_make_check_refuses_is_not_saved(new_page, desk):
    """A value the form's pattern lets through but the contract refuses (0 reps): saving says so and the file stays."""
    knee = desk.root / KNEE
    before = knee.read_text(encoding="utf-8")
    page = editor(new_page, desk, "#/collections/posts/entries/knee-pain-self-massage-stretch")
    field(page, "reps").fill("0")
    preview(page).locator(".desk-problems li", has_text="routine.steps[3].reps: must be a whole number of reps from 1 to 500").wait_for()
    publish(page)
    page.get_by_text(re.compile("make check would refuse this post")).first.wait_for()
    assert knee.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("ignoring_ctrl_c", [False, True], ids=["started", "started-ignoring-ctrl-c"])
def test_ctrl_c_stops_all_of_it(tmp_path, ignoring_ctrl_c):
    """`make write` starts the editor, the site and the CMS's server; Ctrl-C stops all three.

    Also when it was started ignoring Ctrl-C, as a shell starts what it runs in the background.
    """
    (tmp_path / "site").mkdir()
    with WriteDesk(desk_site(tmp_path / "site"), tmp_path / "scratch", ignoring_ctrl_c=ignoring_ctrl_c) as running:
        assert len(running.listening()) == 3
        assert f"The editor: {running.editor}" in running.log.read_text()
        running.stop()
        wait_for(lambda: running.listening() == [], seconds=30, what="every server to stop")
