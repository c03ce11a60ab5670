"""Patch: under `serve`, the theme's Jinja environments keep compiled templates, and the list of the theme's files, between builds.

What: `config.theme.get_env`, for this build's config.
Why: each build makes new environments (MkDocs one, the hooks one), which
would compile every template again and list the theme's 14,000 files
(Material's icons) to tell templates from files to copy.
Guard: compiled code is used while the template's text is the same (Jinja's
own bytecode cache, keyed by the text); the list, while the inputs (the
overrides among them) are, since any change to them starts `serve` afresh,
and while MkDocs' filter of the list reads nothing of the config but the
theme's static templates, which are part of its key. Where the theme has no
`get_env` or `static_templates`, or the filter reads more (`engine/guard.py`),
that part is off: templates are compiled, or the theme's files listed, at
every save, as plain `serve` does, and one line says so.
"""

from __future__ import annotations

from ..serving.incremental import Session
from .guard import Patch, has

KEPT = Patch(
    "compiled templates kept between saves", "mkdocs", "1.6.1",
    "serve compiles the theme's templates at every save, as plain serve does (slower)",
)
LISTED = Patch(
    "theme files listed once", "mkdocs", "1.6.1",
    "serve lists the theme's files at every save, as plain serve does (slower)",
)
# What MkDocs 1.6's filter of the theme's files reads (`Files.add_files_from_theme`): of the config, the static templates.
_FILTER_READS = frozenset({"append", "extend", "utils", "markdown_extensions", "theme", "static_templates", "fnmatch", "lower"})


def keep_templates(config, serving: Session) -> None:
    """Every Jinja environment of the build of `config` keeps what `serving` holds between builds."""
    theme = config.theme
    if not KEPT.holds(has(theme, "get_env", parameters=()), has(theme, "static_templates")):
        return
    make = theme.get_env

    def get_env():
        env = make()
        env.bytecode_cache = serving.templates
        listing = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            if not LISTED.holds(_reads_more(filter_func)):
                return listing(extensions=extensions, filter_func=filter_func)
            # MkDocs' filter is a new function every build, of the same code and static templates.
            key = (extensions and tuple(extensions), getattr(filter_func, "__code__", filter_func), tuple(theme.static_templates))
            if key not in serving.theme_files:
                serving.theme_files[key] = listing(extensions=extensions, filter_func=filter_func)
            return list(serving.theme_files[key])

        env.list_templates = list_templates
        return env

    theme.get_env = get_env


def _reads_more(filter_func) -> str | None:
    """What a filter of the theme's files reads beyond what the list is kept by, if anything."""
    code = getattr(filter_func, "__code__", None)
    if filter_func is None or (code is not None and set(code.co_freevars) <= {"config"} and set(code.co_names) <= _FILTER_READS):
        return None
    return "MkDocs' filter of the theme's files reads " + ", ".join(sorted(set(getattr(code, "co_names", ())) - _FILTER_READS) or ["what it is not known to"])
