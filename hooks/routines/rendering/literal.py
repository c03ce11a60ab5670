"""Front matter text that themes print as HTML, made to show literally."""

from __future__ import annotations

import string

from markupsafe import Markup, escape

# Fields Material prints without escaping: headings, <title>, meta tags,
# navigation, excerpts (as Markdown) and the search index.
PRINTED = ("title", "description", "subtitle")


def literal_meta(meta: dict) -> dict:
    """A copy of page metadata whose printed text fields are escaped Markup.

    Markup, so templates that do escape (`| e`) leave it as it is; escaped, so
    templates that don't show `<`, `&` and quotes as the author typed them.
    """
    out = literal_tags(meta)
    for name in PRINTED:
        if isinstance(out.get(name), str):
            out[name] = escape(out[name])
    return out


# What Material prints of each author in the blog's authors file, unescaped:
# `alt`, `src` and `href` attributes, and text.
AUTHOR_PRINTED = ("name", "description", "avatar", "url")


def literal_author(author) -> None:
    """Escape in place what Material prints of an author of the authors file (a mapping of its fields)."""
    for name in AUTHOR_PRINTED:
        if isinstance(author.get(name), str):
            author[name] = escape(author[name])


def literal_links(items) -> None:
    """Escape in place the titles of a post's related links (`links:`), which Material prints as HTML."""
    for item in items:
        if isinstance(getattr(item, "title", None), str):
            item.title = escape(item.title)
        literal_links(getattr(item, "children", None) or ())


def literal_tags(meta: dict) -> dict:
    """A copy of page metadata whose tags are escaped Markup."""
    out = dict(meta)
    if isinstance(out.get("tags"), list):
        out["tags"] = [escape(tag) if isinstance(tag, str) else tag for tag in out["tags"]]
    return out



_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def markdown_literal(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, links, code, emoji or HTML.

    Punctuation is backslash-escaped, and `<`, `>`, `&` become entities; the
    Markdown instance that reads it must accept those escapes (`escapable`).
    Escaped text may be passed (Markup).
    """
    raw = text.unescape() if isinstance(text, Markup) else str(text)
    return "".join(_ENTITIES.get(c) or (f"\\{c}" if c in string.punctuation else c) for c in raw)


def escapable(md) -> None:
    """Let a Python-Markdown instance read every backslash escape `markdown_literal` writes.

    Markdown itself would not escape some punctuation: `:` of emoji, `(` of symbols.
    """
    for char in string.punctuation:
        if char not in md.ESCAPED_CHARS and char not in _ENTITIES:
            md.ESCAPED_CHARS.append(char)
