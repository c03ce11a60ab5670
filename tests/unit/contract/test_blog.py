"""Material's blog settings, read once with Material's defaults, and what the blog does with a post."""

from __future__ import annotations

import datetime as dt

import pytest

from routines.contract.blog import Blog, is_blog_plugin, read_blog


def test_settings_left_out_take_materials_defaults(tmp_path):
    blog = read_blog({}, str(tmp_path))
    assert (blog.blog_dir, blog.post_dir, blog.excerpt_separator, blog.per_page, blog.future_is_draft) == ("blog", "blog/posts/", None, 10, False)
    assert blog.authors == frozenset()  # no authors file: the blog knows no author


def test_settings_given_are_read_from_parsed_config_or_plain_yaml_alike(tmp_path):
    options = {"blog_dir": "news", "post_excerpt": "required", "pagination_per_page": 5, "draft_if_future_date": True, "authors": False}
    blog = read_blog(options, str(tmp_path))
    assert (blog.post_dir, blog.excerpt_separator, blog.per_page, blog.future_is_draft, blog.authors) == ("news/posts/", "<!-- more -->", 5, True, None)


@pytest.mark.parametrize(("name", "blog"), [("blog", True), ("material/blog", True), ("blog 2", True), ("tags", False), ("blogroll", False)])
def test_a_blog_plugin_is_known_by_the_name_mkdocs_yml_lists_it_under(name, blog):
    assert is_blog_plugin(name) is blog


def test_a_posts_address_is_made_as_material_makes_it():
    blog = Blog()
    assert blog.slug("Knee Pain? Try This") == "knee-pain-try-this"
    assert blog.post_path("knee", dt.date(2024, 1, 17), ("Knee",), "blog/posts/knee.md") == "blog/2024/01/17/knee.md"
    assert Blog(url_format="{categories}/{slug}").post_path("knee", dt.date(2024, 1, 17), ("Ankle and foot",), "x.md") == "blog/ankle-and-foot/knee.md"


def test_a_future_date_is_after_the_moment_of_the_build():
    now = dt.datetime(2024, 1, 17, 12, tzinfo=dt.timezone.utc)
    assert Blog().is_future(dt.date(2024, 1, 18), now) and not Blog().is_future(dt.date(2024, 1, 17), now)
