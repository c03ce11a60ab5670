"""What a page says of itself when shared: a post's title, routine in one line and card; other pages the site's."""

from __future__ import annotations

from routines.contract.fields import validate_front
from routines.contract.frontmatter import read_front_matter
from routines.rendering.previews import POST_CARD, SITE_CARD, page_preview, post_card, post_preview, routine_summary
from tests.posts import knee, post_text


def test_a_post_is_an_article_with_its_own_card_and_its_routine_in_one_line(site):
    post, problems = validate_front(read_front_matter(post_text(knee())), "knee.md", "blog/posts", site)
    assert not problems
    assert routine_summary(post) == "3 steps · about 4\u00a0min · foam roller, tennis ball"
    preview = post_preview(post, "https://x.org/knee/", "The site")
    assert (preview.type, preview.image, preview.published, preview.section) == ("article", "https://x.org/knee/" + POST_CARD, "2024-01-17", "Knee")
    assert preview.image_alt == f"{post.title} · {routine_summary(post)}"
    assert post_card(post, "DIY").summary == routine_summary(post)


def test_any_other_page_shows_the_sites_description_and_card():
    preview = page_preview("Series", "https://x.org/series/", "https://x.org/", "DIY", "Routines.")
    assert (preview.description, preview.image, preview.image_alt) == ("Routines.", "https://x.org/" + SITE_CARD, "DIY: Routines.")


def test_a_page_with_its_own_description_shows_it_beside_the_sites_card():
    """A list page says what it lists; its card stays the site's."""
    preview = page_preview("Knee", "https://x.org/blog/category/knee/", "https://x.org/", "DIY", "Routines.", "Filed under Knee.")
    assert (preview.description, preview.image_alt) == ("Filed under Knee.", "DIY: Routines.")
