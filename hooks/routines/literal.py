"""Front matter text that themes print as HTML, made to show literally."""

from __future__ import annotations

from markupsafe import escape

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


def literal_tags(meta: dict) -> dict:
    """A copy of page metadata whose tags are escaped Markup."""
    out = dict(meta)
    if isinstance(out.get("tags"), list):
        out["tags"] = [escape(tag) if isinstance(tag, str) else tag for tag in out["tags"]]
    return out

