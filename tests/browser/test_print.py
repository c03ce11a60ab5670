"""Printing: the routine alone on one page with QR codes that scan back to it, and the post without the site."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

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


def pdf_pages(page) -> list[str]:
    """The page printed to A4 PDF, as the text of each sheet."""
    return [sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]


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
