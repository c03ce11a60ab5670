"""Patch: Material's blog renders each post's excerpt from the start of the post, not all of it.

What: `material.plugins.blog.structure.Excerpt.render` is wrapped, and the
module's `Markdown` (the parser each excerpt gets) becomes `MadeWhenUsed`.
Why: the blog plugin renders a post's whole Markdown for every list page the
post appears on (index pages, archive, categories) and keeps the HTML up to
the excerpt separator; most of a blog's build went there. The excerpt is the
same rendered from the text before the separator with what the rest defines
for the whole text (`routines/rendering/excerpt.py`); a post whose separator
sits in a code block is rendered whole, as before. Either way the title
heading is text, not Markdown. An excerpt is rendered again only when what
it is made from changed (`routines/serving/incremental.py`: under `serve`,
and from one `build` to the next).
And Material's Excerpt makes a parser for every post as the post is read,
every build, where under `serve` most excerpts are kept and never parse.
Guard (`engine/guard.py`): once per process, each only over what Material's
own module holds (a render not yet wrapped, taking `page` and `separator`;
the `markdown.Markdown` class itself); the wrapper calls Material's own
`render` with the post's text in place, and only while the excerpt's parser
has MkDocs' link resolver (`relpath`, with its `files`) and the post its
`_title_from_render`. Without any of them, list pages render each post
whole, as Material does, and one line says so.
"""

from __future__ import annotations

import copy

import markdown

import material.plugins.blog.structure as blog_posts

from ..rendering.excerpt import GOES_ON, excerpt_key, excerpt_markdown
from ..rendering.literal import escapable
from ..serving.incremental import memo
from .guard import Patch, has

FROM_START = Patch(
    "excerpts rendered from the start of each post", "mkdocs-material", "9.8.2",
    "list pages render each post whole for its excerpt, as Material does (slower)",
)
WHEN_USED = Patch(
    "excerpt parsers made when first used", "mkdocs-material", "9.8.2",
    "each post's excerpt parser is made as the post is read, as Material does (slower under serve)",
)


def patch_excerpts() -> None:
    """Excerpts render from the start of each post; each makes its Markdown parser when first used."""
    render = getattr(getattr(blog_posts, "Excerpt", None), "render", None)
    if not getattr(render, "renders_from_start", False) and FROM_START.holds(
        has(blog_posts, "Excerpt.render", parameters=("self", "page", "separator")),
    ):
        blog_posts.Excerpt.render = _from_start(render)
    if getattr(blog_posts, "Markdown", None) is not MadeWhenUsed and WHEN_USED.holds(
        None if getattr(blog_posts, "Markdown", None) is markdown.Markdown
        else "material.plugins.blog.structure.Markdown is no longer markdown.Markdown",
    ):
        blog_posts.Markdown = MadeWhenUsed


def _from_start(render):
    """Material's `Excerpt.render`, given the start of the post instead of all of it, and its title as text."""

    def from_start(excerpt, page, separator: str):
        post = excerpt.post
        if not FROM_START.holds(_missing(excerpt)):
            render(excerpt, page, separator)
            return

        def rendered(files) -> tuple:
            relpath = _registered(excerpt.md, "relpath")  # MkDocs' link resolver, which Material registers
            whole, heading, known = post.markdown, post._title_from_render, relpath.files
            source, start = excerpt_markdown(whole, post.title, separator, bool(heading))
            escapable(excerpt.md)
            # Material writes `# {title}` into the Markdown unless the post has a
            # heading of its own; the source has the title as text already.
            post.markdown, post._title_from_render, relpath.files = source, heading or post.title, files
            try:
                render(excerpt, page, separator)
            finally:
                post.markdown, post._title_from_render, relpath.files = whole, heading, known
            if start is not None:
                excerpt.more = GOES_ON if start.goes_on else None
            return excerpt.markdown, excerpt.content, excerpt.more, copy.deepcopy(excerpt.toc)

        kept = memo()
        if kept is None:
            rendered(_registered(excerpt.md, "relpath").files)
            return
        files = _registered(excerpt.md, "relpath").files
        # What Material's `render` sets; the Markdown too, which a page's title needs.
        excerpt.markdown, excerpt.content, excerpt.more, toc = kept.make(excerpt_key(post, page, separator), files, rendered)
        excerpt.toc = copy.deepcopy(toc)

    from_start.renders_from_start = True
    return from_start


def _missing(excerpt) -> str | None:
    """What the wrapper relies on that an excerpt lacks: its post's rendered title, its parser's link resolver and files."""
    try:
        resolver = _registered(excerpt.md, "relpath")
    except (AttributeError, KeyError, StopIteration):
        return "the excerpt's parser has no `relpath` tree processor"
    return has(excerpt, "post._title_from_render") or has(resolver, "files")


def _registered(parser, name: str):
    """A tree processor registered on a parser, without making one that waits to be used."""
    if isinstance(parser, MadeWhenUsed) and parser._parser is None:
        return next(item for item, registered, _ in parser._waiting if registered == name)
    return parser.treeprocessors[name]


class MadeWhenUsed:
    """A Python-Markdown parser made the first time it is used, with the tree processors registered before."""

    def __init__(self, *args, **kwargs) -> None:
        self.__dict__["_make"] = lambda: markdown.Markdown(*args, **kwargs)
        self.__dict__["_parser"] = None
        self.__dict__["_waiting"] = []

    @property
    def treeprocessors(self):
        return _Registrations(self) if self._parser is None else self._parser.treeprocessors

    def _made(self) -> markdown.Markdown:
        if self._parser is None:
            parser = self._make()
            for args in self._waiting:
                parser.treeprocessors.register(*args)
            self.__dict__["_parser"] = parser
        return self._parser

    def __getattr__(self, name: str):
        return getattr(self._made(), name)

    def __setattr__(self, name: str, value) -> None:
        setattr(self._made(), name, value)


class _Registrations:
    """The tree processors of a parser not made yet: registering waits; anything else makes it."""

    def __init__(self, parser: MadeWhenUsed) -> None:
        self._parser = parser

    def register(self, item, name: str, priority: float) -> None:
        self._parser._waiting.append((item, name, priority))

    def __getitem__(self, key):
        return self._parser._made().treeprocessors[key]

    def __getattr__(self, name: str):
        return getattr(self._parser._made().treeprocessors, name)
