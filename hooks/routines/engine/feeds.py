"""Patch: under `serve`, every build starts mkdocs-rss-plugin's feeds empty.

What: calls the plugin's own `on_startup` again at each build's `on_config`.
Why: mkdocs-rss-plugin (1.19.0) gathers a build's feed items from
`on_startup` on, which `serve` runs once, so each rebuild added every item
again.
Guard: only for a plugin named `rss` that has the list it gathers into
(`pages_to_filter`); its `on_startup` does nothing else.
"""

from __future__ import annotations


def feeds_afresh(config, keeps_pages: bool) -> None:
    """Each rss plugin of the build of `config` starts its feeds empty, as `on_startup` left them."""
    for name, plugin in config.plugins.items():
        if name.split(" ")[0] == "rss" and hasattr(plugin, "pages_to_filter"):
            plugin.on_startup(command="serve", dirty=keeps_pages)
