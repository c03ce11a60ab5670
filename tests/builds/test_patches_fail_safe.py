"""Each patch of MkDocs, Material or a plugin, with what it relies on gone or changed: a working site and one warning.

Every build here runs in a child process whose Python first changes the
installed package as an upgrade could (a `sitecustomize` module on
PYTHONPATH), then builds strictly: the build passes, the terminal names the
patch and the version it was written for, and the site is the one a normal
build makes, apart from what the patch only speeds up.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from tests.dev_server import DevServer, clean_build, tree, wait_for
from tests.posts import knee, post_text
from tests.sites import ENGINE, build, make_site, without_build_time

STEP_TEXT = "Then try [the neck routine](neck.md#the-routine) or ![a picture](../../assets/images/favicon.svg)."


def _docs() -> dict[str, str]:
    """Two routines, one step's text linking the other; a list page of each kind."""
    neck = knee(title="Neck Flow", date=dt.date(2024, 1, 10), categories=["Neck"], slug="neck")
    linking = knee(**{"routine.steps.2.text": STEP_TEXT})
    return {
        "blog/posts/neck.md": post_text(neck),
        "blog/posts/knee.md": post_text(linking),
        "assets/images/favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    }


def _broken(folder: Path, python: str) -> str:
    """A folder for PYTHONPATH whose `sitecustomize` runs `python` as the interpreter starts.

    On ProperDocs, `mkdocs` is ProperDocs from the start, as its command makes it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    engine = "import properdocs.replacement\n" if ENGINE == "properdocs" else ""
    (folder / "sitecustomize.py").write_text(engine + textwrap.dedent(python), encoding="utf-8")
    return str(folder)


@pytest.fixture(scope="module")
def normal(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("normal"), _docs())
    result = build(root)
    assert result.returncode == 0, result.output
    # Each test below holds a site with one patch off against this one, with every patch on
    # (on versions other than the pinned ones, as `make test-upgrade` runs them, this names what is off).
    assert [line for line in result.output.splitlines() if "routines: " in line] == []
    return result


def _build_without(tmp_path, monkeypatch, python: str):
    monkeypatch.setenv("PYTHONPATH", _broken(tmp_path / "upgrade", python))
    (tmp_path / "site").mkdir()
    result = build(make_site(tmp_path / "site", _docs()))
    assert result.returncode == 0, result.output
    return result


def _warning(output: str, patch: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith(f"WARNING -  routines: {patch} is off: ")]
    assert len(lines) == 1, output
    assert "(written for " in lines[0], lines[0]
    assert "the site builds without it: " in lines[0]
    return lines[0]


def _same_pages(ours, normal, skip=()) -> None:
    files = lambda site: {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    built, expected = files(ours.site), files(normal.site)
    assert sorted(built) == sorted(expected)
    differ = [path for path in expected if path not in skip and without_build_time(built[path]) != without_build_time(expected[path])]
    assert differ == []


EXCERPT_SIGNATURE = """
    import material.plugins.blog.structure as blog
    render = blog.Excerpt.render
    def changed(self, view, separator):
        return render(self, view, separator)
    blog.Excerpt.render = changed
"""
OWN_MARKDOWN = """
    import markdown, material.plugins.blog.structure as blog
    blog.Markdown = type("Markdown", (markdown.Markdown,), {})
"""
OWN_YAML_LOADER = """
    import yaml, material.plugins.blog.structure as blog
    blog.SafeLoader = type("SafeLoader", (yaml.SafeLoader,), {})
"""


@pytest.mark.parametrize(
    ("python", "patch"),
    [
        (EXCERPT_SIGNATURE, "excerpts rendered from the start of each post"),
        (OWN_MARKDOWN, "excerpt parsers made when first used"),
        (OWN_YAML_LOADER, "front matter parsed once"),
    ],
    ids=["excerpt render", "excerpt parser", "blog yaml"],
)
def test_a_patch_that_only_speeds_up_leaves_the_same_site(tmp_path, monkeypatch, normal, python, patch):
    """Material's own way is used instead: every file is the same."""
    result = _build_without(tmp_path, monkeypatch, python)
    assert "mkdocs-material 9.8.2" in _warning(result.output, patch)
    _same_pages(result, normal)


def test_a_blog_reading_its_authors_otherwise_leaves_the_same_site(tmp_path, monkeypatch, normal):
    """Material reads the authors file its own way: with nothing wrong in it, every file is the same."""
    result = _build_without(tmp_path, monkeypatch, """
        import material.plugins.blog.plugin as blog
        resolve = blog.BlogPlugin._resolve_authors
        def changed(self, mkdocs_config):
            return resolve(self, mkdocs_config)
        blog.BlogPlugin._resolve_authors = changed
    """)
    assert "mkdocs-material 9.8.2" in _warning(result.output, "authors file mistakes named by line")
    _same_pages(result, normal)


def test_step_links_without_mkdocs_private_resolver(tmp_path, monkeypatch, normal):
    """Links in a step's text still become the pages' and files' addresses."""
    result = _build_without(tmp_path, monkeypatch, """
        import mkdocs.structure.pages as pages
        resolver = pages._RelativePathTreeprocessor
        class Renamed(resolver):
            def __init__(self, source, files, config):
                super().__init__(source, files, config)
        pages._RelativePathTreeprocessor = Renamed
    """)
    assert "mkdocs 1.6.1" in _warning(result.output, "step text links resolved by MkDocs")
    _same_pages(result, normal)
    post = result.page("blog/2024/01/17/knee-pain-try-this-self-massage--stretch/")
    link = next(a for a in post.select("a") if a.get_text() == "the neck routine")
    assert link["href"] == "../../10/neck/#the-routine"
    assert post.select_one("img[alt='a picture']")["src"] == "../../../../../assets/images/favicon.svg"


def test_list_pages_without_materials_views(tmp_path, monkeypatch, normal):
    """List pages keep the site's description; every other file is the same."""
    result = _build_without(tmp_path, monkeypatch, """
        import material.plugins.blog.plugin  # imported as Material had it; then gone from its module
        import material.plugins.blog.structure as blog
        del blog.Category
    """)
    _warning(result.output, "list pages described by what they list")
    lists = {"blog/index.html", "blog/category/knee/index.html", "blog/category/neck/index.html", "blog/archive/2024/index.html"}
    _same_pages(result, normal, skip=lists)
    description = result.page("blog/category/knee/").select_one("meta[name=description]")["content"]
    assert description == "Self-massage, breathing and mobility routines from manual therapists."
    assert description != normal.page("blog/category/knee/").select_one("meta[name=description]")["content"]


def test_a_changed_container_block_falls_back_to_materials(tmp_path, monkeypatch, normal):
    """Material's own block is used: pages build, unmarked for search but for posts (their own template)."""
    result = _build_without(tmp_path, monkeypatch, """
        import os, sys
        sys.path.insert(0, os.path.join(os.getcwd(), "hooks"))
        from routines.engine import copies
        read = copies._material
        copies._material = lambda name: read(name).replace('<article class="md-content__inner md-typeset">', '<article class="md-content__inner md-typeset" id="content">')
    """)
    _warning(result.output, "the search mark in Material's container block (overrides/main.html)")
    home = result.page("")
    assert home.select_one("article.md-content__inner") is not None
    assert home.select_one("[data-pagefind-body]") is None and normal.page("").select_one("[data-pagefind-body]") is not None
    assert result.page("blog/2024/01/10/neck/").select_one("article[data-pagefind-body]") is not None


SERVE_CHANGED = """
    import mkdocs.livereload, mkdocs.structure.files, mkdocs.structure.pages
    render = mkdocs.structure.pages.Page.render
    def render_more(self, config, files):
        render(self, config, files)
        self.rendered_at = 1
    mkdocs.structure.pages.Page.render = render_more
    from_theme = mkdocs.structure.files.Files.add_files_from_theme
    def from_theme_reading_more(self, env, config):
        listing = env.list_templates
        def list_templates(extensions=None, filter_func=None):
            def reading_more(name):
                return filter_func(name) and bool(config.use_directory_urls)
            return listing(extensions=extensions, filter_func=reading_more)
        env.list_templates = list_templates
        return from_theme(self, env, config)
    mkdocs.structure.files.Files.add_files_from_theme = from_theme_reading_more
    unwatch = mkdocs.livereload.LiveReloadServer.unwatch
    mkdocs.livereload.LiveReloadServer.unwatch = lambda self, where: unwatch(self, where)
    import material.plugins.blog.plugin as blog
    resolve = blog.BlogPlugin._resolve_post
    blog.BlogPlugin._resolve_post = lambda self, post_file, config: resolve(self, post_file, config)
"""


def test_serve_without_its_patches_serves_what_a_clean_build_makes(tmp_path, monkeypatch):
    """Page rendering, the theme's file filter, the watcher and the blog's reading of a post changed: saves are heard, and the site stays right."""
    (tmp_path / "site").mkdir()
    root = make_site(tmp_path / "site", _docs())
    monkeypatch.setenv("PYTHONPATH", _broken(tmp_path / "upgrade", SERVE_CHANGED))
    with DevServer(root, tmp_path / "serve") as server:
        monkeypatch.delenv("PYTHONPATH")
        post = root / "docs" / "blog" / "posts" / "neck.md"
        post.write_text(post.read_text().replace("title: Neck Flow", "title: Neck Flow Again"))
        wait_for(lambda: "Neck Flow Again" in server.page("blog/"))
        server.settled()
        served, clean = tree(server.site), tree(clean_build(root, server.url))
        assert sorted(served) == sorted(clean)
        assert [p for p in clean if without_build_time(served[p]) != without_build_time(clean[p])] == []
        log = server.log.read_text()
    off = [line.split("routines: ", 1)[1].split(" is off: ")[0] for line in log.splitlines() if " is off: " in line]
    assert sorted(off) == [
        "file events in place of polling", "page HTML kept between saves", "the saved post shown before the whole build", "theme files listed once",
    ], log
    assert "as saved" not in log
