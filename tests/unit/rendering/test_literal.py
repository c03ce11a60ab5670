"""Front matter text shows as the author typed it, wherever a theme prints it."""

from __future__ import annotations

import markdown
from markupsafe import Markup

from routines.rendering.literal import escapable, literal_meta, literal_tags, markdown_literal


def test_printed_fields_and_tags_become_escaped_markup_and_the_rest_stays():
    meta = literal_meta({"title": "Knee <b>&</b>", "description": "a < b", "tags": ["x&y", 3], "date": "2024-01-17"})
    assert meta["title"] == Markup("Knee &lt;b&gt;&amp;&lt;/b&gt;") and isinstance(meta["title"], Markup)
    assert meta["description"] == "a &lt; b" and meta["date"] == "2024-01-17"
    assert literal_tags({"tags": ["x&y", 3]})["tags"] == [Markup("x&amp;y"), 3]


def test_markdown_shows_literal_text_as_written():
    md = markdown.Markdown(extensions=["pymdownx.emoji", "pymdownx.smartsymbols"])
    escapable(md)
    text = "**Not bold** [no link](x) :smile: (c) <i>&"
    assert md.convert(markdown_literal(text)) == "<p>**Not bold** [no link](x) :smile: (c) &lt;i&gt;&amp;</p>"
