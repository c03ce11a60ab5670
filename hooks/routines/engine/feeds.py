"""Patches of mkdocs-rss-plugin (1.19.0): feeds start empty at every build, and their images have a size.

`feeds_afresh`. What: calls the plugin's own `on_startup` again at each
build's `on_config` under `serve`. Why: the plugin gathers a build's feed
items from `on_startup` on, which `serve` runs once, so each rebuild added
every item again. Guard: only for a plugin named `rss` that has the list it
gathers into (`pages_to_filter`); its `on_startup` does nothing else.

`fill_card_lengths`. What: the written RSS feeds, after the build. Why: the
plugin looks for a post's card beside its source, not in the built site, and
writes `length="None"` in the enclosure, which feed readers reject. Guard:
only an enclosure of a PNG with exactly that attribute, and only for a card
the site holds; anything else is left as written.
"""

from __future__ import annotations

import re
from pathlib import Path

_ENCLOSURE = re.compile(r'<enclosure url="(?P<url>[^"]+)" type="image/png" length="None" ?/>')


def feeds_afresh(config, keeps_pages: bool) -> None:
    """Each rss plugin of the build of `config` starts its feeds empty, as `on_startup` left them."""
    for name, plugin in config.plugins.items():
        if name.split(" ")[0] == "rss" and hasattr(plugin, "pages_to_filter"):
            plugin.on_startup(command="serve", dirty=keeps_pages)


def fill_card_lengths(site: Path, site_url: str) -> None:
    """Each RSS feed in the written `site` gives its cards' sizes, for cards addressed under `site_url`."""

    def length(found: re.Match) -> str:
        card = site / found["url"].removeprefix(site_url)
        return found[0].replace('length="None"', f'length="{card.stat().st_size}"') if card.is_file() else found[0]

    for feed in site.glob("feed_rss_*.xml"):
        feed.write_text(_ENCLOSURE.sub(length, feed.read_text(encoding="utf-8")), encoding="utf-8")
