"""Where the site is published: an address made up for the example never goes on the public web."""

from __future__ import annotations

from urllib.parse import urlsplit

# Hosts that stand for "some site" in examples and on one's own machine: a page
# published with one links, shares and prints QR codes to somewhere else.
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")


def address_problems(settings: dict[str, str], config_name: str = "mkdocs.yml") -> list[str]:
    """Why the practice's addresses cannot be published as they are: one line per setting, with the fix.

    Args:
        settings: each address setting by its name in mkdocs.yml (`site_url`, `extra.booking.url`);
            `site_url` is required, the others only checked when set.
        config_name: the file the lines name.
    """
    lines = []
    for name, value in settings.items():
        if not value and name != "site_url":
            continue
        why = _why_not_public(value)
        if why:
            example = "https://www.your-practice.com/" if name == "site_url" else "https://www.your-practice.com/book"
            lines.append(f"{config_name}: {name}: {why}; set it to the practice's public address (like {example}) before publishing")
    return lines


def _why_not_public(url: str) -> str:
    if not url:
        return "is missing"
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return f"{url} is not a web address (https://...)"
    if any(host == placeholder or host.endswith("." + placeholder) for placeholder in PLACEHOLDER_HOSTS):
        return f"{url} is a placeholder"
    return ""
