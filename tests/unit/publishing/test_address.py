"""A placeholder address never reaches the public web: each one is named with its setting and the fix."""

from __future__ import annotations

import pytest

from routines.publishing.address import address_problems


@pytest.mark.parametrize("url", [
    "https://example.org/", "http://example.com", "https://www.example.net/blog/", "http://localhost:8000/",
    "http://127.0.0.1:8000/",
])
def test_a_placeholder_site_url_is_named_with_the_fix(url):
    """example.org/.com/.net, localhost and 127.0.0.1 stand for no one's site."""
    assert address_problems({"site_url": url}) == [
        f"mkdocs.yml: site_url: {url} is a placeholder; set it to the practice's public address"
        " (like https://www.your-practice.com/) before publishing"
    ]


@pytest.mark.parametrize(("url", "why"), [
    ("", "is missing"),
    ("www.clinic.com", "www.clinic.com is not a web address (https://...)"),
])
def test_a_missing_or_partial_site_url_is_named(url, why):
    """The address is required, with its scheme."""
    assert address_problems({"site_url": url}) == [
        f"mkdocs.yml: site_url: {why}; set it to the practice's public address (like https://www.your-practice.com/) before publishing"
    ]


def test_a_real_address_passes_and_an_unset_booking_page_is_not_required():
    """The practice's own address is fine; the booking page is optional, but never a placeholder."""
    assert address_problems({"site_url": "https://recovery.physio-ana.com/", "extra.booking.url": ""}) == []
    assert address_problems({"site_url": "https://physio.example.co.uk/", "extra.booking.url": "https://example.com/book"}) == [
        "mkdocs.yml: extra.booking.url: https://example.com/book is a placeholder; set it to the practice's public address"
        " (like https://www.your-practice.com/book) before publishing"
    ]
