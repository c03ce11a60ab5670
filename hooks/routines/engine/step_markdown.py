"""A step's text in Markdown, turned into HTML as the page body is, as part of its card.

Uses MkDocs' own resolver of a page body's links (`_RelativePathTreeprocessor`,
as Material's excerpts do), so `knee.md` in a step becomes the post's
address as it would in the body.
"""

from __future__ import annotations

import markdown
from markdown.extensions.toc import TocExtension
from mkdocs.structure.pages import _RelativePathTreeprocessor

from ..rendering.blocks import STEP_TITLE_LEVEL
from ..rendering.markdown_blocks import HeadingsBelow


class StepMarkdown:
    """The body's Markdown extensions, less `toc`, with headings below the card's title: one per build."""

    def __init__(self, config) -> None:
        self.config = config
        self._markdown = markdown.Markdown(
            extensions=[*(e for e in config.markdown_extensions if not _is_toc(e)), HeadingsBelow(STEP_TITLE_LEVEL)],
            extension_configs=config.mdx_configs,
        )

    @classmethod
    def of(cls, build) -> StepMarkdown:
        """The converter of a build (`engine.state.Build`), made when a step first needs it."""
        if build.steps is None:
            build.steps = cls(build.config)
        return build.steps

    def convert(self, text: str, page, files) -> str:
        """Render a step's `text` for `page`.

        Its headings go below the card's h3 title and get no `id` or
        permalink from `toc`: the card is not a section of the page, and the
        page's own headings keep their ids to themselves. Its links to other
        pages (`knee.md`) become their addresses, as in the page body.
        """
        self._markdown.treeprocessors.register(_RelativePathTreeprocessor(page.file, files, self.config), "relpath", 0)
        return self._markdown.reset().convert(text)


def _is_toc(extension) -> bool:
    return extension in ("toc", "markdown.extensions.toc") or isinstance(extension, TocExtension)
