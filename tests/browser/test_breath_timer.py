"""The <breath-timer> in a real browser, on Playwright's fake clock."""

from __future__ import annotations

import pytest

from tests.browser.probes import DEVICE_PROBES
from tests.browser.test_video import SHIFTS

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
NECK = "blog/2023/12/13/cranky-neck-movement-flow/"
FRAME = 40  # ms of slack around a boundary: a few animation frames


@pytest.fixture
def open_timer(new_page, base_url):
    """Open a page on a fake clock; returns (page, timer locator)."""

    def open_(path=KNEE, selector="#step-2 breath-timer", **options):
        page = new_page(**options)
        page.add_init_script(DEVICE_PROBES)
        page.clock.install(time=0)
        page.goto(base_url + path)
        page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # from here on, only the test moves time
        return page, page.locator(selector)

    return open_


def shown(timer) -> tuple[str, str, str]:
    """What the reader sees: phase, count, round."""
    return (
        timer.locator(".breath-timer__phase").inner_text(),
        timer.locator(".breath-timer__count").inner_text(),
        timer.locator(".breath-timer__round").inner_text(),
    )


def run_to(page, timer, ms: int) -> None:
    """Advance the fake clock to `ms` after the timer started."""
    page.clock.run_for(ms - page.evaluate("performance.now()") + timer.evaluate("t => t.origin"))


@pytest.mark.parametrize(
    ("ms", "phase", "count", "round_"),
    [
        (FRAME, "Breathe in", "4", "Round 1 of 6"),
        (1000 + FRAME, "Breathe in", "3", "Round 1 of 6"),
        (4000 - FRAME, "Breathe in", "1", "Round 1 of 6"),
        (4000 + FRAME, "Breathe out", "8", "Round 1 of 6"),
        (12000 - FRAME, "Breathe out", "1", "Round 1 of 6"),
        (12000 + FRAME, "Breathe in", "4", "Round 2 of 6"),
        (64000 + FRAME, "Breathe out", "8", "Round 6 of 6"),
        (72000 - FRAME, "Breathe out", "1", "Round 6 of 6"),
        (72000 + FRAME, "Done", "", "6 rounds complete"),
    ],
)
def test_knee_pattern_at_its_boundaries(open_timer, ms, phase, count, round_):
    """4 in, 8 out, 6 rounds: phase, count and round change exactly on time."""
    page, timer = open_timer()
    timer.get_by_role("button", name="Start").click()
    run_to(page, timer, ms)
    assert shown(timer) == (phase, count, round_)


@pytest.mark.parametrize(
    ("ms", "phase", "count", "round_", "cue"),
    [
        (FRAME, "Breathe in", "4", "Round 1 of 3", "Fill up slowly"),
        (1500 + FRAME, "Breathe in", "3", "Round 1 of 3", "Fill up slowly"),
        (6000 + FRAME, "Hold", "2", "Round 1 of 3", ""),
        (7500 + FRAME, "Hold", "1", "Round 1 of 3", ""),
        (9000 + FRAME, "Breathe out", "6", "Round 1 of 3", "Let it all go"),
        (18000 + FRAME, "Hold", "2", "Round 1 of 3", ""),
        (21000 - FRAME, "Hold", "1", "Round 1 of 3", ""),
        (21000 + FRAME, "Breathe in", "4", "Round 2 of 3", "Fill up slowly"),
        (63000 + FRAME, "Done", "", "3 rounds complete", "Well done."),
    ],
)
def test_box_pattern_with_slow_counts(open_timer, ms, phase, count, round_, cue):
    """4-2-6-2 at 1.5 s a count: holds both sides, cues only while they apply."""
    page, timer = open_timer("timers/", "#box")
    timer.get_by_role("button", name="Start").click()
    run_to(page, timer, ms)
    assert shown(timer) == (phase, count, round_)
    assert timer.locator(".breath-timer__cue").inner_text() == cue


def test_pause_holds_and_resume_continues(open_timer):
    """Paused, the timer stands still however long; resumed, it carries on."""
    page, timer = open_timer()
    timer.get_by_role("button", name="Start").click()
    run_to(page, timer, 2500)
    timer.get_by_role("button", name="Pause").click()
    before = shown(timer)
    page.clock.run_for(30000)
    assert shown(timer) == before == ("Breathe in", "2", "Round 1 of 6")
    assert timer.get_attribute("data-state") == "paused"
    assert timer.locator("[aria-live]").inner_text() == "Paused"
    timer.get_by_role("button", name="Resume").click()
    page.clock.run_for(1500 + FRAME)
    assert shown(timer) == ("Breathe out", "8", "Round 1 of 6")


def test_reset_returns_to_the_start(open_timer):
    """Reset stops the timer and shows the pattern again."""
    page, timer = open_timer()
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(5000)
    timer.get_by_role("button", name="Reset").click()
    assert shown(timer) == ("Ready", "", "6 rounds")
    assert timer.locator(".breath-timer__cue").inner_text() == "Breathe in 4, breathe out 8"
    page.clock.run_for(5000)
    assert timer.get_attribute("data-state") == "idle"
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(FRAME)
    assert shown(timer) == ("Breathe in", "4", "Round 1 of 6")


def test_finished_state_offers_to_go_again(open_timer):
    """At the end it says Done, announces it, and can start over."""
    page, timer = open_timer()
    timer.get_by_role("button", name="Start").click()
    run_to(page, timer, 72000 + FRAME)
    assert timer.get_attribute("data-state") == "done"
    assert timer.locator("[aria-live]").inner_text() == "Done. 6 rounds complete."
    timer.get_by_role("button", name="Go again").click()
    page.clock.run_for(FRAME)
    assert shown(timer) == ("Breathe in", "4", "Round 1 of 6")


def test_a_jump_in_time_lands_in_the_right_place(open_timer):
    """After the tab was hidden (no frames), the next frame is where the clock says."""
    page, timer = open_timer()
    timer.get_by_role("button", name="Start").click()
    page.clock.fast_forward(30000)
    page.clock.run_for(FRAME)
    # 30.1 s in a 12 s cycle: round 3, 6.1 s in, exhaling with 6 counts left.
    assert shown(timer) == ("Breathe out", "6", "Round 3 of 6")


@pytest.mark.parametrize("key", ["Space", "Enter"])
def test_keyboard_starts_and_pauses(open_timer, key):
    """The controls are buttons: Space and Enter start and pause."""
    page, timer = open_timer()
    timer.get_by_role("button", name="Start").focus()
    page.keyboard.press(key)
    page.clock.run_for(FRAME)
    assert timer.get_attribute("data-state") == "running"
    page.keyboard.press(key)
    assert timer.get_attribute("data-state") == "paused"


def test_controls_have_names_and_big_targets(open_timer):
    """Start, Reset and the sound switch are named and at least 44 px tall."""
    page, timer = open_timer()
    for control in (
        timer.get_by_role("button", name="Start"),
        timer.get_by_role("button", name="Reset"),
        timer.get_by_role("checkbox", name="Sound and vibration"),
    ):
        assert control.is_visible()
    for part in (".breath-timer__toggle", ".breath-timer__reset", ".breath-timer__sound"):
        box = timer.locator(part).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, part
    assert timer.get_by_role("group", name="Breath timer").is_visible()


def test_live_region_speaks_on_phase_changes_only(open_timer):
    """A polite live region announces each phase with its cue, not every second."""
    page, timer = open_timer()
    live = timer.locator("[aria-live]")
    assert live.get_attribute("aria-live") == "polite"
    page.evaluate("""() => {
        window.__said = [];
        const live = document.querySelector('#step-2 [aria-live]');
        new MutationObserver(() => __said.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
    }""")
    timer.get_by_role("button", name="Start").click()
    run_to(page, timer, 24000 + FRAME)
    assert page.evaluate("__said") == [
        "Breathe in, 4. Contract the muscle on the roller",
        "Breathe out, 8. Relax and let it melt into the roller",
        "Round 2 of 6. Breathe in, 4. Contract the muscle on the roller",
        "Breathe out, 8. Relax and let it melt into the roller",
        "Round 3 of 6. Breathe in, 4. Contract the muscle on the roller",
    ]


def test_the_shape_grows_on_the_inhale_and_shrinks_on_the_exhale(open_timer):
    """The visual follows the breath."""
    page, timer = open_timer()
    shape = timer.locator(".breath-timer__shape")
    width = lambda: shape.evaluate("el => el.getBoundingClientRect().width")
    timer.get_by_role("button", name="Start").click()
    sizes = []
    for ms in (FRAME, 2000, 4000 - FRAME, 8000, 12000 - FRAME):
        run_to(page, timer, ms)
        sizes.append(width())
    assert sizes[0] < sizes[1] < sizes[2] and sizes[2] > sizes[3] > sizes[4]


def test_reduced_motion_shows_a_calm_bar_and_no_animation(open_timer):
    """With reduced motion: no scaling shape, no animations, a progress bar instead."""
    page, timer = open_timer(reduced_motion="reduce")
    timer.get_by_role("button", name="Start").click()
    run_to(page, timer, 2000)
    assert not timer.locator(".breath-timer__shape").is_visible()
    fill = timer.locator(".breath-timer__fill").bounding_box()["width"]
    bar = timer.locator(".breath-timer__bar").bounding_box()["width"]
    assert 0.4 < fill / bar < 0.6
    assert page.evaluate("document.getAnimations().length") == 0
    assert shown(timer)[0] == "Breathe in"


def test_without_javascript_the_instructions_remain(new_page, base_url):
    """With scripts off, the fallback reads as complete instructions and no controls appear."""
    page = new_page(java_script_enabled=False)
    page.goto(base_url + KNEE)
    timer = page.locator("#step-2 breath-timer")
    assert timer.inner_text().splitlines()[0] == "Breathe in for 4 counts as you contract the muscle on the roller."
    assert timer.get_by_role("button").count() == 0


def test_upgrading_shifts_nothing(new_page, base_url):
    """The space kept for the timer before it upgrades is the space it takes."""
    page = new_page()
    page.add_init_script(SHIFTS)
    page.goto(base_url + KNEE)
    page.locator("#step-2 .breath-timer__ui").wait_for()
    page.wait_for_timeout(300)
    # Material's own post sidebar (hidden in the drawer on a phone) sometimes
    # settles after load on a busy machine; the article must not move.
    article = "__shifts.filter(s => s.inContent && !s.moved.every(m => String(m).startsWith('md-sidebar')))"
    assert page.evaluate(article) == []


def test_two_timers_run_independently(open_timer):
    """Starting one timer leaves another on the page alone."""
    page, box = open_timer("timers/", "#box")
    plain = page.locator("#plain")
    box.get_by_role("button", name="Start").click()
    run_to(page, box, 5000)
    assert plain.get_attribute("data-state") == "idle"
    plain.get_by_role("button", name="Start").click()
    box.get_by_role("button", name="Pause").click()
    run_to(page, plain, 4000 + FRAME)
    assert shown(plain) == ("Breathe out", "6", "Round 1 of 6")
    assert shown(box) == ("Breathe in", "1", "Round 1 of 3")


def test_defaults_when_written_by_hand(open_timer):
    """A bare <breath-timer> paces 4 in, 6 out, 6 rounds."""
    page, timer = open_timer("timers/", "#plain")
    assert shown(timer) == ("Ready", "", "6 rounds")
    assert timer.locator(".breath-timer__cue").inner_text() == "Breathe in 4, breathe out 6"


def test_wake_lock_is_held_while_running_and_taken_again_on_return(open_timer):
    """The screen stays on while running; the lock is re-taken when the page is shown again."""
    page, timer = open_timer()
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(FRAME)
    assert page.evaluate("__wake") == {"requests": 1, "active": 1}
    # The system releases the lock when the page is hidden; on return the timer asks again.
    page.evaluate("""async () => {
        await document.querySelector('#step-2 breath-timer').wake.release();
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    page.clock.run_for(FRAME)
    assert page.evaluate("__wake") == {"requests": 2, "active": 1}
    timer.get_by_role("button", name="Pause").click()
    page.clock.run_for(FRAME)
    assert page.evaluate("__wake.active") == 0
    timer.get_by_role("button", name="Resume").click()
    run_to(page, timer, 72000 + FRAME)
    assert page.evaluate("__wake") == {"requests": 3, "active": 0}


def test_sound_cues_are_scheduled_on_the_audio_clock_and_remembered(open_timer, base_url):
    """With sound on, every phase change has a tone at its time; the choice persists."""
    page, timer = open_timer()
    sound = timer.get_by_role("checkbox", name="Sound and vibration")
    assert not sound.is_checked()
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(FRAME)
    assert page.evaluate("__tones.length") == 0 and page.evaluate("__buzz.length") == 0
    timer.get_by_role("button", name="Reset").click()
    sound.check()
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(FRAME)
    tones = page.evaluate("__tones")
    assert len(tones) == 13  # 6 rounds of in and out, and the end
    gaps = [b["after"] - a["after"] for a, b in zip(tones, tones[1:])]
    assert all(abs(gap - expected) < 0.05 for gap, expected in zip(gaps, [4, 8] * 6))
    assert [t["pitch"] for t in tones[:3]] == [660, 440, 660] and tones[-1]["pitch"] == 880
    assert page.evaluate("__buzz") == [80]
    timer.get_by_role("button", name="Pause").click()
    assert page.evaluate("__stopped") >= 13
    page.reload()
    assert page.locator("#step-2 breath-timer").get_by_role("checkbox", name="Sound and vibration").is_checked()


def test_a_timer_taken_off_the_page_leaves_nothing_running(open_timer):
    """A running timer removed from the page (as a page swap does) stops frames, tones and the wake lock."""
    page, timer = open_timer()
    timer.get_by_role("checkbox", name="Sound and vibration").check()
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(2000)
    page.evaluate("""() => {
        window.__stayed = true; window.__phases = 0;
        document.addEventListener('breath-phase', () => __phases++);
    }""")
    page.evaluate("document.querySelector('article').replaceChildren()")
    page.clock.run_for(30000)
    assert page.evaluate("__phases") == 0
    assert page.evaluate("__wake.active") == 0
    assert page.evaluate("__closed") == 1
    assert page.locator("breath-timer[data-state=running]").count() == 0


def test_the_timer_counts_in_the_words_the_page_gives_it(open_timer, new_page, base_url):
    """Its "6 rounds" comes from the build's grammar on the page (site-words.js), not a plural of its own."""
    page, timer = open_timer()
    forms = page.evaluate("JSON.parse(document.getElementById('site-words').textContent)")
    assert forms["round"] == {"one": "{n} round", "other": "{n} rounds"}
    other = new_page()
    other.route("**/*", lambda route: route.fulfill(response=(r := route.fetch()), body=r.text().replace(
        '"round":{"one":"{n} round","other":"{n} rounds"}', '"round":{"one":"{n} breath cycle","other":"{n} breath cycles"}',
    )) if route.request.resource_type == "document" else route.continue_())
    other.goto(base_url + KNEE)
    assert other.locator("#step-2 breath-timer .breath-timer__round").inner_text() == "6 breath cycles"
