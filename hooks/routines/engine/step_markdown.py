"""A step's text in Markdown, turned into HTML as the page body is, as part of its card.

Uses MkDocs' own resolver of a page body's links (`_RelativePathTreeprocessor`,
private to MkDocs 1.6, as Material's excerpts do), so `knee.md` in a step
becomes the post's address as it would in the body, and a link to no page
is reported as in the body. Guard (`engine/guard.py`): where MkDocs no
longer has it as it was, links are resolved through MkDocs' public `Files`
and `File.url_relative_to` alone, and one line says so: the same addresses,
without MkDocs' report of a link to no page.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit, urlunsplit

import markdown
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from ..rendering.blocks import STEP_TITLE_LEVEL
from ..rendering.markdown_blocks import HeadingsBelow
from .guard import Patch, has, importable

MKDOCS_LINKS = Patch(
    "step text links resolved by MkDocs", "mkdocs", "1.6.1",
    "links in step text are resolved through MkDocs' public API, and a link to no page is not reported",
)


class StepMarkdown:
    """The body's Markdown extensions, less `toc`, with headings below the card's title: one per build."""

    def __init__(self, config) -> None:
        self.config = config
        self._markdown = markdown.Markdown(
            extensions=[*(e for e in config.markdown_extensions if not _is_toc(e)), HeadingsBelow(STEP_TITLE_LEVEL)],
            extension_configs=config.mdx_configs,
        )
        resolver, missing = importable("mkdocs.structure.pages", "_RelativePathTreeprocessor")
        fits = MKDOCS_LINKS.holds(missing or has(resolver, "__init__", parameters=("self", "file", "files", "config")))
        self._links = (lambda page, files: resolver(page.file, files, config)) if fits else PageLinks

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
        self._markdown.treeprocessors.register(self._links(page, files), "relpath", 0)
        return self._markdown.reset().convert(text)


class PageLinks(Treeprocessor):
    """Links and images naming a file of the site (`knee.md`) get its address relative to the page."""

    def __init__(self, page, files) -> None:
        super().__init__()
        self.page, self.files = page, files

    def run(self, root) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            if key and element.get(key):
                element.set(key, self._address(element.get(key)))

    def _address(self, url: str) -> str:
        scheme, netloc, path, query, fragment = urlsplit(url)
        if scheme or netloc or not path or path.startswith("/"):
            return url
        src = posixpath.normpath(posixpath.join(posixpath.dirname(self.page.file.src_uri), unquote(path)))
        target = self.files.get_file_from_path(src)
        return url if target is None else urlunsplit(("", "", target.url_relative_to(self.page.file), query, fragment))


def _is_toc(extension) -> bool:
    return extension in ("toc", "markdown.extensions.toc") or isinstance(extension, TocExtension)
