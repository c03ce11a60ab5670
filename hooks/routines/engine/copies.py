"""Blocks of Material's templates that `overrides/` holds a copy of, used only while Material's own is the one copied.

`overrides/main.html` copies Material's `container` block (of `base.html`)
to mark the article as what search indexes. Guard (`engine/guard.py`): at
each build the block is read from the installed Material and its digest
compared with the one copied; templates get the names of the blocks whose
copy still matches (`copied_blocks`), and where one does not, the template
falls back to Material's own block (`super()`), and one line says so.
"""

from __future__ import annotations

import hashlib
import re
from importlib import resources

from .guard import Patch

# Block name -> (Material's template, sha256 of the block's text as copied).
COPIED = {"container": ("base.html", "1a3ff81b9751c45208edd8ef25b73aad55079ef50e8a919a703a8303fefa3210")}
CONTAINER = Patch(
    "the search mark in Material's container block (overrides/main.html)", "mkdocs-material", "9.8.2",
    "Material's own container block; search finds posts only",
)
_TAG = re.compile(r"{%-?\s*(block|endblock)\b[^%]*%}")


def copied_blocks() -> frozenset[str]:
    """The names of the copied blocks whose text in the installed Material is the text copied."""
    same = set()
    for name, (template, digest) in COPIED.items():
        text = block_text(_material(template), name)
        found = None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()
        if CONTAINER.holds(None if found == digest else f"Material's {template} block {name} is {'missing' if text is None else 'changed'}"):
            same.add(name)
    return frozenset(same)


def block_text(template: str, name: str) -> str | None:
    """The text of block `name` in a Jinja template, from its `{% block %}` to its own `{% endblock %}`."""
    opening = re.search(r"{%-?\s*block\s+" + re.escape(name) + r"\b[^%]*%}", template)
    if opening is None:
        return None
    depth = 0
    for tag in _TAG.finditer(template, opening.start()):
        depth += 1 if tag[1] == "block" else -1
        if depth == 0:
            return template[opening.start():tag.end()]
    return None


def _material(template: str) -> str:
    path = resources.files("material") / "templates" / template
    return path.read_text(encoding="utf-8") if path.is_file() else ""
