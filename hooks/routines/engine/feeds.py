"""Patches of mkdocs-rss-plugin (1.19.0): feeds start empty at every build, read each post's dates, and their images have a size.

`feeds_afresh`. What: calls the plugin's own `on_startup` again at each
build's `on_config` under `serve`. Why: the plugin gathers a build's feed
items from `on_startup` on, which `serve` runs once, so each rebuild added
every item again. Guard: only for a plugin named `rss` that has the list it
gathers into (`pages_to_filter`) and an `on_startup` that empties it; its
`on_startup` does nothing else. Otherwise (`engine/guard.py`) one line says
that `serve`'s feeds may repeat items; a build's are right.

`dated_once`. What: a post's `date`, in the page's metadata, as one mapping of
`created` and `updated`, which mkdocs.yml names to the plugin (`date.created`,
`date.updated`). Why: the plugin reads one key for each date; a post may give
its date as a day or as that mapping (WRITING.md), and a key that finds no date
gives the moment of the build, putting the post at the top of every feed on
every build. Guard: only a day or a mapping with `created`, as validated.

`fill_card_lengths`. What: the written RSS feeds, after the build. Why: the
plugin looks for a post's card beside its source, not in the built site, and
writes `length="None"` in the enclosure, which feed readers reject. Guard:
only an enclosure of a PNG with exactly that attribute, and only for a card
the site holds; anything else is left as written, and a `length="None"`
left in a feed says so in one line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .guard import Patch, has

AFRESH = Patch(
    "feeds started afresh at each save", "mkdocs-rss-plugin", "1.19.0",
    "under serve the feeds may list a post again at each save (a build's feeds are right)",
)
SIZED = Patch(
    "feed images given their size", "mkdocs-rss-plugin", "1.19.0",
    'feed items whose image the plugin could not size keep length="None"',
)
_ENCLOSURE = re.compile(r'<enclosure url="(?P<url>[^"]+)" type="image/png" length="None" ?/>')


def feeds_afresh(config, keeps_pages: bool) -> None:
    """Each rss plugin of the build of `config` starts its feeds empty, as `on_startup` left them."""
    for name, plugin in config.plugins.items():
        if name.split(" ")[0] != "rss" or not AFRESH.holds(
            has(plugin, "pages_to_filter", kind=list), has(plugin, "on_startup", parameters=("command", "dirty")),
        ):
            continue
        plugin.on_startup(command="serve", dirty=keeps_pages)
        AFRESH.holds(None if plugin.pages_to_filter == [] else "its on_startup no longer empties pages_to_filter")


def dated_once(meta: dict) -> dict:
    """Page metadata whose `date` is a mapping of `created` and `updated` (the day it was created, unless updated says)."""
    date = meta.get("date")
    if isinstance(date, dict) and "created" in date:
        return {**meta, "date": {"created": date["created"], "updated": date.get("updated") or date["created"]}}
    if isinstance(date, (dt.date, dt.datetime)):
        return {**meta, "date": {"created": date, "updated": date}}
    return meta


def fill_card_lengths(site: Path, site_url: str) -> None:
    """Each RSS feed in the written `site` gives its cards' sizes, for cards addressed under `site_url`."""

    def length(found: re.Match) -> str:
        card = site / found["url"].removeprefix(site_url)
        return found[0].replace('length="None"', f'length="{card.stat().st_size}"') if card.is_file() else found[0]

    for feed in site.glob("feed_rss_*.xml"):
        text = _ENCLOSURE.sub(length, feed.read_text(encoding="utf-8"))
        feed.write_text(text, encoding="utf-8")
        SIZED.holds(f'{feed.name} has an enclosure written otherwise' if 'length="None"' in text else None)
