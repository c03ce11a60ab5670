"""Printing: the routine alone on one page, in type that reads at arm's length, with QR codes that scan back to it,
and the post without the site."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from tests.browser.routine_posts import ROUTINE_POSTS

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"
NECK = "blog/2023/12/13/cranky-neck-movement-flow/"
EVERY = "blog/2023/04/01/every-step-kind/"
STUB_PRINT = "window.__printed = 0; window.print = () => { window.__printed++; };"


@pytest.fixture
def post(new_page, base_url):
    """A post with window.print stubbed; returns the page."""

    def open_(path=KNEE, **options):
        page = new_page(**options)
        page.add_init_script(STUB_PRINT)
        page.goto(base_url + path)
        return page

    return open_


def pdf_pages(page, paper: str = "A4") -> list[str]:
    """The page printed to PDF on A4 (or Letter), as the text of each sheet."""
    return [sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf(format=paper))).pages]


def routine_on_paper(page) -> None:
    """The page as "Print routine" prints it: print media and html.print-routine."""
    page.evaluate("document.documentElement.classList.add('print-routine')")
    page.emulate_media(media="print")


def smallest_points(page, selector: str) -> float:
    """The smallest printed font size, in points, of the elements at `selector` (1 CSS px is 0.75 pt)."""
    sizes = page.eval_on_selector_all(selector, "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes, selector
    return min(sizes) * 0.75


# What a step card says to do: its dose, equipment, cues, text and breathing instructions.
STEP_TEXT = ", ".join(f".routine-step {part}" for part in (
    ".routine-step__dose", ".routine-step__equipment", ".routine-step__cues li", ".routine-step__text p",
    ".breath-timer__fallback p",
))
SAFETY = "medical advice"


def decoded(page, selector: str) -> str:
    """What the QR code at `selector` says, read from the printed layout with a real decoder."""
    page.emulate_media(media="print")
    shot = Image.open(io.BytesIO(page.locator(selector).screenshot())).convert("L")
    shot = shot.resize((shot.width * 4, shot.height * 4), Image.NEAREST)
    codes = zxingcpp.read_barcodes(shot)
    assert len(codes) == 1, selector
    return codes[0].text


def test_print_routine_prints_the_routine_alone_on_one_page(post, base_url):
    """The knee routine: one A4 page with the title, the site's name, every step, the safety note."""
    page = post()
    page.get_by_role("button", name="Print routine").click()
    assert page.evaluate("__printed") == 1
    sheets = pdf_pages(page)
    assert len(sheets) == 1
    text = " ".join(sheets[0].split())
    for words in ["Knee Pain? Try This Self Massage + Stretch", "DIY Workout Recovery", "Knee reset",
                  "Massage the knee", "Contract and relax", "Knee mobility", "2 min", "6 rounds: in 4, out 8",
                  "3 reps each direction", "Trace around the kneecap", "Equipment: foam roller", "not medical advice",
                  "Breathe in for 4 counts"]:
        assert words in text, words
    for words in ["Have you ever had knee pain", "Start routine", "Play video", "Expert hands", "Search"]:
        assert words not in text, words


def test_after_printing_the_page_is_as_it_was(post):
    """The print-only state goes when the browser says printing is over."""
    page = post()
    page.get_by_role("button", name="Print routine").click()
    assert page.evaluate("document.documentElement.classList.contains('print-routine')")
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('print-routine')")
    assert len(pdf_pages(page)) > 1  # the whole post again


def test_qr_codes_scan_back_to_the_post_and_the_video_moment(post, base_url):
    """The routine's code opens the post; each step's code opens the video at its moment."""
    page = post()
    assert decoded(page, ".routine__paper-qr svg") == base_url + KNEE
    assert decoded(page, "#step-2 .routine-step__qr svg") == "https://www.youtube.com/watch?v=AbCdEfGhIjK&t=130s"
    assert page.locator(".routine-step__qr").count() == 3


def test_qr_codes_only_on_paper(post):
    """On screen the codes take no space and no one's attention."""
    page = post()
    assert not page.locator(".routine__paper").is_visible()
    assert not page.locator(".routine-step__qr").first.is_visible()


def test_browser_print_prints_the_article_and_starts_the_routine_on_its_own_page(post):
    """The browser's own Print: the article without the site's chrome; the routine from a new sheet."""
    page = post()
    sheets = pdf_pages(page)
    text = " ".join(" ".join(sheets).split())
    assert "Have you ever had knee pain" in text
    for chrome in ["Search", "Play video", "Start routine", "Back to top", "Skip to content"]:
        assert chrome not in text, chrome
    start = next(i for i, sheet in enumerate(sheets) if "Knee reset" in sheet)
    assert start > 0
    first = " ".join(sheets[start].split())
    assert first.startswith("Knee Pain? Try This Self Massage + Stretch DIY Workout Recovery")


@pytest.mark.parametrize("path", [KNEE, NECK, EVERY])
def test_no_card_is_split_across_pages(post, path):
    """Long routines continue on the next sheet a whole card at a time, in black on white."""
    page = post(path)
    page.emulate_media(media="print")
    styles = page.eval_on_selector_all(
        ".routine-step",
        "cards => cards.map(c => { const s = getComputedStyle(c); return [s.breakInside, s.backgroundColor]; })",
    )
    assert styles and all(style == ["avoid", "rgba(0, 0, 0, 0)"] for style in styles), styles
    number = page.eval_on_selector(".routine-step__number", "n => getComputedStyle(n).backgroundColor")
    assert number == "rgba(0, 0, 0, 0)"


def test_every_step_of_a_long_routine_is_printed(post):
    """Six steps: every title on paper, none lost to a page break."""
    page = post(EVERY)
    page.get_by_role("button", name="Print routine").click()
    text = " ".join(" ".join(pdf_pages(page)).split())
    for title in ["Roll the calves", "Box breathing", "Squats", "Side plank", "Ankle circles", "Lie still"]:
        assert title in text


def test_without_javascript_no_print_button(new_page, base_url):
    """No scripts: no button that could not work; the browser's Print still prints the post."""
    page = new_page(java_script_enabled=False)
    page.goto(base_url + KNEE)
    assert not page.get_by_role("button", name=re.compile("Print")).is_visible()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("path", ROUTINE_POSTS)
def test_every_routine_prints_on_one_sheet(post, path, paper):
    """Print routine: every routine of the site on one A4 or Letter sheet, its last step and the safety note included."""
    page = post(path)
    routine_on_paper(page)
    sheets = pdf_pages(page, paper)
    assert len(sheets) == 1, [" ".join(sheet.split())[:80] for sheet in sheets]
    last = page.locator(".routine-step__title").last.text_content().split(":", 1)[1]
    text = "".join(sheets[0].split())  # compared without spaces: a long title breaks lines anywhere on paper
    assert "".join(last.split()) in text and "".join(SAFETY.split()) in text


@pytest.mark.parametrize("path", ROUTINE_POSTS)
def test_printed_steps_are_at_least_10_pt_and_the_safety_note_9_pt(post, path):
    """On paper the steps read at arm's length: their text 10 pt or more, the safety note 9 pt or more."""
    page = post(path)
    routine_on_paper(page)
    assert smallest_points(page, STEP_TEXT) >= 10
    assert smallest_points(page, ".routine__safety") >= 9


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_long_routine_keeps_the_safety_note_with_its_last_steps(new_page, long_routine_url, paper):
    """Fourteen steps take two sheets: whole cards on each, the safety note beside the last step, never alone."""
    page = new_page()
    page.goto(long_routine_url)
    routine_on_paper(page)
    assert smallest_points(page, STEP_TEXT) >= 10
    sheets = [" ".join(sheet.split()) for sheet in pdf_pages(page, paper)]
    assert len(sheets) == 2
    assert "Lie still" in sheets[-1] and SAFETY in sheets[-1]
    # Pushed down the sheet a little at a time, the routine never leaves the safety note on a sheet of its own.
    for millimetres in range(0, 120, 8):
        page.evaluate(f"document.querySelector('.routine__paper').style.marginBottom = '{millimetres}mm'")
        sheets = [" ".join(sheet.split()) for sheet in pdf_pages(page, paper)]
        with_note = next(sheet for sheet in sheets if SAFETY in sheet)
        assert "Lie still" in with_note, (millimetres, with_note[:80])
