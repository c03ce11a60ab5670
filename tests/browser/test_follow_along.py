"""The follow-along view in a real browser, on Playwright's fake clock: whole routines, hands-free."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from axe_playwright_python.sync_playwright import Axe

from tests.browser.probes import DEVICE_PROBES, SPEECH

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
EVERY = "blog/2023/04/01/every-step-kind/"
FRAME = 100  # ms past a boundary: the view ticks every 100 ms

# Voice guidance off unless a test turns it on (or a reload keeps what it chose):
# timings then follow the script alone, not how long its words take to say.
QUIET = """
if (localStorage.getItem("follow-along-voice") === null) localStorage.setItem("follow-along-voice", "false");
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

    def visit_(path=KNEE, voice=False, **options):
        page = new_page(**options)
        page.add_init_script(DEVICE_PROBES + SPEECH + PAGE_SHIFTS + ("" if voice else QUIET))
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
    """Massage 2 min, six rounds of contract-and-relax, then reps each direction: no tap after "Start routine"."""
    page = visit()
    view = start(page)
    assert view.get_attribute("aria-labelledby") and page.get_by_role("dialog", name="Knee reset").is_visible()
    assert seen(view) == ("Step 1 of 3", "Massage the knee", "Get ready", "0:05")
    assert view.locator("[data-part=dose]").inner_text() == page.locator("#step-1 .routine-step__dose").inner_text() == "2\u00a0min"
    assert "Trace around the kneecap with your fingertips" in view.locator("[data-part=cues]").inner_text()
    assert view.locator("[data-part=next]").inner_text() == "Next: Contract and relax"
    run_to(page, 5000 + FRAME)
    assert seen(view) == ("Step 1 of 3", "Massage the knee", "", "2:00")
    assert view.locator("[data-part=detail]").inner_text() == "Trace around the kneecap with your fingertips"
    run_to(page, 65000 + FRAME)
    assert seen(view)[3] == "1:00"
    run_to(page, 125000 + FRAME)
    assert seen(view) == ("Step 2 of 3", "Contract and relax", "Get ready", "0:05")
    assert view.locator("[data-part=equipment]").inner_text() == "Equipment: foam roller"
    assert "side-lying with the roller high up on my IT band" in view.locator("[data-part=text]").inner_text()
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
    assert seen(view) == ("Step 3 of 3", "Knee mobility", "Get ready", "0:05")
    assert view.locator("[data-part=next]").inner_text() == "Last step"
    run_to(page, 207000 + 5000 + FRAME)  # reps are counted at the kind's tempo: 5 s each for mobility
    assert seen(view) == ("Step 3 of 3", "Knee mobility", "First direction", "0:10")
    assert view.locator("[data-part=detail]").inner_text() == "Rep 2 of 3"
    run_to(page, 242000 + FRAME)
    assert view.locator(".follow__end").get_by_text("Routine complete").is_visible()
    assert view.locator("[data-part=took]").inner_text() == "Time taken: 4:02"
    assert page.evaluate("document.activeElement.textContent.trim()") == "Back to the post"
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
        (96000 + FRAME, ("Step 3 of 6", "Squats", "Set 1 of 2", "0:24")),
        (120000 + FRAME, ("Step 3 of 6", "Squats", "Rest", "0:20")),
        (140000 + FRAME, ("Step 3 of 6", "Squats", "Set 2 of 2", "0:24")),
    ],
)
def test_timed_steps_move_on_by_themselves(visit, ms, expected):
    """Each side, then a switch, then the other side; a lead-in before each effort; sets and rests count down."""
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


def test_sets_and_reps_count_themselves_then_rest_counts_down(visit):
    """Squats: 8 reps counted at 3 s, the rest, set 2; side plank holds each side with rests; the reps each direction."""
    page = visit(EVERY)
    view = start(page)
    run_to(page, 96000 + 3000 * 4 + FRAME)
    assert seen(view) == ("Step 3 of 6", "Squats", "Set 1 of 2", "0:12")
    assert view.locator("[data-part=detail]").inner_text() == "Rep 5 of 8"
    assert view.get_by_role("button", name="Done").is_visible()
    run_to(page, 120000 + FRAME)
    assert seen(view) == ("Step 3 of 6", "Squats", "Rest", "0:20")
    assert view.get_by_role("button", name="Skip rest").is_visible()
    run_to(page, 164000 + FRAME)
    assert seen(view) == ("Step 4 of 6", "Side plank", "Get ready", "0:05")
    steps = [
        (5000, "Set 1 of 2: First side", "0:15"),
        (15000, "Switch sides", "0:05"),
        (5000, "Set 1 of 2: Second side", "0:15"),
        (15000, "Rest", "0:10"),
        (10000, "Set 2 of 2: First side", "0:15"),
        (15000, "Switch sides", "0:05"),
        (5000, "Set 2 of 2: Second side", "0:15"),
        (15000, "Get ready", "0:05"),
        (5000, "First direction", "0:25"),
        (25000, "Switch directions", "0:05"),
    ]
    for ms, phase, clock in steps:
        page.clock.run_for(ms)
        assert seen(view)[2:] == (phase, clock)
    run_to(page, 309000 + FRAME)
    assert seen(view) == ("Step 6 of 6", "Lie still", "Get ready", "0:05")
    run_to(page, 344000 + FRAME)
    assert view.locator(".follow__end").get_by_text("Routine complete").is_visible()


def test_next_step_during_a_rest_skips_the_rest_not_the_sets(visit):
    """"Next step" (or "Skip rest") in a rest goes on to the next set; "Done" ends a set early."""
    page = visit(EVERY)
    view = start(page)
    run_to(page, 96000 + FRAME)
    view.get_by_role("button", name="Done").click()
    assert seen(view)[2:] == ("Rest", "0:20")
    view.get_by_role("button", name="Next step").click()
    assert seen(view) == ("Step 3 of 6", "Squats", "Set 2 of 2", "0:24")
    assert page.evaluate("document.activeElement.checkVisibility() && !!document.activeElement.closest('dialog')")
    view.get_by_role("button", name="Done").click()  # the last set: "Done" goes, the focus stays in the view
    assert seen(view) == ("Step 4 of 6", "Side plank", "Get ready", "0:05")
    assert page.evaluate("document.activeElement.textContent") == "Pause"


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
    assert page.evaluate("__tones.length") > 0  # sound is on by default


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
    """Focus starts inside and stays there; Space pauses and resumes, on a button too; Escape closes back to "Start routine"."""
    page = visit()
    view = start(page)
    view.get_by_role("button", name="Pause").focus()
    page.keyboard.press("Space")
    assert view.get_attribute("data-state") == "paused"
    page.keyboard.press("Space")
    assert view.get_attribute("data-state") == "running"
    view.get_by_role("button", name="Next step").click()
    page.keyboard.press("Space")  # after "Next step", Space pauses: it never skips a second step
    assert view.get_attribute("data-state") == "paused" and seen(view)[0] == "Step 2 of 3"
    page.keyboard.press("Space")
    view.locator("[data-part=step]").click()  # focus on no control: Space still pauses
    page.keyboard.press("Space")
    assert view.get_attribute("data-state") == "paused"
    for key in ["Tab"] * 14 + ["Shift+Tab"] * 14:
        page.keyboard.press(key)
        assert page.evaluate("!!document.activeElement.closest('dialog[open]')"), key
    page.keyboard.press("Escape")
    assert not view.is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Start routine"


def test_switches_show_a_focus_ring(visit):
    """Voice and Sound switches and the pace control show where the keyboard is."""
    page = visit()
    view = start(page)
    for name in ["Voice guidance", "Sound"]:
        view.get_by_role("switch", name=name).focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid", name


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


def test_voice_guidance_is_on_by_default_and_remembered(visit):
    """The coach talks unless the reader turned it off; what they chose is kept."""
    page = visit(EVERY, voice=True)
    view = start(page)
    voice = view.get_by_role("switch", name="Voice guidance")
    assert voice.is_checked()
    run_to(page, FRAME)
    assert page.evaluate("__speech.log[0].text").startswith("Step 1 of 6. Roll the calves. 20 seconds each side.")
    voice.click()
    assert page.evaluate("__speech.cuts") == 1  # turned off: silent at once
    page.reload()
    assert not start(page).get_by_role("switch", name="Voice guidance").is_checked()


def test_live_region_announces_every_change(visit):
    """One polite live region in the view says what the coach says."""
    page = visit()
    view = start(page)
    live = view.locator("[aria-live]")
    assert live.count() == 1 and live.get_attribute("aria-live") == "polite"
    assert live.inner_text().startswith("Step 1 of 3. Massage the knee. 2 minutes. Trace around the kneecap with your fingertips. Get ready.")
    run_to(page, 130000 + FRAME)
    assert live.inner_text() == "Breathe in. Contract the muscle on the roller."
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


def run_to_the_end(page, view, limit_ms: int = 3_600_000) -> int:
    """Let the routine run with no tap at all; returns the milliseconds it took."""
    ran = 0
    while not view.locator(".follow__end").is_visible():
        assert ran < limit_ms, "the routine never finished"
        page.clock.run_for(5000)
        ran += 5000
    return ran


def test_every_routine_post_runs_to_the_end(visit, base_url):
    """Any valid post runs from "Start routine" to "Routine complete" with no tap, hostile words included,
    and a reader with eyes closed hears every step's title, dose, cues and equipment, nothing cut off."""
    listing = visit("blog/")
    posts = listing.eval_on_selector_all(".md-post h2 a", "links => links.map(a => a.href)")
    ran = []
    for href in posts:
        page = visit(href.removeprefix(base_url), voice=True)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        if not page.locator("follow-along").count():
            continue
        view = start(page)
        steps = int(view.locator("[data-part=count]").inner_text().split(" of ")[1])
        run_to_the_end(page, view)
        page.clock.run_for(10000)
        assert errors == [] and page.evaluate("window.__pwned") is None, (href, errors)
        heard = " ".join(page.evaluate("__speech.log.map(e => e.text)"))
        data = page.eval_on_selector("follow-along", "el => JSON.parse(el.dataset.routine)")
        for step in data["steps"]:
            for words in [step["title"], *step["cues"], *step["equipment"].split(", ")]:
                assert words.strip().rstrip(".") in heard, (href, words)
        assert page.evaluate("[__speech.cuts, __speech.dropped]") == [0, 0], href
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


# -----------------------------------------------------------------------------
# The coach: no tap, no glance
# -----------------------------------------------------------------------------


def script_words(page) -> list[str]:
    """Every utterance of the build's script for this post, in order: marks, ends, the finish."""
    data = page.eval_on_selector("follow-along", "el => JSON.parse(el.dataset.routine)")
    words = [
        say
        for step in data["steps"]
        for part in step["plan"]
        for say in [mark[1] for mark in part["marks"]] + [part["end"]]
        if say
    ]
    return words + [data["finish"]]


@pytest.mark.parametrize("path", [EVERY, "blog/2023/12/13/cranky-neck-movement-flow/"])
def test_a_whole_routine_is_coached_with_no_tap_and_nothing_cut_off(visit, path):
    """Voice on, a real engine's pace: every word of the script is said in order, none cut, none late."""
    page = visit(path, voice=True)
    view = start(page)
    run_to_the_end(page, view)
    page.clock.run_for(10000)  # "Routine complete" is said after what was queued before it
    log = page.evaluate("__speech.log")
    assert [entry["text"] for entry in log] == script_words(page)
    assert page.evaluate("[__speech.cuts, __speech.dropped]") == [0, 0]
    late = [(e["text"], round(e["start"] - e["queued"])) for e in log if e["start"] - e["queued"] > 1000]
    assert late == []  # nothing waits more than a second behind what the routine is doing
    spoken = " ".join(entry["text"] for entry in log)
    assert not re.search(r"\d\s?(s|min)\b|\d:\d\d", spoken)  # words, never "20 s", "2 min" or clock digits


def test_the_opening_words_are_waited_for_before_get_ready_counts_down(visit):
    """"Get ready" holds at 0:05 while the step is introduced, then counts down; the effort starts after."""
    page = visit(KNEE, voice=True)
    view = start(page)
    intro = page.evaluate("__speech.log[0]")
    words = len(intro["text"].split())
    run_to(page, words * 400 - 500)
    assert seen(view) == ("Step 1 of 3", "Massage the knee", "Get ready", "0:05")
    run_to(page, words * 400 + 5000 + FRAME)
    assert seen(view)[2:] == ("", "2:00")
    assert page.evaluate("__speech.log.map(e => e.text)")[1:5] == ["3", "2", "1", "Go."]


def test_tones_play_with_voice_off(visit):
    """Sound is on by default: a tone at the start, each of the last three seconds, each breath phase."""
    page = visit(EVERY)
    view = start(page)
    assert view.get_by_role("switch", name="Sound").is_checked()
    run_to(page, 55000 + 9000 + FRAME)
    pitches = [tone["pitch"] for tone in page.evaluate("__tones")]
    assert pitches[:4] == [660, 660, 660, 880]  # 3, 2, 1, go
    assert pitches.count(740) == 1  # switch sides
    assert [p for p in pitches if p in (440, 494)][:2] == [494, 440]  # the breath's hold, then out
    assert page.evaluate("__speech.log") == []
    view.get_by_role("switch", name="Sound").click()
    before = page.evaluate("__tones.length")
    page.clock.run_for(20000)
    assert page.evaluate("__tones.length") == before
    assert len(page.evaluate("__buzz")) > 3


def test_rep_pace_slows_the_count_and_is_remembered(visit):
    """"Slower" makes each rep a quarter longer; the choice is kept for next time."""
    page = visit(EVERY)
    view = start(page)
    view.get_by_label("Rep pace").select_option("Slower")
    run_to(page, 96000 + FRAME)
    assert seen(view)[2:] == ("Set 1 of 2", "0:30")
    page.reload()
    assert start(page).get_by_label("Rep pace").input_value() == "1.25"


def test_full_screen_where_the_browser_offers_it(visit):
    """The view asks for the whole screen on a tap, and gives it back on a second tap and on close."""
    page = visit()
    view = start(page)
    view.get_by_role("button", name="Full screen").click()
    page.wait_for_function("document.fullscreenElement === document.documentElement")
    view.get_by_role("button", name="Full screen").click()
    page.wait_for_function("document.fullscreenElement === null")
    view.get_by_role("button", name="Full screen").click()
    page.wait_for_function("!!document.fullscreenElement")
    view.get_by_role("button", name="Close").click()
    page.wait_for_function("document.fullscreenElement === null")


def test_rep_pace_is_offered_only_where_there_are_reps(visit):
    """A routine of timed steps only has no pace to choose."""
    assert start(visit(EVERY)).get_by_label("Rep pace").is_visible()
    assert not start(visit("blog/2023/05/01/calf-release-filmed-at-home/")).get_by_label("Rep pace").is_visible()


def test_time_taken_counts_skipped_steps(visit):
    """Every step skipped: the time taken is never 0:00, and says what was skipped."""
    page = visit()
    view = start(page)
    for _ in range(3):
        view.get_by_role("button", name="Next step").click()
    assert view.locator("[data-part=took]").inner_text() == "Time taken: 0:01 · 3 steps of 3 skipped"


@pytest.mark.parametrize(("width", "height"), [(390, 844), (844, 390)])
def test_readable_from_the_floor_in_any_orientation(visit, width, height):
    """Countdown at least 96 px, what to do now at least 24 px, the countdown and the pacer whole on screen."""
    page = visit(EVERY, viewport={"width": width, "height": height})
    view = start(page)
    run_to(page, 5000 + FRAME)
    size = lambda part: page.eval_on_selector(f"dialog [data-part={part}]", "el => parseFloat(getComputedStyle(el).fontSize)")
    assert size("clock") >= 96
    assert min(size("phase"), size("detail")) >= 24
    inside = "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; }"
    assert page.eval_on_selector("dialog [data-part=clock]", inside)
    run_to(page, 55000 + FRAME)
    assert page.eval_on_selector("dialog breath-timer .breath-timer__ui", inside)
    for part in ("count", "phase", "round"):
        assert page.eval_on_selector(f"dialog .breath-timer__{part}", "el => parseFloat(getComputedStyle(el).fontSize)") >= 24, part


def test_rep_pace_stretches_the_movement_not_the_hold(visit):
    """Chin tucks, 8 reps of 3 s with a 3 s hold: "Much slower" makes each rep 4.5 s of movement and the same hold."""
    page = visit("blog/2023/12/13/cranky-neck-movement-flow/")
    view = start(page)
    for _ in range(3):
        view.get_by_role("button", name="Next step").click()
    assert seen(view)[:3] == ("Step 4 of 5", "Chin tucks", "Get ready")
    view.get_by_label("Rep pace").select_option("Much slower")
    page.clock.run_for(5000 + FRAME)
    assert seen(view)[2:] == ("Set 1 of 2", "1:00")  # 8 x (4.5 + 3) s


def test_time_taken_after_a_pause_and_a_new_start(visit):
    """Paused, closed and started again later: the new run's time is its own."""
    page = visit()
    view = start(page)
    page.clock.run_for(10000)
    view.get_by_role("button", name="Pause").click()
    view.get_by_role("button", name="Close").click()
    page.clock.run_for(100000)
    view = start(page)
    assert view.get_attribute("data-state") == "running"
    page.clock.run_for(30000)
    for _ in range(3):
        view.get_by_role("button", name="Next step").click()
    assert view.locator("[data-part=took]").inner_text().startswith("Time taken: 0:30")
