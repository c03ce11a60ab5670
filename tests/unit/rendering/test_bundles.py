"""The bundles: the parts in order, minified, named by their content."""

from __future__ import annotations

from routines.rendering.bundles import bundle


def test_styles_in_order_minified_and_fingerprinted(tmp_path):
    first, second = tmp_path / "a.css", tmp_path / "b.css"
    first.write_text("/* a */\n.a {\n  color: red;\n}\n")
    second.write_text(".b { margin: 0 0 0 0; }\n@media print { .a { display: none; } }\n")
    path, text = bundle("css", [first, second])
    assert text.index(".a{color:red}") < text.index(".b{margin:0}") < text.index("@media print")
    assert "/* a */" not in text
    assert path.startswith("assets/stylesheets/site.") and path.endswith(".min.css")
    second.write_text(".b { margin: 1px; }\n")
    changed, _ = bundle("css", [first, second])
    assert changed != path, "a changed part is a new name: caches never serve the old one"
    assert bundle("css", [first, second])[0] == changed, "the same parts, the same name"


def test_scripts_stay_apart(tmp_path):
    """A script whose last statement has no semicolon does not run into the next one."""
    first, second = tmp_path / "a.js", tmp_path / "b.js"
    first.write_text("(() => {\n  // one\n  const a = `x ${1}`\n})()\n")
    second.write_text("(() => { window.b = 2; })();\n")
    path, text = bundle("js", [first, second])
    assert path.startswith("assets/javascripts/site.") and path.endswith(".min.js")
    assert "// one" not in text and "`x ${1}`" in text
    assert ")();" in text.split("\n")[0] or text.split("\n")[0].endswith(";")
