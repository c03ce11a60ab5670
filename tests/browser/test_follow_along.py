"""The follow-along view in a real browser, on Playwright's fake clock: whole routines, hands-free."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_breath_timer import DEVICE_PROBES

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
EVERY = "blog/2023/04/01/every-step-kind/"
FRAME = 100  # ms past a boundary: the view ticks every 200 ms at most

# Records what is spoken, instead of speaking it.
SPEECH = """
window.__spoken = [];
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speak: (words) => __spoken.push(words.text), cancel: () => {}, } });
"""

# Layout shifts of anything outside the view's own dialog.
PAGE_SHIFTS = """
window.__pageShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const outside = entry.sources.filter((s) => {
      const el = s.node && (s.node.nodeType === 1 ? s.node : s.node.parentElement);
      return el && !el.closest("dialog");
    });
    if (outside.length) __pageShifts.push({ at: entry.startTime, value: entry.value, moved: outside.map((s) => s.node.className || s.node.nodeName) });
  }
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.fixture
def visit(new_page, base_url):
    """Open a post on a fake clock with the device stubbed; returns the page."""

    def visit_(path=KNEE, **options):
        page = new_page(**options)
        page.add_init_script(DEVICE_PROBES + SPEECH + PAGE_SHIFTS)
        page.clock.install(time=0)
        page.goto(base_url + path)
        page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # from here on, only the test moves time
        return page

    return visit_


def start(page):
    """Press "Start routine"; returns the dialog."""
    page.get_by_role("button", name=re.compile("^Start routine")).click()
    return page.locator("dialog.follow__view")


def run_to(page, ms: int) -> None:
    """Advance the fake clock to `ms` after the view opened (paused time included)."""
    now = page.evaluate("performance.now() - document.querySelector('follow-along').started")
    page.clock.run_for(max(0, ms - now))


def seen(view) -> tuple[str, ...]:
    """What the reader sees: step count, step, phase and clock (or what to do at their own pace)."""
    text = lambda part: view.locator(f"[data-part={part}]").inner_text() if view.locator(f"[data-part={part}]").is_visible() else ""
    count = view.locator("[data-part=count]").inner_text()
    return count, text("step"), text("phase"), text("clock") or text("detail")


def test_knee_routine_runs_itself(visit):
    """Massage 2 min, six rounds of contract-and-relax, then the reps: only "Next step" is pressed."""
    page = visit()
    view = start(page)
    assert view.get_attribute("aria-labelledby") and page.get_by_role("dialog", name="Knee reset").is_visible()
    assert seen(view) == ("Step 1 of 3", "Massage the knee", "Get ready", "0:05")
    assert view.locator("[data-part=dose]").inner_text() == page.locator("#step-1 .routine-step__dose").inner_text() == "2\u00a0min"
    assert "Trace around the kneecap with your fingertips" in view.locator("[data-part=cues]").inner_text()
    assert view.locator("[data-part=next]").inner_text() == "Next: Contract and relax"
    run_to(page, 5000 + FRAME)
    assert seen(view) == ("Step 1 of 3", "Massage the knee", "", "2:00")
    run_to(page, 65000 + FRAME)
    assert seen(view)[3] == "1:00"
    run_to(page, 125000 + FRAME)
    assert seen(view) == ("Step 2 of 3", "Contract and relax", "Get ready", "0:05")
    assert view.locator("[data-part=equipment]").inner_text() == "Equipment: foam roller"
    run_to(page, 130000 + FRAME)
    timer = view.locator("breath-timer")
    assert timer.locator(".breath-timer__phase").inner_text() == "Breathe in"
    assert timer.locator(".breath-timer__round").inner_text() == "Round 1 of 6"
    assert timer.get_attribute("inhale") == "4" and timer.get_attribute("exhale") == "8"
    run_to(page, 130000 + 4000 + FRAME)
    assert timer.locator(".breath-timer__phase").inner_text() == "Breathe out"
    run_to(page, 130000 + 60000 + FRAME)
    assert timer.locator(".breath-timer__round").inner_text() == "Round 6 of 6"
    run_to(page, 202000 + FRAME)
    assert seen(view) == ("Step 3 of 3", "Knee mobility", "", "3 reps each direction")
    assert view.locator("[data-part=next]").inner_text() == "Last step"
    page.clock.run_for(600000)  # reps wait for the reader however long
    assert seen(view)[1] == "Knee mobility"
    view.get_by_role("button", name="Next step").click()
    assert view.locator(".follow__end").get_by_text("Routine complete").is_visible()
    assert view.locator("[data-part=took]").inner_text() == "Time taken: 13:22"
    view.get_by_role("button", name="Back to the post").click()
    assert not view.is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Start routine"
    expect(page.locator(".follow__last")).to_have_text(re.compile(r"^Last done \w+ \d+, \d{4}$"))  # set on the close event


@pytest.mark.parametrize(
    ("ms", "expected"),
    [
        (FRAME, ("Step 1 of 6", "Roll the calves", "Get ready", "0:05")),
        (5000 + FRAME, ("Step 1 of 6", "Roll the calves", "First side", "0:20")),
        (25000 + FRAME, ("Step 1 of 6", "Roll the calves", "Switch sides", "0:05")),
        (30000 + FRAME, ("Step 1 of 6", "Roll the calves", "Second side", "0:20")),
        (49000 + FRAME, ("Step 1 of 6", "Roll the calves", "Second side", "0:01")),
        (50000 + FRAME, ("Step 2 of 6", "Box breathing", "Get ready", "0:05")),
        (91000 + FRAME, ("Step 3 of 6", "Squats", "Set 1 of 2", "8 reps")),
    ],
)
def test_timed_steps_move_on_by_themselves(visit, ms, expected):
    """Each side, then a switch, then the other side; a lead-in before each timed effort."""
    page = visit(EVERY)
    view = start(page)
    run_to(page, ms)
    assert seen(view) == expected


@pytest.mark.parametrize(
    ("ms", "phase", "count", "round_"),
    [
        (55000 + FRAME, "Breathe in", "4", "Round 1 of 2"),
        (55000 + 6000 + FRAME, "Hold", "2", "Round 1 of 2"),
        (55000 + 9000 + FRAME, "Breathe out", "4", "Round 1 of 2"),
        (55000 + 15000 + FRAME, "Hold", "2", "Round 1 of 2"),
        (55000 + 18000 + FRAME, "Breathe in", "4", "Round 2 of 2"),
    ],
)
def test_a_breath_step_runs_its_own_pattern(visit, ms, phase, count, round_):
    """4-2-4-2 at 1.5 s a count, two rounds, in the view."""
    page = visit(EVERY)
    view = start(page)
    run_to(page, ms)
    timer = view.locator("breath-timer")
    shown = [timer.locator(f".breath-timer__{part}").inner_text() for part in ("phase", "count", "round")]
    assert shown == [phase, count, round_]


def test_sets_wait_for_the_reader_then_rest_counts_down(visit):
    """"Set 1 of 2" waits for "Set done"; the rest counts down; then set 2, then the next step."""
    page = visit(EVERY)
    view = start(page)
    run_to(page, 91000 + FRAME)
    page.clock.run_for(300000)
    assert seen(view) == ("Step 3 of 6", "Squats", "Set 1 of 2", "8 reps")
    view.get_by_role("button", name="Set done").click()
    assert seen(view) == ("Step 3 of 6", "Squats", "Rest", "0:20")
    assert not view.get_by_role("button", name="Set done").is_visible()
    page.clock.run_for(20000 + FRAME)
    assert seen(view) == ("Step 3 of 6", "Squats", "Set 2 of 2", "8 reps")
    view.get_by_role("button", name="Set done").click()
    assert seen(view) == ("Step 4 of 6", "Side plank", "Get ready", "0:05")
    steps = [
        (5000, "Set 1 of 2: First side", "0:15"),
        (15000, "Switch sides", "0:05"),
        (5000, "Set 1 of 2: Second side", "0:15"),
        (15000, "Rest", "0:10"),
        (10000, "Set 2 of 2: First side", "0:15"),
        (15000, "Switch sides", "0:05"),
        (5000, "Set 2 of 2: Second side", "0:15"),
    ]
    for ms, phase, clock in steps:
        page.clock.run_for(ms)
        assert seen(view)[2:] == (phase, clock)
    page.clock.run_for(15000)
    assert seen(view) == ("Step 5 of 6", "Ankle circles", "", "5 reps each direction")
    view.get_by_role("button", name="Next step").click()
    assert seen(view) == ("Step 6 of 6", "Lie still", "Get ready", "0:05")
    page.clock.run_for(35000)
    assert view.locator(".follow__end").get_by_text("Routine complete").is_visible()


def test_pause_excludes_time_and_resume_carries_on(visit):
    """Paused, nothing moves however long; resumed, the countdown carries on where it was."""
    page = visit()
    view = start(page)
    run_to(page, 35000 + FRAME)
    assert seen(view)[3] == "1:30"
    view.get_by_role("button", name="Pause").click()
    assert view.get_attribute("data-state") == "paused"
    page.clock.run_for(600000)
    assert seen(view) == ("Step 1 of 3", "Massage the knee", "", "1:30")
    assert view.locator("[aria-live]").inner_text() == "Paused"
    view.get_by_role("button", name="Resume").click()
    page.clock.run_for(90000)
    assert seen(view) == ("Step 2 of 3", "Contract and relax", "Get ready", "0:05")


def test_paused_breath_step_resumes_its_pattern(visit):
    """The breath timer in the view pauses and resumes with the view: one clock."""
    page = visit()
    view = start(page)
    run_to(page, 130000 + 2500)
    view.get_by_role("button", name="Pause").click()
    page.clock.run_for(60000)
    timer = view.locator("breath-timer")
    assert timer.locator(".breath-timer__count").inner_text() == "2"
    view.get_by_role("button", name="Resume").click()
    page.clock.run_for(1500 + FRAME)
    assert timer.locator(".breath-timer__phase").inner_text() == "Breathe out"
    page.clock.run_for(72000 - 4000)
    assert seen(view)[1] == "Knee mobility"


def test_correct_after_the_tab_was_in_the_background(visit):
    """No tick for 150 s (a hidden tab, a locked screen): the next one lands where the clock says."""
    page = visit()
    view = start(page)
    page.clock.fast_forward(150000)  # timers fire at most once, as in a throttled tab
    page.clock.run_for(FRAME)
    assert seen(view)[:2] == ("Step 2 of 3", "Contract and relax")
    timer = view.locator("breath-timer")
    # 130 s to the breath, then 20 s in: round 2, 8 s in, breathing out.
    assert [timer.locator(f".breath-timer__{p}").inner_text() for p in ("phase", "round")] == ["Breathe out", "Round 2 of 6"]


def test_previous_and_next_step(visit):
    """The buttons and the arrow keys move between steps; "Previous step" first goes back to the step's start."""
    page = visit()
    view = start(page)
    view.get_by_role("button", name="Next step").click()
    assert seen(view)[0] == "Step 2 of 3"
    page.keyboard.press("ArrowRight")
    assert seen(view)[0] == "Step 3 of 3"
    page.keyboard.press("ArrowLeft")
    assert seen(view) == ("Step 2 of 3", "Contract and relax", "Get ready", "0:05")
    run_to(page, 10000)
    view.get_by_role("button", name="Previous step").click()
    assert seen(view) == ("Step 2 of 3", "Contract and relax", "Get ready", "0:05")
    view.get_by_role("button", name="Previous step").click()
    assert seen(view)[0] == "Step 1 of 3"


def test_keyboard_space_escape_and_focus(visit):
    """Focus starts inside and stays there; Space pauses and resumes; Escape closes back to "Start routine"."""
    page = visit()
    view = start(page)
    view.get_by_role("button", name="Pause").focus()
    page.keyboard.press("Space")
    assert view.get_attribute("data-state") == "paused"
    page.keyboard.press("Space")
    assert view.get_attribute("data-state") == "running"
    view.locator("[data-part=step]").click()  # focus on no control: Space still pauses
    page.keyboard.press("Space")
    assert view.get_attribute("data-state") == "paused"
    for key in ["Tab"] * 12 + ["Shift+Tab"] * 12:
        page.keyboard.press(key)
        assert page.evaluate("!!document.activeElement.closest('dialog[open]')"), key
    page.keyboard.press("Escape")
    assert not view.is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Start routine"


def test_wake_lock_held_while_open_and_released_on_close(visit):
    """The screen stays on while the view is open, and only then."""
    page = visit()
    view = start(page)
    page.clock.run_for(FRAME)
    assert page.evaluate("__wake") == {"requests": 1, "active": 1}
    run_to(page, 140000)  # the breath step: the view's lock is the only one
    assert page.evaluate("__wake.active") == 1
    view.get_by_role("button", name="Close").click()
    page.clock.run_for(FRAME)
    assert page.evaluate("__wake.active") == 0


def test_voice_guidance_speaks_the_routine(visit):
    """Off by default and remembered; it says each step, the breath phases, switches, rests and the end."""
    page = visit(EVERY)
    view = start(page)
    assert not view.get_by_role("switch", name="Voice guidance").is_checked()
    assert page.evaluate("__spoken") == []
    view.get_by_role("switch", name="Voice guidance").click()
    run_to(page, 91000 + FRAME)
    view.get_by_role("button", name="Set done").click()
    page.clock.run_for(20000 + FRAME)
    spoken = page.evaluate("__spoken")
    assert spoken[0].startswith("Step 1 of 6. Roll the calves. 20\u00a0s each side")
    for phrase in ["Switch sides", "Second side", "Breathe in", "Hold", "Breathe out", "Rest", "Set 2 of 2"]:
        assert phrase in spoken, phrase
    assert any(s.startswith("Step 2 of 6. Box breathing. 2 rounds: in 4, hold 2, out 4, hold 2") for s in spoken)
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.clock.run_for(35000)
    assert page.evaluate("__spoken.at(-1)") == "Routine complete"
    assert len(page.evaluate("__buzz")) > 5  # a short vibration at phase changes
    page.reload()
    assert start(page).get_by_role("switch", name="Voice guidance").is_checked()


def test_live_region_announces_every_change(visit):
    """One polite live region in the view says what changed."""
    page = visit()
    view = start(page)
    live = view.locator("[aria-live]")
    assert live.count() == 1 and live.get_attribute("aria-live") == "polite"
    assert live.inner_text() == "Step 1 of 3. Massage the knee. 2\u00a0min. Get ready"
    run_to(page, 130000 + FRAME)
    assert live.inner_text() == "Breathe in"
    assert page.locator("dialog [aria-live]").count() == 1  # the timer in the view announces through the view


def test_resume_at_step_after_a_reload_and_last_done(visit):
    """Closed midway: "Resume at step N" the same day, after a reload too; finished: "Last done"."""
    page = visit()
    assert page.locator(".follow__last").inner_text() == "Timed for you, one step at a time."
    view = start(page)
    view.get_by_role("button", name="Next step").click()
    view.get_by_role("button", name="Close").click()
    # The bar is brought up to date on the dialog's close event, which comes a moment later.
    expect(page.get_by_role("button", name="Resume at step 2")).to_be_visible()
    page.reload()
    page.get_by_role("button", name="Resume at step 2").click()
    assert seen(view) == ("Step 2 of 3", "Contract and relax", "Get ready", "0:05")
    view.get_by_role("button", name="Next step").click()
    view.get_by_role("button", name="Next step").click()
    view.get_by_role("button", name="Back to the post").click()
    expect(page.get_by_role("button", name=re.compile("^Resume"))).not_to_be_visible()
    page.reload()
    assert page.locator(".follow__last").inner_text().startswith("Last done ")


def test_resume_is_offered_the_same_day_only(visit):
    """What was left yesterday is not offered today."""
    page = visit()
    page.evaluate("""localStorage.setItem("follow-along:" + location.pathname,
        JSON.stringify({ step: 2, day: new Date(Date.now() - 86400000).toDateString() }))""")
    page.reload()
    assert not page.get_by_role("button", name=re.compile("^Resume")).is_visible()


def test_watch_this_step_plays_its_moment_in_the_view(visit, base_url):
    """Nothing loads from the video host until the tap; then the step's moment plays in the view."""
    page = visit()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(re.compile(r"^https://www\.youtube-nocookie\.com/"), lambda route: route.fulfill(body="<!doctype html>"))
    view = start(page)
    view.get_by_role("button", name="Next step").click()
    assert all(url.startswith(base_url) for url in requests)
    view.get_by_role("button", name="Watch this step").click()
    frame = view.locator("iframe")
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/AbCdEfGhIjK?autoplay=1&start=130"
    assert view.get_attribute("data-state") == "paused"  # the routine waits while the reader watches
    assert page.locator("figure#video .post-video__facade").count() == 1  # the post's own player is untouched


def test_without_javascript_no_button_and_cards_as_they_are(new_page, base_url):
    """No scripts: no "Start routine", and every card is there."""
    page = new_page(java_script_enabled=False)
    page.goto(base_url + KNEE)
    assert not page.get_by_role("button", name=re.compile("^Start routine")).is_visible()
    assert page.locator(".routine-step").count() == 3


def test_estimate_is_the_same_on_the_card_and_in_the_view(visit):
    """One figure for the routine's length, from one function."""
    page = visit(EVERY)
    view = start(page)
    estimate = page.locator(".routine__fact dd").first.inner_text()
    assert estimate == "about 5\u00a0min"
    assert view.locator(".follow__count").inner_text().endswith(f"{estimate} in all")


def test_no_layout_shift_when_the_view_opens_and_closes(visit):
    """The page under the view does not move: not on open, not on close, not when "Resume" appears."""
    page = visit()
    page.locator("follow-along").scroll_into_view_if_needed()
    where = "el => { const box = el.getBoundingClientRect(); return [box.left + scrollX, box.top + scrollY, box.width, box.height]; }"
    before = page.eval_on_selector(".routine__steps", where)
    view = start(page)
    page.clock.run_for(3000)
    view.get_by_role("button", name="Next step").click()
    view.get_by_role("button", name="Close").click()
    page.clock.run_for(500)
    assert page.evaluate("__pageShifts.filter(s => s.at > 1500)") == []
    assert page.get_by_role("button", name="Resume at step 2").is_visible()
    assert page.eval_on_selector(".routine__steps", where) == before


def test_reduced_motion_nothing_animates(visit):
    """With reduced motion the progress bar jumps instead of sliding."""
    page = visit(reduced_motion="reduce")
    start(page)
    assert page.eval_on_selector("[data-part=bar]", "el => getComputedStyle(el).transitionDuration") == "0s"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_view_has_no_axe_violations(visit, scheme):
    """The open view passes axe-core in both colour schemes, at a timed step and a breath step."""
    page = visit(color_scheme=scheme)
    start(page)
    run_to(page, 131000)
    page.clock.resume()  # axe waits on timers of its own
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_view_fills_a_phone_screen(visit):
    """The dialog covers the phone's screen and nothing in it overflows sideways."""
    page = visit()
    view = start(page)
    box = view.bounding_box()
    assert (box["width"], box["height"]) == (360, 740)
    assert page.evaluate("[...document.querySelectorAll('dialog *')].every(el => el.getBoundingClientRect().right <= 361)")


def run_to_the_end(page, view, presses: int = 200) -> int:
    """Let the routine run, pressing only "Set done" and, for reps, "Next step"; returns the presses."""
    pressed = 0
    while not view.locator(".follow__end").is_visible():
        assert pressed < presses, "the routine never finished"
        if view.get_by_role("button", name="Set done").is_visible():
            view.get_by_role("button", name="Set done").click()
            pressed += 1
        elif view.locator("[data-part=clock]").is_hidden() and view.locator("breath-timer").count() == 0:
            view.get_by_role("button", name="Next step").click()
            pressed += 1
        else:
            page.clock.run_for(5000)
    return pressed


def test_every_routine_post_runs_to_the_end(visit, base_url):
    """Any valid post an author writes runs from "Start routine" to "Routine complete", hostile words included."""
    listing = visit("blog/")
    posts = listing.eval_on_selector_all(".md-post h2 a", "links => links.map(a => a.href)")
    ran = []
    for href in posts:
        page = visit(href.removeprefix(base_url))
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        if not page.locator("follow-along").count():
            continue
        view = start(page)
        steps = int(view.locator("[data-part=count]").inner_text().split(" of ")[1])
        run_to_the_end(page, view)
        assert errors == [] and page.evaluate("window.__pwned") is None, (href, errors)
        ran.append((href, steps))
    assert len(ran) >= 7, ran
    assert (base_url + EVERY, 6) in ran


def test_the_pages_own_shortcuts_wait_while_the_view_is_open(visit):
    """Material's "n" (next page) and "/" (search) do nothing while the reader is in the view."""
    page = visit()
    view = start(page)
    url = page.url
    for key in ["n", "/", "s"]:
        page.keyboard.press(key)
    page.clock.run_for(500)
    assert page.url == url and view.is_visible()
    assert page.evaluate("!!document.activeElement.closest('dialog[open]')")


def test_reached_from_a_list_it_starts_and_cleans_up(visit, base_url):
    """Reached from the blog's list the view works; taken off the page it lets the screen sleep."""
    page = visit("blog/")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.locator(f".md-post h2 a[href$='{KNEE.removeprefix('blog/')}']").click()
    page.clock.run_for(1000)
    page.wait_for_url(base_url + KNEE)
    assert page.evaluate("document.querySelectorAll('script[src*=\"javascripts/site.\"]').length") == 1
    view = start(page)
    page.clock.run_for(5000 + FRAME)
    assert seen(view)[3] == "2:00"
    assert page.evaluate("__wake.active") == 1
    page.evaluate("document.querySelector('follow-along').remove()")  # as a page swap does
    page.clock.run_for(FRAME)
    assert page.evaluate("__wake.active") == 0
    assert errors == []
