"""Serve the site's `extra_css` and `extra_javascript` as one file each (routines/rendering/bundles.py)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from routines.engine.state import build_of
from routines.rendering.bundles import bundle

OPTIONS = {"css": "extra_css", "js": "extra_javascript"}


def on_config(config: MkDocsConfig) -> None:
    """`on_config`: one bundle of each kind in place of the files listed, named before anything reads the lists."""
    build = build_of(config)
    for kind, option in OPTIONS.items():
        sources = [_path(entry) for entry in config[option]]
        if not sources:
            continue
        path, text = bundle(kind, [_source(config, option, source) for source in sources])
        config[option] = [path]
        build.bundled += sources
        build.bundles[path] = text


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """`on_files`: the bundles are written; the parts they hold are not."""
    build = build_of(config)
    for source in build.bundled:
        if (part := files.get_file_from_path(source)) is not None:
            files.remove(part)
    for path, text in build.bundles.items():
        files.append(File.generated(config, path, content=text))
    return files


def _path(entry) -> str:
    """A listed file's path (MkDocs gives scripts as objects that may carry attributes)."""
    if not isinstance(entry, str) and (entry.type or entry.defer or entry.async_):
        raise PluginError(f"mkdocs.yml: extra_javascript: {entry.path} has attributes; the site's scripts are one plain bundle, so list it plainly")
    return str(entry) if isinstance(entry, str) else entry.path


def _source(config: MkDocsConfig, option: str, path: str) -> Path:
    """Where a listed file lives: the theme's custom_dir first, then docs/, as MkDocs looks."""
    for folder in (config.theme.custom_dir, config.docs_dir):
        if folder and os.path.isfile(os.path.join(folder, path)):
            return Path(folder, path)
    raise PluginError(f"mkdocs.yml: {option}: {path} is not in overrides/ or docs/; fix the path")
