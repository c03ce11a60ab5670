"""What the authors' desk takes from MkDocs and Material to show a post as the site does.

The desk's preview renders through the theme's own Jinja environment (the
partials in overrides/ over Material's), with the site's Markdown extensions,
and styles and scripts the pages get: Material's stylesheets and the site's
one stylesheet and script, bundled from `extra_css` and `extra_javascript`
as `hooks/bundles.py` bundles them. Nothing here builds the site.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import markdown
from mkdocs.config import load_config

from ..rendering.blocks import STEP_TITLE_LEVEL
from ..rendering.bundles import bundle
from ..rendering.markdown_blocks import CustomBlocks, HeadingsBelow
from .state import add_wording


@dataclass(frozen=True)
class Theme:
    """The site's look and words, for rendering one post outside a build.

    Attributes:
        env: the theme's Jinja environment, with the site's words.
        body: Markdown to HTML as the page body is made.
        step_text: Markdown to HTML as a step's `text` is made on its card.
        styles: file name -> CSS, in the order pages link them.
        script: the site's scripts, as one file.
        safety: the safety note shown with every routine.
        site_name: the site's name.
    """

    env: object
    body: Callable[[str], str]
    step_text: Callable[[str], str]
    styles: dict[str, str]
    script: str
    safety: str
    site_name: str


def theme(config_file: Path) -> Theme:
    """Read mkdocs.yml and the theme once, for every preview the desk renders."""
    config = load_config(config_file=str(config_file))
    env = config.theme.get_env()
    add_wording(env)
    extensions = [*config.markdown_extensions, CustomBlocks()]
    body = markdown.Markdown(extensions=extensions, extension_configs=config.mdx_configs)
    steps = markdown.Markdown(
        extensions=[*(e for e in extensions if e != "toc"), HeadingsBelow(STEP_TITLE_LEVEL)],
        extension_configs={k: v for k, v in config.mdx_configs.items() if k != "toc"},
    )
    material = {
        name: Path(folder, "assets", "stylesheets", name).read_text(encoding="utf-8")
        for folder in config.theme.dirs
        if os.path.isdir(Path(folder, "assets", "stylesheets"))
        for name in sorted(os.listdir(Path(folder, "assets", "stylesheets")))
        if name.startswith(("main.", "palette.")) and name.endswith(".min.css")
    }
    _, css = bundle("css", [_source(config, path) for path in config.extra_css])
    _, js = bundle("js", [_source(config, str(entry)) for entry in config.extra_javascript])
    return Theme(
        env=env,
        body=lambda text: body.reset().convert(text),
        step_text=lambda text: steps.reset().convert(text),
        styles={**material, "site.css": css},
        script=js,
        safety=config.extra.get("safety", ""),
        site_name=config.site_name,
    )


def _source(config, path: str) -> Path:
    """Where a listed style or script lives: the theme's custom_dir first, then docs/, as MkDocs looks."""
    for folder in (config.theme.custom_dir, config.docs_dir):
        if folder and os.path.isfile(os.path.join(folder, path)):
            return Path(folder, path)
    raise FileNotFoundError(f"mkdocs.yml lists {path}, which is not in overrides/ or docs/")
