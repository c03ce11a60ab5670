"""What Material's blog plugin does with a post, as far as checking needs it.

The blog plugin decides each post's address, whether it is published, and
fails the build on a missing excerpt separator or an unknown author, each in
its own words and without a line number. The same rules are here so that
`make check` and the build report them first, in one line each; one function
reads the plugin's settings, from the parsed config or from plain YAML.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import yaml
from babel.dates import format_date
from pymdownx.slugs import slugify

_DEFAULT_SLUGIFY = slugify(case="lower")
# The most a post's slug may take of a file name: the blog writes it as a folder, and most file systems
# hold 255 bytes in a name; a letter of Chinese or Japanese takes 3, so 100 of them are too many.
SLUG_BYTES = 200


@dataclass(frozen=True)
class Blog:
    """One blog's settings, with Material's defaults for what is not set.

    Attributes:
        blog_dir: the blog's folder relative to docs/.
        post_dir: its posts folder relative to docs/, ending in `/`.
        categories: allowed categories, or None for any.
        excerpt_separator: the separator every post must have, or None when excerpts are optional.
        authors: the ids in the authors file, or None when the blog does not check authors or the file is not YAML.
        reads_authors: the blog reads the authors file (its `authors` option).
        authors_file: the authors file relative to docs/.
        url_format, url_date_format, language: how a post's address is made.
        slugify, slugify_separator: how a title becomes the last part of that address.
        future_is_draft: a post dated in the future is a draft until its date.
        per_page: how many posts a list page shows (the blog's pagination), for every list the site makes.
    """

    blog_dir: str = "blog"
    post_dir: str = "blog/posts/"
    categories: tuple[str, ...] | None = None
    excerpt_separator: str | None = None
    authors: frozenset[str] | None = None
    reads_authors: bool = False
    authors_file: str = "blog/.authors.yml"
    url_format: str = "{date}/{slug}"
    url_date_format: str = "yyyy/MM/dd"
    language: str = "en"
    slugify: Callable[[str, str], str] = field(default=_DEFAULT_SLUGIFY, compare=False)
    slugify_separator: str = "-"
    future_is_draft: bool = False
    per_page: int = 10

    def slug(self, title: str, slug: str = "") -> str:
        """The last part of a post's address: its `slug:`, else its title made into one."""
        return slug or self.slugify(title, self.slugify_separator)

    def post_path(self, slug: str, date: dt.date, categories: tuple[str, ...], file: str) -> str:
        """Where the blog writes a post with this slug, relative to docs/ (`blog/2024/01/17/knee.md`), as Material computes it."""
        day = date.date() if isinstance(date, dt.datetime) else date
        path = self.url_format.format(
            categories="/".join(self.slugify(name, self.slugify_separator) for name in categories[:1]),
            date=format_date(day, format=self.url_date_format, locale=self.language),
            file=posixpath.splitext(posixpath.basename(file))[0],
            slug=slug,
        )
        return posixpath.join(self.blog_dir, posixpath.normpath(path.strip("/")) + ".md")

    def list_pages(self, posts: list) -> set[str]:
        """The addresses of the list pages the blog makes for the posts it publishes (Material's default formats).

        Args:
            posts: the published posts (their categories and dates).
        """
        pages = {f"{self.blog_dir}/page/{number}/" for number in range(2, -(-len(posts) // self.per_page) + 1)}
        for post in posts:
            day = post.date.date() if isinstance(post.date, dt.datetime) else post.date
            pages.add(f"{self.blog_dir}/archive/{format_date(day, format='yyyy', locale=self.language)}/")
            pages.update(f"{self.blog_dir}/category/{self.slugify(name, self.slugify_separator)}/" for name in post.categories)
        return pages

    def is_future(self, date: dt.date, today: dt.datetime) -> bool:
        """Whether a post's date is after the moment of the build (dates are midnight UTC, as Material reads them)."""
        when = date if isinstance(date, dt.datetime) else dt.datetime.combine(date, dt.time())
        when = when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)
        return when > today


def read_blog(options: Mapping[str, Any], docs_dir: str, language: str = "en") -> Blog:
    """A blog's settings from its plugin options (parsed config or plain YAML; missing keys take Material's defaults)."""
    def option(name: str, default: Any) -> Any:
        value = options.get(name)
        return default if value is None else value

    root = posixpath.normpath(option("blog_dir", "blog"))
    post_dir = posixpath.normpath(option("post_dir", "{blog}/posts").format(blog=root)) + "/"
    authors_file = posixpath.normpath(option("authors_file", "{blog}/.authors.yml").format(blog=root))
    excerpt = option("post_excerpt", "optional") == "required"
    return Blog(
        blog_dir=root,
        post_dir=post_dir,
        categories=tuple(option("categories_allowed", [])) or None,
        excerpt_separator=option("post_excerpt_separator", "<!-- more -->") if excerpt else None,
        authors=_author_ids(os.path.join(docs_dir, authors_file)) if option("authors", True) else None,
        reads_authors=bool(option("authors", True)),
        authors_file=authors_file,
        url_format=option("post_url_format", "{date}/{slug}"),
        url_date_format=option("post_url_date_format", "yyyy/MM/dd"),
        language=language or "en",
        slugify=options.get("post_slugify") if callable(options.get("post_slugify")) else _DEFAULT_SLUGIFY,
        slugify_separator=option("post_slugify_separator", "-"),
        future_is_draft=bool(option("draft_if_future_date", False)),
        per_page=int(option("pagination_per_page", 10)),
    )


def is_blog_plugin(name: str) -> bool:
    """Whether a plugin, by the name mkdocs.yml lists it under (`blog`, `material/blog`, `blog 2`), is one of Material's blogs."""
    return name.split(" ")[0] in ("blog", "material/blog")


def _author_ids(path: str) -> frozenset[str] | None:
    """The author ids an authors file defines; none when there is no file (the blog then knows no author), None when it is not YAML."""
    try:
        with open(path, encoding="utf-8-sig") as source:
            data = yaml.safe_load(source) or {}
    except OSError:
        return frozenset()
    except (yaml.YAMLError, UnicodeDecodeError):
        return None  # the file's own lines say what is wrong (contract.checks)
    authors = data.get("authors", {}) if isinstance(data, dict) else None
    return frozenset(authors) if isinstance(authors, dict) else None
