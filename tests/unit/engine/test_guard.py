"""A patch whose internals are missing or changed stays off, says so in one line, and leaves the supported behaviour."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from routines.engine import blog_authors, feeds, guard, post_lookup, preview, reads, templates, watcher
from routines.engine.post_lookup import Posts


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    """Each test starts with every patch on, as a new process does."""
    monkeypatch.setattr(guard, "_off", {})


def warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "routines.upgrade" and r.levelno == logging.WARNING]


def test_a_missing_internal_turns_its_patch_off_with_one_line(caplog):
    """The line names the patch, what is missing, the version it was written for and the one installed."""
    patch = guard.Patch("a patch", "mkdocs", "1.6.1", "pages are plainer")
    owner = SimpleNamespace(method=lambda page, separator: None)
    assert patch.holds(guard.has(owner, "method", parameters=("page", "separator")))
    assert not patch.holds(guard.has(owner, "gone"), guard.has(owner, "method", parameters=("view",)))
    assert not patch.holds(), "off for the rest of the process"
    [line] = warnings(caplog)
    assert line.startswith("routines: a patch is off: SimpleNamespace.gone is missing; SimpleNamespace.method takes (page, separator), not (view)")
    assert "(written for mkdocs 1.6.1, installed 1.6.1); the site builds without it: pages are plainer" in line


def test_the_line_is_not_one_that_fails_a_strict_build():
    """MkDocs counts warnings of its own loggers (`mkdocs.*`) under --strict; this one is outside them."""
    assert not guard.log.name.startswith(("mkdocs", "properdocs"))
    assert guard.log.handlers, "printed to the terminal by its own handler"


def test_posts_not_a_list_are_left_as_they_are(caplog):
    blog = SimpleNamespace(posts=("first", "second"))
    post_lookup.answer_at_once([blog])
    assert blog.posts == ("first", "second")
    assert "posts found by identity is off: SimpleNamespace.posts is no longer a list" in warnings(caplog)[0]
    listed = SimpleNamespace(posts=["first"])
    post_lookup.answer_at_once([listed])
    assert not isinstance(listed.posts, Posts), "off for the process, as its packages do not change"


def test_a_blog_reading_its_authors_otherwise_is_left_as_it_is(monkeypatch, caplog):
    """A wrong authors file then stops the build in Material's words, as without the site."""
    def changed(self, mkdocs_config):
        return {}

    monkeypatch.setattr(blog_authors.BlogPlugin, "_resolve_authors", changed)
    blog_authors.tolerate_wrong_authors()
    assert blog_authors.BlogPlugin._resolve_authors is changed
    [line] = warnings(caplog)
    assert "authors file mistakes named by line is off: BlogPlugin._resolve_authors takes (self, mkdocs_config), not (self, config)" in line


class _Rss:
    """mkdocs-rss-plugin's state as a version that gathers its items elsewhere might have it."""

    def __init__(self) -> None:
        self.items: list = ["an item of the last build"]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.started = (command, dirty)


def test_feeds_of_an_rss_plugin_without_its_list_are_left_alone(caplog):
    plugin = _Rss()
    feeds.feeds_afresh(SimpleNamespace(plugins={"rss": plugin}), keeps_pages=True)
    assert not hasattr(plugin, "started"), "its on_startup is not called again"
    assert "feeds started afresh at each save is off: _Rss.pages_to_filter is missing" in warnings(caplog)[0]


def test_a_feed_written_otherwise_is_left_as_written_and_said(tmp_path, caplog):
    card = tmp_path / "blog" / "knee" / "card.png"
    card.parent.mkdir(parents=True)
    card.write_bytes(b"12345")
    ours = '<enclosure url="https://example.org/blog/knee/card.png" type="image/png" length="None" />'
    other = '<enclosure length="None" type="image/png" url="https://example.org/blog/knee/card.png"/>'
    (tmp_path / "feed_rss_created.xml").write_text(ours)
    feeds.fill_card_lengths(tmp_path, "https://example.org/")
    assert 'length="5"' in (tmp_path / "feed_rss_created.xml").read_text() and warnings(caplog) == []
    (tmp_path / "feed_rss_created.xml").write_text(other)
    feeds.fill_card_lengths(tmp_path, "https://example.org/")
    assert (tmp_path / "feed_rss_created.xml").read_text() == other
    assert "feed images given their size is off: feed_rss_created.xml has an enclosure written otherwise" in warnings(caplog)[0]


def test_a_jinja_without_item_lookups_leaves_serve_rendering_every_page(caplog):
    """The environment is left as Jinja made it: every page is rendered and written at every save."""
    env = SimpleNamespace(getattr=lambda obj, attribute: None, get_template=lambda name, parent=None, globals=None: None, globals={})
    reads.render_what_changed(env, config=None, serving=None, served=None)
    assert sorted(vars(env)) == ["get_template", "getattr", "globals"], "nothing patched"
    assert "pages left unwritten by serve when unchanged is off: SimpleNamespace.getitem is missing" in warnings(caplog)[0]


def test_a_theme_without_its_static_templates_compiles_at_every_save(caplog):
    """Its environments are MkDocs' own, made afresh each build."""
    make = lambda: "a new environment"
    theme = SimpleNamespace(get_env=make)
    templates.keep_templates(SimpleNamespace(theme=theme), serving=None)
    assert theme.get_env is make
    assert "compiled templates kept between saves is off: SimpleNamespace.static_templates is missing" in warnings(caplog)[0]


class _Server:
    """A livereload server as MkDocs 1.6 has it, but for `unwatch`, which takes another name."""

    def __init__(self) -> None:
        self._watched_paths = {"/docs": 1}
        self.observer = object()

    def watch(self, path: str) -> None:
        raise AssertionError("not watched again")

    def unwatch(self, where: str) -> None:
        raise AssertionError("not unwatched")


def test_a_server_not_as_known_keeps_its_polling(caplog):
    server = _Server()
    observer = server.observer
    watcher.watch_natively(server)
    assert server.observer is observer
    assert "file events in place of polling is off: _Server.unwatch takes (where), not (path)" in warnings(caplog)[0]


def test_a_folder_on_a_network_share_is_polled(tmp_path):
    mounts = tmp_path / "mountinfo"
    mounts.write_text(
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "90 22 0:50 / /mnt/share rw,relatime shared:50 - nfs4 server:/export rw\n"
    )
    assert watcher.file_system("/mnt/share/docs", str(mounts)) == "nfs4"
    assert watcher.file_system("/home/docs", str(mounts)) == "ext4"
    assert watcher.file_system("/home", str(tmp_path / "none")) == ""


def test_a_server_without_its_versions_of_the_site_shows_a_save_once_built(caplog):
    """The livereload server no longer counts the versions it tells browsers of: its builder is left as it is."""
    def builder() -> None:
        pass

    server = SimpleNamespace(builder=builder, mount_path="/", get_app=lambda: None, set_app=lambda app: None, _wanted_epoch=0)
    preview.preview_saves(server, SimpleNamespace())
    assert server.builder is builder
    assert "the saved post shown before the whole build is off: SimpleNamespace._epoch_cond is missing; SimpleNamespace._visible_epoch is missing" in warnings(caplog)[0]
