"""Link-preview cards in every script: each character a real glyph, never the missing-glyph box."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from routines.rendering import fonts
from routines.rendering.cards import FEW, MARGIN, WIDTH, Card, CardDrawing, draw, png_bytes

TITLES = {
    "Hebrew": "מתיחה לברך עם רולר",
    "Japanese": "膝の痛みにセルフマッサージ、ストレッチ",
    "Arabic": "تمارين الركبة مع الأسطوانة",
    "Cyrillic": "Растяжка для колена",
    "Greek": "Διατάσεις για το γόνατο",
    "emoji": "💪🦵🙂🧘‍♀️",
}
NO_GLYPH = "\u0378"  # unassigned in Unicode: every font draws its missing-glyph box for it
TITLE_BAND = (0, 150, WIDTH, 480)  # where the title's three lines go


def title(text: str) -> Image.Image:
    return draw(Card(title=text)).convert("RGB").crop(TITLE_BAND)


@pytest.fixture(scope="module")
def box() -> Image.Image:
    return title(NO_GLYPH)


def characters(text: str) -> list[str]:
    """The characters to check one at a time: joiners and variation selectors stay with what they join."""
    return [c for c in text if not c.isspace() and c not in "\u200d\ufe0f"]


@pytest.mark.parametrize("script", TITLES)
def test_every_character_is_drawn_as_a_glyph_not_a_box(script, box):
    """A card drawn for each character of the title differs from one drawn with a character no font has."""
    assert fonts.missing(TITLES[script]) == "", f"install {fonts.DEBIAN_PACKAGES}"
    boxes = [char for char in characters(TITLES[script]) if not ImageChops.difference(title(char), box).getbbox()]
    assert boxes == []


def test_emoji_are_drawn_in_color():
    image = title("🙂")
    assert any(r > 200 and g > 150 and b < 100 for r, g, b in image.get_flattened_data()), "a yellow face, not white on teal"


def test_a_hebrew_title_reads_from_the_right():
    """Its first word ends at the right margin, and the whole line draws that word where it alone would be."""
    line, first = "מתיחה לברך", "מתיחה"
    alone = ImageChops.difference(title(first), title(""))
    left, top, right, bottom = alone.getbbox()
    assert WIDTH - MARGIN - 8 <= right <= WIDTH - MARGIN
    assert not ImageChops.difference(title(line).crop((left, top, right, bottom)), title(first).crop((left, top, right, bottom))).getbbox()


def test_a_japanese_title_wraps_between_characters():
    """Written without spaces, a long title still takes several lines rather than ending in "…"."""
    text = "膝の痛みにセルフマッサージとストレッチで楽になる方法を毎朝続ける"
    rows = [y for y in range(TITLE_BAND[3] - TITLE_BAND[1]) if ImageChops.difference(title(text), title("")).crop((0, y, WIDTH, y + 1)).getbbox()]
    assert rows[-1] - rows[0] > 150, "three lines of 60-76 px type"


def test_without_the_system_fonts_a_card_is_still_drawn_and_the_missing_characters_are_named(monkeypatch, tmp_path):
    """And it is kept under another name: once the fonts are installed, the card is drawn again."""
    with_fonts = Card(title="Knee: מתיחה").key
    monkeypatch.setattr(fonts, "SYSTEM_FONTS", (tmp_path,))
    for cached in (fonts._system_faces, fonts.runs, fonts.installed):
        cached.cache_clear()
    try:
        assert fonts.missing("Knee: מתיחה") == "מתיחה"
        assert draw(Card(title="Knee: מתיחה", region="Knee")).size == (WIDTH, 630)
        assert Card(title="Knee: מתיחה").key != with_fonts
    finally:
        for cached in (fonts._system_faces, fonts.runs, fonts.installed):
            cached.cache_clear()


def test_many_cards_are_drawn_in_other_processes_byte_for_byte_as_here(tmp_path):
    """A cold build's cards (more than a few) come from other processes, each the same file as drawn in this one."""
    cards = [Card(title=f"Routine {n}: knee reset", summary="3 steps", region="Knee", site="DIY") for n in range(FEW + 2)]
    drawing = CardDrawing(tmp_path / "kept", workers=1)
    drawing.start(cards)
    for n, card in enumerate(cards):
        drawing.place(card, tmp_path / "site" / f"{n}" / "card.png")
    drawing.close()
    assert [(tmp_path / "site" / f"{n}" / "card.png").read_bytes() for n in range(len(cards))] == [png_bytes(draw(card)) for card in cards]
    assert len(list((tmp_path / "kept").glob("*.png"))) == len(cards)
