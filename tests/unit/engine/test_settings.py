"""What the hooks read of mkdocs.yml: the blogs' settings, read once per build, and paths as authors see them."""

from __future__ import annotations

from types import SimpleNamespace

from routines.engine import settings


def config(tmp_path, per_page=5):
    """Stands for a parsed MkDocs config with one blog, a tags plugin and one series."""
    blog = SimpleNamespace(config={"blog_dir": "blog", "pagination_per_page": per_page, "categories_allowed": ["Knee"]}, blog=SimpleNamespace(posts=["p1", "p2"]))
    plugins = {"material/blog": blog, "tags": SimpleNamespace(), "rss": SimpleNamespace()}
    return SimpleNamespace(
        docs_dir=str(tmp_path / "docs"), config_file_path=str(tmp_path / "mkdocs.yml"), plugins=plugins,
        theme=SimpleNamespace(get={"language": "en"}.get, custom_dir=None, dirs=[], static_templates={"404.html"}),
        exclude_docs=None, extra={"series": {"diy-recovery": {"title": "DIY"}}},
    )


def test_the_site_is_read_once_per_build_from_the_blogs_own_settings(tmp_path):
    this = config(tmp_path)
    site = settings.site(this)
    assert settings.site(this) is site
    assert (site.series, site.categories, site.post_dirs) == (("diy-recovery",), ("Knee",), ("blog/posts/",))
    assert settings.per_page(this) == 5 and settings.per_page(config(tmp_path, per_page=8)) == 8
    assert settings.published_posts(this) == ["p1", "p2"]
    assert settings.tags_plugin(this) is this.plugins["tags"]


def test_paths_in_error_lines_are_relative_to_mkdocs_yml(tmp_path):
    assert settings.shown_path(config(tmp_path), str(tmp_path / "docs" / "blog" / "posts" / "knee.md")) == "docs/blog/posts/knee.md"
    assert settings.kept_in(config(tmp_path), "cards") == tmp_path / ".cache" / "cards"
