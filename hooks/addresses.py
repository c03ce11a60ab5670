"""Published addresses never break: an address a post was published at leads to the post's address now.

`make deploy` records every published address in `addresses.yml`
(`routines.publishing.addresses`); each build gives the old ones a redirect
page, written by mkdocs-redirects (`routines.engine.redirects`). Each post's
page names its file (`<meta name="post-file">`), so a publish can tell
which post each page on the published branch was (`routines.publishing.live`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from routines.engine import settings
from routines.engine.redirects import add_redirects
from routines.engine.state import build_of
from routines.publishing.addresses import ADDRESSES_FILE, BadRecord, read_record, redirects
from routines.publishing.live import POST_FILE


# After the blog plugin (-50) has given each post its address.
@event_priority(-60)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: each address a published post no longer has redirects to its address now."""
    try:
        record = read_record(Path(config.config_file_path).parent / ADDRESSES_FILE)
    except BadRecord as bad:
        raise PluginError(str(bad)) from None
    if record:
        current = {post.file.src_uri: post.file.url for post in settings.published_posts(config)}
        taken = {file.url for file in files.documentation_pages()}
        add_redirects(config, redirects(record, current, taken))
    return files


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """`on_page_context`: a post's page names its file, which `overrides/main.html` prints as a `<meta>`."""
    if build_of(config).model(page.file.src_uri) is not None:
        page.post_file = {"name": POST_FILE, "content": page.file.src_uri}
    return context
