"""A small declarative schema: field types that parse author input into values.

Each type turns a YAML value into a Python value or reports what is wrong in
words an author can act on. The contract in `contract.py` is written with
these types, so the validator and the published JSON Schema share one source.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import math
import os
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

import pathspec

from ..model.units import DURATION_HELP, TIMESTAMP_HELP, UNIT_WORDS, parse_duration, parse_timestamp
from ..model.video import local_path
from .blog import Blog
from .frontmatter import FieldPath, FrontMatter, NotADate, shown, what_yaml_made
from .theme import Theme

# -----------------------------------------------------------------------------
# Checking context
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """What the site knows that a post may refer to.

    Attributes:
        docs_dir: absolute path of docs/, to check that referenced files exist.
        series: known series slugs.
        categories: allowed categories, or None for any.
        blog: the blog's settings (addresses, excerpts, authors, drafts).
        post_dirs: every blog's posts folder relative to docs/, ending in `/`.
        theme: the templates, icons and statuses a post may name.
        exclude_docs: what MkDocs leaves out of docs/ besides its defaults, gitignore lines.
        made: the pages the site adds for the posts it publishes, by path in docs/ and
            address (`series/x.md`, `equipment/foam-roller/`), which links may point at.
    """

    docs_dir: str
    series: tuple[str, ...] = ()
    categories: tuple[str, ...] | None = None
    blog: Blog = Blog()
    post_dirs: tuple[str, ...] = ()
    theme: Theme = Theme()
    exclude_docs: str = ""
    made: Callable[[list], Iterable[str]] | None = field(default=None, compare=False)

    @classmethod
    def of(cls, docs_dir: str, series: Iterable[str], blogs: list[Blog], theme: Theme = Theme(), exclude_docs: str = "") -> Site:
        """What posts may refer to, from the site's blogs (categories of all, settings of the first)."""
        categories = tuple(c for blog in blogs for c in blog.categories or ())
        return cls(
            docs_dir=docs_dir, series=tuple(series), categories=categories or None,
            blog=blogs[0] if blogs else Blog(), post_dirs=tuple(blog.post_dir for blog in blogs), theme=theme,
            exclude_docs=exclude_docs,
        )

    def publishes(self, path: str) -> bool:
        """Whether MkDocs publishes a file of docs/ (`blog/posts/media/x.png`), or leaves it out."""
        return not excluded_docs(self.exclude_docs).match_file(path)


# What MkDocs leaves out of every site, whatever `exclude_docs` adds.
DEFAULT_EXCLUDED = (".*", "/templates/")


@functools.lru_cache(maxsize=16)
def excluded_docs(exclude_docs: str = "") -> pathspec.GitIgnoreSpec:
    """What MkDocs leaves out of docs/: names starting with a dot, templates/, and `exclude_docs` (gitignore lines)."""
    return pathspec.GitIgnoreSpec.from_lines([*DEFAULT_EXCLUDED, *exclude_docs.splitlines()])


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one post, printed as one line."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return " ".join(f"{where}: {self.field}: {self.message}".splitlines())  # always one line


@dataclass
class Checker:
    """Collects the problems of one post while its fields are parsed."""

    file: str
    post_dir: str
    site: Site
    front: FrontMatter
    problems: list[Problem] = field(default_factory=list)

    def report(self, path: FieldPath, message: str) -> Invalid:
        """Record a problem at a field; returns INVALID for the caller to pass on."""
        return self.add(self.front.line_of(path), self.front.name_of(path) or "front matter", message)

    def got(self, path: FieldPath, value: Any) -> str:
        """`got ...`: what the author wrote at a field, as written when YAML changed it."""
        written = self.front.written.get(path)
        return f"got {written}" if written is not None else got(value)

    def unquoted(self, path: FieldPath, value: Any) -> str | None:
        """The fix for text YAML 1.1 read as a number, a boolean or a date, if that is what happened."""
        written = self.front.written.get(path)
        if written is None:
            return None
        return f"YAML reads the unquoted {written} as {what_yaml_made(value)}; put it in quotes: {json.dumps(written, ensure_ascii=False)}"

    def add(self, line: int | None, name: str, message: str) -> Invalid:
        """Record a problem at a line, under any name (`body`, `front matter`)."""
        self.problems.append(Problem(self.file, line, name, message))
        return INVALID


class Invalid:
    """Marks a value that failed to parse (its problem is already reported)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()

# -----------------------------------------------------------------------------
# Types
# -----------------------------------------------------------------------------


class Type:
    """A field type: parses one YAML value, and says the same as JSON Schema."""

    def parse(self, value: Any, path: FieldPath, check: Checker) -> Any:
        raise NotImplementedError

    def json_schema(self, site: Site) -> dict:
        raise NotImplementedError


def any_case(suffix: str) -> str:
    """A regex for a file ending in any letter case: `.mp4` -> `\\.[mM][pP]4`."""
    return "\\." + "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in suffix.lstrip("."))


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _is_day(text: str) -> bool:
    """Whether `2024-02-05` is a day of the calendar."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def got(value: Any) -> str:
    """Show what the author wrote, briefly."""
    return f"got {shown(value)}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean "kind"?` when a close match exists, else an empty string."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""


# Characters no page shows and no feed may carry (XML 1.0 refuses them), as a
# regex class; the form feed is left out, Markdown reads it as a space.
CONTROL_CHARACTERS = "\x00-\x08\x0b\x0e-\x1f\x7f"
_INVISIBLE = re.compile(f"[{CONTROL_CHARACTERS}\f]")
_YAML_ESCAPES = {"\0": "\\0", "\a": "\\a", "\b": "\\b", "\v": "\\v", "\f": "\\f", "\x1b": "\\e"}


@dataclass(frozen=True)
class Text(Type):
    """A non-empty single string."""

    max_length: int = 500

    def parse(self, value, path, check):
        if not isinstance(value, str):
            return check.report(path, check.unquoted(path, value) or f"must be text, {check.got(path, value)}")
        if not value.strip():
            return check.report(path, "must not be empty")
        if len(value) > self.max_length:
            return check.report(path, f"must be at most {self.max_length} characters, got {len(value)}")
        if invisible := _INVISIBLE.search(value):
            code = ord(invisible[0])
            written = _YAML_ESCAPES.get(invisible[0], f"\\x{code:02x}")
            return check.report(path, f"has an invisible control character (U+{code:04X}, written {written} in quotes) that no page shows and feeds cannot carry; delete it")
        return value.strip()

    def json_schema(self, site):
        return {"type": "string", "pattern": "\\S", "maxLength": self.max_length}


@dataclass(frozen=True)
class Choice(Type):
    """One of a fixed set of words."""

    values: tuple[str, ...]

    def parse(self, value, path, check):
        if isinstance(value, str) and value in self.values:
            return value
        allowed = ", ".join(self.values)
        hint = did_you_mean(value, self.values) if isinstance(value, str) else ""
        return check.report(path, f"must be one of {allowed}; {check.got(path, value)}{hint}")

    def json_schema(self, site):
        return {"enum": list(self.values)}


@dataclass(frozen=True)
class Integer(Type):
    """A whole number in a range."""

    minimum: int = 1
    maximum: int = 1000
    meaning: str = "a whole number"

    def parse(self, value, path, check):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            return check.report(path, f"must be {self.meaning} from {self.minimum} to {self.maximum}, {check.got(path, value)}")
        if not self.minimum <= value <= self.maximum:
            return check.report(path, f"must be {self.meaning} from {self.minimum} to {self.maximum}, got {value}")
        return value

    def json_schema(self, site):
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class Number(Type):
    """A number (whole or decimal) with bounds; `above` excludes its bound."""

    minimum: float = 0
    above: bool = True
    maximum: float = 60
    meaning: str = "a number"

    def parse(self, value, path, check):
        low = f"> {self.minimum:g}" if self.above else f">= {self.minimum:g}"
        rule = f"must be {self.meaning} {low} and <= {self.maximum:g}"
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return check.report(path, f"{rule}, {check.got(path, value)}")
        too_low = value <= self.minimum if self.above else value < self.minimum
        if too_low or value > self.maximum:
            return check.report(path, f"{rule}, got {value:g}")
        return value

    def json_schema(self, site):
        low = {"exclusiveMinimum": self.minimum} if self.above else {"minimum": self.minimum}
        return {"type": "number", **low, "maximum": self.maximum}


@dataclass(frozen=True)
class Boolean(Type):
    """true or false."""

    def parse(self, value, path, check):
        if isinstance(value, bool):
            return value
        return check.report(path, f"must be true or false, {check.got(path, value)}")

    def json_schema(self, site):
        return {"type": "boolean"}


class Converted(Type):
    """A value read by a parsing function that raises ValueError with the rule.

    Subclasses give the function, the smallest whole number of seconds, a
    regex of the text forms (for JSON Schema and the editor's form), and the
    forms in words, with examples.
    """

    convert: Callable[[Any], Any]
    minimum: int = 0
    pattern: str = ""
    help: str = ""

    def parse(self, value, path, check):
        try:
            return self.convert(value)
        except ValueError as error:
            return check.report(path, f"{error}, {check.got(path, value)}")

    def json_schema(self, site):
        return {"anyOf": [{"type": "integer", "minimum": self.minimum}, {"type": "string", "pattern": self.pattern}]}


def _unit_pattern() -> str:
    """`parse_duration`'s unit forms as a JSON Schema pattern (which has no flag for letter case)."""
    cased = lambda word: "".join(f"[{c}{c.upper()}]" for c in word)
    units = [f"([0-9]+\\s*({'|'.join(cased(w) for w in words)}))?" for words in UNIT_WORDS.values()]
    return "(?=[^0-9]*[0-9])" + "\\s*,?\\s*([aA][nN][dD]\\s+)?".join(units)


class Duration(Converted):
    """A length of time, in whole seconds."""

    convert = staticmethod(parse_duration)
    minimum = 1
    help = DURATION_HELP
    pattern = f"^\\s*([0-9]+|([0-9]+:)?[0-9]+:[0-5][0-9]|{_unit_pattern()})\\s*$"


class Timestamp(Converted):
    """A moment in a video, in whole seconds."""

    convert = staticmethod(parse_timestamp)
    minimum = 0
    help = TIMESTAMP_HELP
    pattern = "^\\s*([0-9]+|([0-9]+:)?[0-9]+:[0-5][0-9])\\s*$"


@dataclass(frozen=True)
class Date(Type):
    """A publishing date, as Material's blog plugin reads it (YAML date, unquoted), or `created` with `updated`."""

    KEYS = ("created", "updated")

    def parse(self, value, path, check):
        if not isinstance(value, dict):
            return self._one(value, path, check)
        for key in value:
            if key not in self.KEYS:
                return check.report(path + (key,), f"unknown date; a post has created and updated{did_you_mean(str(key), self.KEYS)}")
        if "created" not in value:
            return check.report(path, "needs 'created:', the publishing date, like created: 2024-01-17")
        dates = {key: self._one(when, path + (key,), check) for key, when in value.items()}
        if INVALID in dates.values():
            return INVALID
        created, updated = dates["created"], dates.get("updated")
        if updated is not None and _day(updated) < _day(created):
            return check.report(path + ("updated",), f"{shown(updated)} is before created ({shown(created)}); updated is the day of a later change")
        return created

    @staticmethod
    def _one(value, path, check):
        if isinstance(value, (dt.date, dt.datetime)):
            return value
        if isinstance(value, NotADate):
            day, _, time = str(value).replace("T", " ").partition(" ")
            if time.strip() and _is_day(day):
                return check.report(path, f"{time.strip()} is not a time of day; hours go from 00 to 23, minutes and seconds from 00 to 59")
            return check.report(path, f"{value} is not a day of the calendar; check the month and the day")
        quoted = ""
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value.strip())
                quoted = " without quotes"
            except ValueError:
                pass
        return check.report(path, f"must be a date like 2024-01-17{quoted}, {check.got(path, value)}")

    def json_schema(self, site):
        iso = {"type": "string", "format": "date"}
        dates = {"type": "object", "properties": {key: iso for key in self.KEYS}, "additionalProperties": False, "required": ["created"]}
        return {"anyOf": [iso, dates]}


@dataclass(frozen=True)
class ListOf(Type):
    """A YAML list of items of one type, returned as a tuple."""

    item: Type
    non_empty: bool = False
    example: str = "[foam roller, tennis ball]"

    def parse(self, value, path, check):
        if not isinstance(value, list):
            return check.report(path, f"must be a list, like {self.example}; {check.got(path, value)}")
        if self.non_empty and not value:
            return check.report(path, "must have at least one item")
        items = tuple(self.item.parse(v, path + (i,), check) for i, v in enumerate(value))
        return INVALID if INVALID in items else items

    def json_schema(self, site):
        return {"type": "array", "items": self.item.json_schema(site), **({"minItems": 1} if self.non_empty else {})}


@dataclass(frozen=True)
class OneOfSlugs(Type):
    """One of the slugs the site defines (series); the site says which."""

    def parse(self, value, path, check):
        known = check.site.series
        if isinstance(value, str) and value in known:
            return value
        listing = ", ".join(known) if known else "none are defined under extra.series in mkdocs.yml"
        hint = did_you_mean(value, known) if isinstance(value, str) else ""
        return check.report(path, f"unknown series, {check.got(path, value)}{hint}; known: {listing}")

    def json_schema(self, site):
        return {"enum": list(site.series)}


@dataclass(frozen=True)
class Listed(Type):
    """A list of names from a list the site defines (categories, authors); any names when it defines none.

    Attributes:
        allowed: the site's list, or None.
        unknown: what to say of a name not on it.
        example: shown when the value is not a list.
        in_schema: JSON Schema lists the allowed names.
        item: each name's type.
    """

    allowed: Callable[[Site], Iterable[str] | None]
    unknown: Callable[[str, Site], str]
    example: str
    in_schema: bool = True
    item: Text = Text()

    def parse(self, value, path, check):
        items = ListOf(self.item, example=self.example).parse(value, path, check)
        allowed = self.allowed(check.site)
        if items is INVALID or allowed is None:
            return items
        for index, item in enumerate(items):
            if item not in allowed:
                check.report(path + (index,), self.unknown(item, check.site))
        return items

    def json_schema(self, site):
        allowed = self.allowed(site) if self.in_schema else None
        item = {"enum": list(allowed)} if allowed is not None else self.item.json_schema(site)
        return {"type": "array", "items": item}


def _not_a_category(item: str, site: Site) -> str:
    allowed = site.categories
    return f"{json.dumps(item, ensure_ascii=False)} is not a category of this site{did_you_mean(item, allowed)}; allowed: {', '.join(allowed)}"


def _not_an_author(item: str, site: Site) -> str:
    known = site.blog.authors
    listing = f"known: {', '.join(sorted(known))}" if known else "it defines none yet"
    return f'{json.dumps(item, ensure_ascii=False)} is not in docs/{site.blog.authors_file} ({listing}); add them there, or remove them here'


CATEGORIES = Listed(lambda site: site.categories, _not_a_category, "[Knee]")
AUTHORS = Listed(lambda site: site.blog.authors, _not_an_author, "[jane]", in_schema=False, item=Text(max_length=200))


@dataclass(frozen=True)
class LocalFile(Type):
    """A file inside docs/, relative to the post or (with a leading /) to docs/."""

    suffixes: tuple[str, ...]
    what: str

    def parse(self, value, path, check):
        if not isinstance(value, str) or not value.strip():
            return check.report(path, f"must be the path of {self.what} file, {check.got(path, value)}")
        if re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)", value):
            name = posixpath.basename(urlsplit(value.strip()).path) or "name"
            return check.report(path, f"is a web address, but must be {self.what} file in docs/; save it next to the post and write its path, like media/{name}")
        try:
            resolved = local_path(value.strip(), check.post_dir, self.suffixes, self.what)
        except ValueError as error:
            return check.report(path, str(error))
        if not os.path.isfile(os.path.join(check.site.docs_dir, resolved)):
            return check.report(path, f'file not found: docs/{resolved}; check the name, or add the file')
        if not check.site.publishes(resolved):
            return check.report(path, unpublished(resolved))
        return resolved

    def json_schema(self, site):
        ends = "|".join(any_case(suffix) for suffix in self.suffixes)
        return {"type": "string", "pattern": f"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^?#]*({ends})$"}


def unpublished(resolved: str) -> str:
    """What to say of a file in docs/ that MkDocs leaves out of the site."""
    return (
        f"MkDocs does not publish docs/{resolved} (names starting with a dot, templates/ folders "
        "and exclude_docs are left out); move the file, or name another"
    )


@dataclass(frozen=True)
class Field:
    """A named field of a Record.

    Attributes:
        blank: an optional field left empty (`series:`) is as if left out; False where the
            plugin that reads it fails on an empty value, so the type says what to write.
    """

    name: str
    type: Type
    required: bool = False
    help: str = ""
    blank: bool = True


@dataclass(frozen=True)
class Rule:
    """A check across fields, with the same rule as a JSON Schema fragment."""

    check: Callable[[dict, FieldPath, Checker], None]
    json_schema: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Record(Type):
    """A mapping with known fields; unknown ones are errors (typos are common).

    Attributes:
        fields: the fields, in the order authors usually write them.
        build: makes the model object from the parsed fields.
        rules: checks across fields, run when every field parsed.
        example: shown when the value is not a mapping at all.
    """

    fields: tuple[Field, ...]
    build: Callable[..., Any] = dict
    rules: tuple[Rule, ...] = ()
    example: str = "fields like 'title: ...'"

    def parse(self, value, path, check):
        if not isinstance(value, dict):
            return check.report(path, f"must be a group of {self.example}; {check.got(path, value)}")
        known = {f.name: f for f in self.fields}
        ok = True
        misspelt: set[str] = set()
        for key in value:
            if key not in known:
                written = check.front.keys_written.get(path + (key,), str(key))
                close = difflib.get_close_matches(written, list(known), n=1, cutoff=0.6)
                misspelt.update(close)
                hint = f'; did you mean "{close[0]}"?' if close else "; allowed: " + ", ".join(known)
                check.report(path + (key,), f"unknown field{hint}")
                ok = False
        parsed: dict[str, Any] = {}
        for spec in self.fields:
            missing = spec.name not in value
            if missing and spec.required and spec.name not in misspelt:
                check.report(path + (spec.name,), f"is required{_help(spec)}")
                ok = False
            if missing or value[spec.name] is None and not spec.required and spec.blank:
                continue
            result = spec.type.parse(value[spec.name], path + (spec.name,), check)
            ok = ok and result is not INVALID
            parsed[spec.name] = result
        if not ok:
            return INVALID
        before = len(check.problems)
        for rule in self.rules:
            rule.check(parsed, path, check)
        if len(check.problems) > before:
            return INVALID
        return self.build(**parsed)

    def json_schema(self, site):
        schema = {
            "type": "object",
            "properties": {f.name: {**f.type.json_schema(site), **({"description": f.help} if f.help else {})} for f in self.fields},
            "additionalProperties": False,
        }
        required = [f.name for f in self.fields if f.required]
        if required:
            schema["required"] = required
        rules = [rule.json_schema for rule in self.rules if rule.json_schema]
        if rules:
            schema["allOf"] = rules
        return schema


def _help(spec: Field) -> str:
    return f" ({spec.help})" if spec.help else ""
