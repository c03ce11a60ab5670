"""Patch: under `serve --dirty`, a page is written again only when what its last render read now reads differently.

What: for one build, the Jinja environment MkDocs renders pages in: its
`getattr` and `getitem` (every `a.b` and `a[b]` of a template, and of the
filters that take an attribute), its context class (every name a template
looks up, every function it calls) and the template `_build_page` asks for by
name (MkDocs' `_build_page` renders what `env.get_template(name)` returns).

Why: what a page shows is whatever its template and the hooks before it read:
a hand-kept list of it goes stale the day a template reads one more thing.
While a page renders, every read of a page, section, link or the navigation
(of any page, the one rendered or another), every name it looks up and every
function of the site it calls is noted with what it gave. At the next build,
once every hook has run for the page (`on_page_context` included), the same
reads are made again of this build's objects: when each gives what it gave,
the template would render the same page, and it is not rendered. A read
that gives the same object as for an earlier page of the build is made into
data once (`_Now`); the page being rendered is read afresh, as its own
`on_page_context` may have changed what it holds. (Neither MkDocs, Material
nor the site's hooks change another page's values in place while pages
render; with a plugin that did, a page could stay as it was written until
a later save renders it.)

Guard: what a read gives is compared as data, the site's objects by name (a
page by its file, a section by its titles, a link by its title and address);
a page read from an object that cannot be named across builds, or that called
a function that cannot be called again (anything but the environment's own
globals, the template's names and plain data's methods), is rendered every
time. What mkdocs.yml, the overrides and the hooks give is not noted: a
change to them starts `serve` afresh. A page not rendered is returned empty,
which MkDocs does not write: `on_post_page` listeners are handed that empty
page, and `hooks/incremental.py` keeps it empty after them. Before use
(`engine/guard.py`), the environment's `getattr`, `getitem` and
`get_template`, Jinja's context, and MkDocs' `_build_page` (which renders the
template it asks for by name, and writes no empty page) are checked: where
one is missing or changed, `serve` renders every page at every save, as
plain `serve` does, and one line says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import os
import types
from collections.abc import Mapping
from typing import Any

import jinja2
import jinja2.runtime
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from ..serving.incremental import Session
from .guard import Patch, has

LEFT = Patch(
    "pages left unwritten by serve when unchanged", "mkdocs", "1.6.1",
    "serve writes every page at every save, as plain serve does (slower)",
)


class Name(tuple):
    """A page, section, link or navigation, named the same in every build."""


_CONFIG = Name(("config",))
_MISSING = ("missing",)
_NOTHING = object()  # what a read of this build was compared with before any comparison
_UNNAMED = ("unnamed",)  # an object of the site no later build can find again


def name_of(item: Any) -> Name | None:
    """How a later build finds `item` again; None for what is not the site's page, section, link or navigation."""
    kind = _kind(type(item))
    return _named(item, kind) if kind in _NAMED else None


def _named(item: Any, kind: str) -> Name:
    if kind == "page":
        return Name(("page", type(item).__name__, item.file.src_uri))
    if kind == "section":
        titles = []
        while item is not None:
            titles.append(item.title)
            item = item.parent
        return Name(("section", *reversed(titles)))
    if kind == "link":
        return Name(("link", item.title, item.url))
    return Name(("nav",))


def data(value: Any) -> Any:
    """`value` as data to compare across builds: the site's objects by name, others by what they hold."""
    return _data(value, set())


def _data(value: Any, seen: set[int]) -> Any:
    kind = _kind(type(value))
    if kind == "plain":
        return value  # Markup stays Markup: a function called again gets it as it was
    if kind in _NAMED:
        return _named(value, kind)
    if kind == "missing":
        return _MISSING
    if kind == "config":
        return _CONFIG
    if kind == "function":
        return ("function", getattr(value, "__qualname__", repr(value)))
    if kind == "other":
        return repr(value)
    if id(value) in seen:
        return ("cycle",)
    seen.add(id(value))
    try:
        if kind == "mapping":
            return {key: _data(item, seen) for key, item in value.items()}
        if kind == "list":
            return [_data(item, seen) for item in value]
        if kind == "tuple":
            return tuple(_data(item, seen) for item in value)
        if kind == "set":
            return frozenset(_data(item, seen) for item in value)
        held = getattr(value, "__dict__", None)
        return repr(value) if held is None else (type(value).__qualname__, _data(held, seen))
    finally:
        seen.discard(id(value))


_NAMED = ("page", "section", "link", "nav")
_KINDS: dict[type, str] = {}


def _kind(of: type) -> str:
    """What sort of value a type's are, for `data`."""
    kind = _KINDS.get(of)
    if kind is None:
        kind = _KINDS[of] = next((name for name, test in _SORTS if test(of)), "other")
    return kind


_SORTS = (
    ("plain", lambda of: of is type(None) or issubclass(of, (str, bool, int, float, dt.date, dt.time, enum.Enum))),
    ("page", lambda of: issubclass(of, Page)),
    ("section", lambda of: issubclass(of, Section)),
    ("link", lambda of: issubclass(of, Link)),
    ("nav", lambda of: issubclass(of, Navigation)),
    ("missing", lambda of: issubclass(of, jinja2.Undefined)),
    ("config", lambda of: issubclass(of, MkDocsConfig)),
    ("function", lambda of: issubclass(of, (types.FunctionType, types.BuiltinFunctionType, types.MethodType, functools.partial, type))),
    ("mapping", lambda of: issubclass(of, Mapping)),
    ("tuple", lambda of: of is tuple),
    ("list", lambda of: issubclass(of, (list, tuple))),
    ("set", lambda of: issubclass(of, (set, frozenset))),
    ("object", lambda of: True),
)


_PLAIN_MODULES = ("builtins", "markupsafe", "jinja2")


def _pure(callable_: Any) -> bool:
    """Whether a call gives the same for the same arguments: Jinja's macros and helpers, Python's types, plain data's methods."""
    if isinstance(callable_, (types.BuiltinFunctionType, types.MethodType)):
        owner = getattr(callable_, "__self__", None)
        return owner is None or type(owner).__module__.startswith(_PLAIN_MODULES)
    return isinstance(callable_, type) or type(callable_).__module__.startswith("jinja2")


# -----------------------------------------------------------------------------
# What one render read
# -----------------------------------------------------------------------------


@dataclasses.dataclass
class Reads:
    """What a page's render read: each read of the site's objects, each name, each call of a function of the site.

    Attributes:
        template: the template the page was rendered with.
        reads: each object's name -> ("attr" or "item", what was asked) -> what it gave.
        names: each name looked up -> what it gave.
        calls: how each function was reached, its arguments and keyword arguments, and what it gave.
        again: whether a later build can make every read again; if not, the page is rendered every time.
    """

    template: str
    reads: dict[Name, dict[tuple, Any]] = dataclasses.field(default_factory=dict)
    names: dict[str, Any] = dataclasses.field(default_factory=dict)
    calls: list[tuple] = dataclasses.field(default_factory=list)
    again: bool = True


class _Now:
    """What each read of the site's objects gives in this build, made into data once for every page that makes it.

    A read gives the same data again as long as it gives the same object:
    the navigation, the home page's title and the section of every post are
    read by every page, and made into data once. The page being rendered is
    read afresh (`forget`): its own `on_page_context` may just have changed it.
    Equal data is kept as one object, so a later build compares it once.
    """

    def __init__(self) -> None:
        self._reads: dict[Name, dict[tuple, _Read]] = {}

    def read(self, named: Name, asked: tuple, found: Any) -> _Read:
        """This build's read of `named` (`asked` is ("attr" or "item", what)), which gave `found`."""
        reads = self._reads.setdefault(named, {})
        read = reads.get(asked)
        if read is None or read.found is not found:
            read = reads[asked] = _Read(found, data(found))
        return read

    def forget(self, named: Name) -> None:
        """Read `named` afresh from now on."""
        self._reads.pop(named, None)


class _Read:
    """One read of this build: what it gave, as data, and the last data from an earlier render it was compared with."""

    __slots__ = ("found", "data", "_was", "_same")

    def __init__(self, found: Any, data_: Any) -> None:
        self.found, self.data = found, data_
        self._was, self._same = _NOTHING, False

    def gives(self, was: Any) -> bool:
        """Whether this read gives `was`, what an earlier render's read gave."""
        if was is not self._was:
            self._was, self._same = was, self.data == was
        return self._same


class _Noting:
    """What the render under way has read so far (one page renders at a time).

    Attributes:
        reads: what the render under way read, or None between renders.
        root: the context the page is rendered with.
        functions: each function a template reached (by id) -> the function and how it reached it.
    """

    def __init__(self, functions: dict[int, tuple[Any, tuple]]) -> None:
        self.reads: Reads | None = None
        self.root: dict = {}
        self.functions = functions

    def reached(self, function: Any, how: tuple) -> None:
        """Note how a template reached a function (held, so that its id names no other)."""
        self.functions.setdefault(id(function), (function, how))

    def how(self, function: Any) -> tuple | None:
        """How a template reached `function`, if it was noted."""
        kept = self.functions.get(id(function))
        return kept[1] if kept is not None and kept[0] is function else None


def _noted_context(noting: _Noting):
    class NotedContext(jinja2.runtime.Context):
        """A template's context that notes each name looked up and each function of the site called."""

        def resolve_or_missing(self, key: str) -> Any:
            found = super().resolve_or_missing(key)
            reads = noting.reads
            if reads is not None and key not in reads.names and (key in noting.root or key in self.environment.globals):
                reads.names[key] = data(found)
                if callable(found):
                    noting.reached(found, ("name", key))
            return found

        def call(__self, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
            result = super().call(__obj, *args, **kwargs)
            reads = noting.reads
            if reads is not None and not _pure(__obj):
                how = noting.how(__obj)
                if how is None or getattr(__obj, "jinja_pass_arg", None) is not None:
                    reads.again = False  # a function this render reached some other way, or that takes the context
                else:
                    given = {key: value for key, value in kwargs.items() if key not in ("_block_vars", "_loop_vars")}
                    reads.calls.append((how, data(args), data(given), data(result)))
            return result

    return NotedContext


# -----------------------------------------------------------------------------
# The patch
# -----------------------------------------------------------------------------


def render_what_changed(env, config, serving: Session, served) -> None:
    """In `env`, for the build of `config`, each page is rendered only if a read of its last render now gives another answer.

    `served` is the build's state under `serve` (its files and navigation);
    `serving.reads` keeps each page's reads, by its path in the site.
    """
    if not LEFT.holds(*_relied_on(env)):
        return
    noting = _Noting({id(value): (value, ("global", key)) for key, value in env.globals.items() if callable(value)})
    now = _Now()
    getattr_, getitem = env.getattr, env.getitem

    def noted(look, kind):
        def read(holder, what):
            found = look(holder, what)
            reads = noting.reads
            if reads is not None and holder is not config and (named := name_of(holder)) is not None:
                if not isinstance(what, (str, int)):
                    reads.again = False  # asked by something that is not a name or an index: not kept
                    return found
                asked = reads.reads.setdefault(named, {})
                if (kind, what) not in asked:
                    asked[kind, what] = now.read(named, (kind, what), found).data
                if isinstance(found, (types.MethodType, types.FunctionType)):
                    noting.reached(found, ("read", named, kind, what))
            return found

        return read

    env.getattr, env.getitem = noted(getattr_, "attr"), noted(getitem, "item")
    env.context_class = _noted_context(noting)
    looks = {"attr": getattr_, "item": getitem}
    found = _Finder(served)
    get_template = env.get_template

    def written(dest: str) -> bool:
        return os.path.isfile(os.path.join(config.site_dir, dest))

    def unchanged(kept: Reads, template: str, context: dict) -> bool:
        if not (kept.again and kept.template == template):
            return False
        for name, was in kept.names.items():
            if data(context[name] if name in context else env.globals.get(name, jinja2.Undefined())) != was:
                return False
        for named, asked in kept.reads.items():
            holder = found(named)
            if holder is _UNNAMED:
                return False
            for (kind, what), was in asked.items():
                read = now.read(named, (kind, what), looks[kind](holder, what))
                if not read.gives(was):
                    return False
                asked[kind, what] = read.data  # equal data kept as one object: the next build compares it once
        for how, args, kwargs, was in kept.calls:
            function = _reach(how, context, env, found, looks)
            if function is _UNNAMED or data(function(*found.objects(args), **found.objects(kwargs))) != was:
                return False
        return True

    class Kept:
        """The page template, rendered only when its last render's reads now give another answer."""

        def __init__(self, template, name: str) -> None:
            self._template, self._name = template, name

        def render(self, context: dict) -> str:
            page = context.get("page")
            if page is None:
                return self._template.render(context)
            now.forget(name_of(page))  # its own `on_page_context` has just run
            dest = page.file.dest_uri
            kept = serving.reads.get(dest)
            if kept is not None and written(dest) and unchanged(kept, self._name, context):
                serving.left_as_written.add(page.file.src_uri)
                return ""  # MkDocs writes no empty page: the one written stays
            noting.reads, noting.root = Reads(self._name), context
            try:
                output = self._template.render(context)
                serving.reads[dest] = noting.reads
            finally:
                noting.reads, noting.root = None, {}
            return output

        def __getattr__(self, name: str) -> Any:
            return getattr(self._template, name)

    def get_template_kept(name, parent=None, globals=None):
        template = get_template(name, parent, globals)
        return template if parent is not None or globals is not None else Kept(template, name)

    env.get_template = get_template_kept


def _relied_on(env) -> list[str | None]:
    """What this patch relies on, each None when it is as known."""
    return [
        has(env, "getattr", parameters=("obj", "attribute")),
        has(env, "getitem", parameters=("obj", "argument")),
        has(env, "get_template", parameters=("name", "parent", "globals")),
        has(env, "context_class", kind=jinja2.runtime.Context),
        has(jinja2.runtime.Context, "resolve_or_missing", parameters=("self", "key")),
        has(jinja2.runtime.Context, "call"),
        has(mkdocs_build, "_build_page", parameters=("page", "config", "doc_files", "nav", "env")),
    ]


def _reach(how: tuple, context: dict, env, found: _Finder, looks: dict) -> Any:
    """The function reached as `how` in this build's render."""
    if how[0] == "global":
        return env.globals.get(how[1], _UNNAMED)
    if how[0] == "name":
        return context.get(how[1], env.globals.get(how[1], _UNNAMED))
    holder = found(how[1])
    return _UNNAMED if holder is _UNNAMED else looks[how[2]](holder, how[3])


class _Finder:
    """This build's page, section, link or navigation by its name."""

    def __init__(self, served) -> None:
        self._served = served
        self._named: dict[Name, Any] | None = None

    def __call__(self, named: Name) -> Any:
        if named == _CONFIG:
            return _UNNAMED
        if self._named is None:
            self._named = {}
            for file in self._served.files:
                if file.page is not None:
                    self._add(file.page)
                    if getattr(file.page, "excerpt", None) is not None:
                        self._add(file.page.excerpt)
            self._add(self._served.nav)
            self._walk(self._served.nav.items)
        return self._named.get(named, _UNNAMED)

    def _add(self, item: Any) -> None:
        self._named.setdefault(name_of(item), item)

    def _walk(self, items) -> None:
        for item in items:
            self._add(item)
            self._walk(getattr(item, "children", None) or [])

    def objects(self, value: Any) -> Any:
        """Data with each name of this build's object replaced by the object."""
        if isinstance(value, Name):
            return self(value)
        if isinstance(value, dict):
            return {key: self.objects(item) for key, item in value.items()}
        if type(value) in (list, tuple):
            return type(value)(self.objects(item) for item in value)
        return value
