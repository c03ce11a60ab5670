"""Patch: under `serve`, the theme's Jinja environments keep compiled templates, and the list of the theme's files, between builds.

What: `config.theme.get_env`, for this build's config.
Why: each build makes new environments (MkDocs one, the hooks one), which
would compile every template again and list the theme's 14,000 files
(Material's icons) to tell templates from files to copy.
Guard: compiled code is used while the template's text is the same (Jinja's
own bytecode cache, keyed by the text); the list, while the inputs (the
overrides among them) are, since any change to them starts `serve` afresh.
"""

from __future__ import annotations

from ..serving.incremental import Session


def keep_templates(config, serving: Session) -> None:
    """Every Jinja environment of the build of `config` keeps what `serving` holds between builds."""
    theme = config.theme
    make = theme.get_env

    def get_env():
        env = make()
        env.bytecode_cache = serving.templates
        listing = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            # MkDocs' filter is a new function every build, of the same code and static templates.
            key = (extensions and tuple(extensions), getattr(filter_func, "__code__", filter_func), tuple(theme.static_templates))
            if key not in serving.theme_files:
                serving.theme_files[key] = listing(extensions=extensions, filter_func=filter_func)
            return list(serving.theme_files[key])

        env.list_templates = list_templates
        return env

    theme.get_env = get_env
