"""Redirect pages for the addresses posts were published at, written by mkdocs-redirects.

mkdocs-redirects (1.2.3) copies its `redirect_maps` into `plugin.redirects`
in its own `on_files`, and writes one small page per entry in
`on_post_build`, at the old address, leading to the page of the Markdown
file named. Which old addresses need one is known only once the blog plugin
has given each post its address (its `on_files`, after the redirects
plugin's), so the entries are added to `plugin.redirects` then; an author's
own `redirect_maps` stay. Guard: without the plugin or that attribute, a
warning (which fails a strict build) says which addresses would break.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


def add_redirects(config: MkDocsConfig, old_to_src: dict[str, str]) -> None:
    """Have each old address (`blog/2024/01/17/knee/`) lead to the page of its post's file (`blog/posts/knee.md`)."""
    if not old_to_src:
        return
    plugin = config.plugins.get("redirects")
    if plugin is None or not isinstance(getattr(plugin, "redirects", None), dict):
        log.warning(
            "mkdocs.yml: plugins: the redirects plugin is missing (or not the version this site knows, mkdocs-redirects 1.2.3); "
            "these published addresses would break: %s; add `- redirects` under plugins", ", ".join("/" + old for old in old_to_src),
        )
        return
    plugin.redirects = {**plugin.redirects, **{_as_markdown(old): src for old, src in old_to_src.items()}}


def _as_markdown(address: str) -> str:
    """The Markdown file mkdocs-redirects names an old address by: `blog/x/` is `blog/x/index.md`."""
    if address.endswith(".html"):
        return address[: -len(".html")] + ".md"
    return address + "index.md" if address.endswith("/") or not address else address.rstrip("/") + "/index.md"
