"""The project as the author tools see it: mkdocs.yml read as plain YAML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .blog import is_blog_plugin, read_blog
from .theme import material_folder, read_theme
from .types import Site


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, skipping the Python and !ENV tags only MkDocs resolves."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    """Where the posts are and what they may refer to.

    Attributes:
        root: the folder of mkdocs.yml.
        docs_dir: the docs folder.
        config_file: mkdocs.yml itself.
        site: series, categories and the docs folder, for the validator.
        exclude_docs: what MkDocs leaves out of docs/, gitignore-style.
        repo_url: the site's repository, where the editor on the published site saves.
        editor_auth: the OAuth service the published editor logs in through (`extra.editor.auth`), if not Netlify's.
    """

    root: Path
    docs_dir: Path
    site: Site
    config_file: Path = Path("mkdocs.yml")
    exclude_docs: str = ""
    site_url: str = ""
    booking_url: str = ""
    repo_url: str = ""
    editor_auth: str = ""

    @property
    def post_dirs(self) -> tuple[str, ...]:
        """Posts folders relative to docs/, each ending in `/`."""
        return self.site.post_dirs

    def shown(self, path: Path) -> str:
        """A path as error lines name it: relative to mkdocs.yml."""
        return path.relative_to(self.root).as_posix()


def load_project(config_file: Path) -> Project:
    """Read the parts of mkdocs.yml the author tools need."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    root = config_file.parent
    docs_dir = root / config.get("docs_dir", "docs")
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    blogs = [
        read_blog(options or {}, str(docs_dir), theme.get("language", "en"))
        for name, options in (next(iter(p.items())) if isinstance(p, dict) else (p, {}) for p in config.get("plugins") or [])
        if is_blog_plugin(name)
    ]
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    custom_dir = root / theme["custom_dir"] if isinstance(theme.get("custom_dir"), str) else None
    folders = [folder for folder in (custom_dir, material_folder()) if folder is not None]
    theme_read = read_theme(str(custom_dir) if custom_dir else None, folders, theme.get("static_templates") or (), extra.get("status"))
    site = Site.of(str(docs_dir), (extra.get("series") or {}).keys(), blogs, theme_read, exclude_docs=config.get("exclude_docs") or "")
    booking = extra.get("booking") if isinstance(extra.get("booking"), dict) else {}
    editor = extra.get("editor") if isinstance(extra.get("editor"), dict) else {}
    return Project(
        root=root, docs_dir=docs_dir, site=site, config_file=config_file, exclude_docs=config.get("exclude_docs") or "",
        site_url=str(config.get("site_url") or ""), booking_url=str(booking.get("url") or ""),
        repo_url=config.get("repo_url") or "", editor_auth=editor.get("auth") or "",
    )
