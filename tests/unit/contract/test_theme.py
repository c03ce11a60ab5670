"""What Material's theme offers a post: its page templates and the site's own, its icons, its statuses."""

from __future__ import annotations

from routines.contract.theme import material_folder, read_theme


def test_page_templates_are_material_s_and_the_site_s_own(tmp_path):
    """A template of overrides/ may lay out a post; the pages written on their own (404, 503) may not."""
    for name in ("wide.html", "404.html", "503.html", "main.html", "sw.js"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "card.html").write_text("x", encoding="utf-8")
    theme = read_theme(str(tmp_path), [str(tmp_path)], ["503.html"], None)
    assert theme.templates == ("blog-post.html", "main.html", "wide.html")


def test_icons_are_the_theme_s_files(tmp_path):
    theme = read_theme(None, [str(tmp_path), str(material_folder())], [], None)
    assert theme.has_icon("material/spa") and not theme.has_icon("material/no-such-icon")
    assert not theme.has_icon("../../../../etc/passwd")


def test_statuses_are_material_s_and_those_extra_status_names():
    assert read_theme(None, [], [], {"beta": "In testing"}).statuses == ("new", "deprecated", "beta")
    assert read_theme(None, [], [], None).statuses == ("new", "deprecated")
