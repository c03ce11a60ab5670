"""A wrong address is never a dead end: the 404 page offers search, the home page and the latest routines."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_the_404_page_leads_home_to_search_and_to_the_latest_routines(new_page, base_url):
    page = new_page()
    response = page.goto(base_url + "blog/2024/01/17/no-such-routine/")
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    latest = page.locator(".way-back__latest a")
    assert latest.count() >= 3
    first = latest.first.inner_text()
    latest.first.click()
    expect(page.locator("article h1")).to_have_text(first)
    page.go_back()
    page.locator("article").get_by_role("link", name="Home", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(base_url) + r"\.?$"))
    page.goto(base_url + "no/such/page/")
    page.get_by_role("button", name="Search the routines").click()
    expect(page.locator("dialog.site-search")).to_be_visible()
    expect(page.locator(".site-search__input")).to_be_focused()
