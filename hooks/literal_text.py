"""Make front matter text show literally wherever Material prints it.

Material prints page titles, descriptions, tags and the authors file's names,
descriptions and addresses without escaping them, and its blog plugin puts
post titles into Markdown. Escaping them at the source covers every one of
those places at once.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from routines.engine import settings
from routines.rendering.literal import literal_author, literal_links, literal_meta, literal_tags


# After Material's blog plugin (at 0) has read its authors file.
@event_priority(-50)
def on_config(config: MkDocsConfig) -> None:
    """`on_config`: escape what Material prints of each author, on posts and list pages."""
    for blog in settings.blog_plugins(config):
        for author in (getattr(blog, "authors", None) or {}).values():
            literal_author(author)


# Before the tags plugin (-50) reads tags (after discovery adds equipment, at 0).
@event_priority(-40)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`on_page_markdown`: escape the page's tags, which Material prints as HTML."""
    page.meta = literal_tags(page.meta)
    return markdown


# Last of all content steps: our hooks and every plugin read the author's own
# text first; templates, excerpts and the search index, which come after all
# pages' content, then see the escaped text.
@event_priority(-100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`on_page_content`: escape the page's printed front matter text, and its related links' titles."""
    page.meta = literal_meta(page.meta)
    links = getattr(getattr(page, "config", None), "links", None)  # a blog post's, resolved by the blog
    if links:
        literal_links(links.items)
    return html
