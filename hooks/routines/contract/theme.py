"""What Material's theme offers a post's front matter: page templates, icons and statuses.

A post may name its template (`template:`), an icon (`icon:`, shown where a
page links it from its related links) and a status (`status:`). Each must be
one the theme has, or the build stops in Jinja. The same folders are read for
`make check` (from mkdocs.yml, `project`) and the build (from MkDocs' theme,
`engine.settings`), so both say the same.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

# Material's own templates a post may be laid out with; the others are whole pages of their own
# (404.html, redirect.html) or the frame every page extends (base.html), or the blog's lists (blog.html).
MATERIAL_PAGE_TEMPLATES = ("blog-post.html", "main.html")
# The statuses Material draws an icon for; `extra.status` in mkdocs.yml may name more.
MATERIAL_STATUSES = ("new", "deprecated")
# Pages every theme writes from a template of that name.
ALWAYS_STATIC = ("404.html",)


@dataclass(frozen=True)
class Theme:
    """The theme's choices a post may name.

    Attributes:
        templates: page templates by name (`blog-post.html`), Material's and the site's own.
        folders: where the theme's files are, the site's overrides first; icons are in their `.icons/`.
        statuses: the statuses a page may have.
    """

    templates: tuple[str, ...] = MATERIAL_PAGE_TEMPLATES
    folders: tuple[str, ...] = ()
    statuses: tuple[str, ...] = MATERIAL_STATUSES

    def has_icon(self, name: str) -> bool:
        """Whether `material/spa` names an icon of the theme (`.icons/material/spa.svg`)."""
        return any(os.path.isfile(os.path.join(folder, ".icons", f"{name}.svg")) for folder in self.folders)


def read_theme(custom_dir: str | None, folders: Iterable[str], static_templates: Iterable[str], extra_status: object) -> Theme:
    """The theme a site's posts may name parts of.

    Args:
        custom_dir: the site's overrides folder (`theme.custom_dir`), if any.
        folders: every folder of the theme, the overrides first.
        static_templates: the templates written as pages of their own (`theme.static_templates`).
        extra_status: `extra.status` of mkdocs.yml: status -> its title.
    """
    static = {*static_templates, *ALWAYS_STATIC}
    own = sorted(
        entry.name for entry in os.scandir(custom_dir)
        if entry.name.endswith(".html") and entry.is_file() and entry.name not in static
    ) if custom_dir and os.path.isdir(custom_dir) else []
    statuses = [*MATERIAL_STATUSES, *(extra_status if isinstance(extra_status, dict) else {})]
    return Theme(
        templates=tuple(dict.fromkeys([*MATERIAL_PAGE_TEMPLATES, *own])),
        folders=tuple(str(folder) for folder in folders),
        statuses=tuple(dict.fromkeys(str(status) for status in statuses)),
    )


def material_folder() -> Path | None:
    """Where Material's templates are installed, found without importing it (the author tools run without MkDocs)."""
    spec = importlib.util.find_spec("material")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) / "templates" if locations else None
