"""Reading a post's front matter with the line of every field, within limits.

MkDocs drops front matter whose YAML does not parse and carries on with an
untitled page; here the same text becomes a problem an author can act on.
YAML is read with limits (size, depth, values after aliases are expanded), so
no post can make a build hang, recurse forever or run out of memory; and what
YAML 1.1 silently turns into a number, a boolean or a date is remembered as
written, so an error can quote it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor

FieldPath = tuple  # a field path: ("routine", "steps", 0, "title")

# libyaml's parser when PyYAML was built with it (the wheels are): several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The same pattern MkDocs uses to find front matter.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
# Front matter closed on the file's very last line, which MkDocs does not see as front matter.
_CLOSED_AT_END = re.compile(r"^-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*$", re.S)

# Generous for any real post (the knee post's front matter is 2 KB and about
# 60 values), small enough that no front matter can exhaust a build.
MAX_CHARS = 200_000
MAX_VALUES = 20_000
MAX_DEPTH = 32

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class NotADate:
    """What YAML read as a date but is not one in the calendar (`2024-02-30`)."""

    text: str

    def __str__(self) -> str:
        return self.text


class _Reader(Loader):
    """libyaml's safe loader, turning impossible dates into values the validator reports."""


def _timestamp(loader: SafeConstructor, node: yaml.ScalarNode) -> object:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return NotADate(node.value)


_Reader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


@dataclass
class FrontMatter:
    """A post's front matter and body.

    Attributes:
        data: the parsed mapping (empty if there is none or it is broken).
        source: the front matter's YAML text, as MkDocs and the blog plugin find it.
        body: the Markdown after the front matter.
        body_line: the file line the body starts on (1-based).
        lines: file line (1-based) of every field path.
        written: unquoted values YAML read as something other than text, as written, by field path.
        keys_written: field names YAML read as something other than text (`yes:`, `1:`), as written.
        errors: (line, field, message) for anything that kept data from parsing.
    """

    data: dict = field(default_factory=dict)
    source: str = ""
    body: str = ""
    body_line: int = 1
    lines: dict[FieldPath, int] = field(default_factory=dict)
    written: dict[FieldPath, str] = field(default_factory=dict)
    keys_written: dict[FieldPath, str] = field(default_factory=dict)
    errors: list[tuple[int | None, str, str]] = field(default_factory=list)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of a field, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None

    def name_of(self, path: FieldPath) -> str:
        """A field path as authors read it, with field names as they wrote them."""
        return dotted(tuple(self.keys_written.get(path[:end], part) for end, part in enumerate(path, start=1)))


class _TooMuch(Exception):
    """Front matter beyond the reader's limits; the message says how, the node where."""

    def __init__(self, message: str, node: yaml.Node) -> None:
        super().__init__(message)
        self.node = node


def read_front_matter(text: str) -> FrontMatter:
    """Split and parse front matter, recording problems instead of raising."""
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        result = FrontMatter(body=text)
        if _CLOSED_AT_END.match(text):
            result.errors.append((1, "front matter", "ends on the file's last line with nothing after it; write the post below the closing '---'"))
        elif text.startswith("---"):
            result.errors.append((1, "front matter", "has no closing '---' line"))
        return result
    body_line = text.count("\n", 0, match.end()) + 1
    source = match.group(1)
    result = FrontMatter(source=source, body=text[match.end():], body_line=body_line)
    if len(source) > MAX_CHARS:
        result.errors.append((2, "front matter", f"is {len(source):,} characters long, more than the {MAX_CHARS:,} a post may have; move long text into the body"))
        return result
    lines = _Lines(source)
    try:
        _read(source, result, lines)
    except _TooMuch as error:
        result.errors.append((lines.at(error.node.start_mark), "front matter", str(error)))
    except yaml.YAMLError as error:
        result.errors.append(_yaml_problem(error, lines))
    except Exception as error:  # noqa: BLE001 - whatever YAML throws is this post's problem, not a crash
        result.errors.append((2, "front matter", f"cannot be read ({type(error).__name__}: {error}); check the YAML, or simplify it"))
    return result


def _read(source: str, result: FrontMatter, lines: _Lines) -> None:
    """Parse YAML text into `result`: bounded first, then lines, then data."""
    loader = _Reader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return
        if not isinstance(node, yaml.MappingNode):
            result.errors.append((2, "front matter", "must be fields like 'title: ...', one per line"))
            return
        _measure(node, 0, {}, set())
        _Recorder(loader, result, lines).mapping(node, ())
        if result.errors:
            return
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    result.data = data


def _measure(node: yaml.Node, depth: int, sizes: dict[int, int], open_: set[int]) -> int:
    """How many values a node stands for once aliases are expanded; raises past the limits."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_:
        raise _TooMuch("refers to itself through an alias (*name inside &name); write the value out instead", node)
    if depth > MAX_DEPTH:
        raise _TooMuch(f"is nested more than {MAX_DEPTH} levels deep; flatten it", node)
    total = 1
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        open_.add(key)
        children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else node.value
        for child in children:
            total += _measure(child, depth + 1, sizes, open_)
            if total > MAX_VALUES:
                raise _TooMuch(f"stands for more than {MAX_VALUES:,} values once its aliases (*name) are expanded; write the values out", node)
        open_.discard(key)
    sizes[key] = total
    return total


class _Lines:
    """File lines of character offsets in the front matter (line 1 is the opening '---').

    Counted by "\\n" alone, as editors and Markdown count them; YAML also breaks
    lines at U+2028 and friends, which would put every later field off.
    """

    def __init__(self, source: str) -> None:
        self._starts = [m.end() for m in re.finditer("\n", source)]
        self.source = source
        self.text = source.split("\n")

    def of(self, line: int) -> str:
        """The text of a file line (as `at` counts them)."""
        return self.text[line - 2] if 2 <= line < len(self.text) + 2 else ""

    def at(self, mark: yaml.Mark) -> int:
        index = getattr(mark, "index", None)
        if index is None:
            return mark.line + 2
        return bisect.bisect_right(self._starts, index) + 2


class _Recorder:
    """Walks the node tree (aliases expanded, merge keys applied) noting lines, repeats and what was written."""

    def __init__(self, loader: yaml.SafeLoader, result: FrontMatter, lines: _Lines) -> None:
        self.loader, self.result, self.lines = loader, result, lines

    def node(self, node: yaml.Node, path: FieldPath, merged: bool) -> None:
        if isinstance(node, yaml.MappingNode):
            self.mapping(node, path, merged)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._note(self.result.lines, path + (index,), self.lines.at(item.start_mark), merged)
                self._swallowed(item, path + (index,))
                self.node(item, path + (index,), merged)
        elif isinstance(node, yaml.ScalarNode) and not node.style and node.tag not in (_STR, _NULL):
            self._note(self.result.written, path, node.value, merged)

    def mapping(self, node: yaml.MappingNode, path: FieldPath, merged: bool = False) -> None:
        seen: set[object] = set()
        sources: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                sources += value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                continue
            key = self._key(key_node)
            field_path = path + (key,)
            if key_node.tag != _STR and isinstance(key_node, yaml.ScalarNode):
                self._note(self.result.keys_written, field_path, key_node.value, merged)
            line = self.lines.at(key_node.start_mark)
            if key in seen and not merged:
                self.result.errors.append((line, self.result.name_of(field_path), "appears twice; keep one"))
            seen.add(key)
            self._note(self.result.lines, field_path, line, merged)
            self.node(value_node, field_path, merged)
        for source in sources:  # what `<<: *name` brings in; the mapping's own fields win
            if isinstance(source, yaml.MappingNode):
                self.mapping(source, path, merged=True)

    def _swallowed(self, item: yaml.Node, path: FieldPath) -> None:
        """A list item that ran on into a "- " line indented a little further: YAML joined them into one."""
        if not isinstance(item, yaml.ScalarNode) or item.style or item.start_mark.index is None:
            return
        joined = re.search(r"\n[ \t]*- ", self.lines.source[item.start_mark.index : item.end_mark.index])
        if not joined:
            return
        first = self.lines.at(item.start_mark)
        line = first + self.lines.source.count("\n", item.start_mark.index, item.start_mark.index + joined.start()) + 1
        dash = self.lines.of(first).index("- ") + 1
        self.result.errors.append((line, self.result.name_of(path), (
            f'ran on into this line, so two items read as one ("{" ".join(item.value.split())}"); '
            f"start this line's \"-\" at column {dash}, like the \"-\" above it"
        )))

    def _key(self, node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
            return node.value
        if isinstance(node, yaml.ScalarNode):
            key = self.loader.construct_object(node)
            return key if key.__hash__ is not None else node.value
        return ("not a name", id(node))  # YAML itself refuses it when the data is made

    @staticmethod
    def _note(table: dict, path: FieldPath, value: object, merged: bool) -> None:
        if merged:
            table.setdefault(path, value)
        else:
            table[path] = value


def _yaml_problem(error: yaml.YAMLError, lines: _Lines) -> tuple[int | None, str, str]:
    mark = getattr(error, "problem_mark", None)
    line = lines.at(mark) if mark else None
    problem = " ".join((getattr(error, "problem", None) or str(error)).split())
    hint = _line_up(lines, line) if line else ""
    hint = hint or "check the indentation, and quote values that contain ': ' or start with a symbol"
    return line, "front matter", f"is not valid YAML ({problem}); {hint}"


def _line_up(lines: _Lines, line: int) -> str:
    """Which column a wrongly indented line belongs at: its list's other items, or the fields above it."""
    text = lines.of(line)
    here = len(text) - len(text.lstrip(" "))
    item = text.lstrip(" ").startswith("- ")
    for above in range(line - 1, 1, -1):
        prior = lines.of(above)
        stripped = prior.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        column = len(prior) - len(stripped)
        if item and not stripped.startswith("- "):
            if column < here:
                break  # a parent: this item is the first of its list
            continue
        if not item and stripped.startswith("- "):
            column += 2  # the fields of a list item line up after its "- "
        if column == here or stripped.rstrip().endswith(":") and not item:
            return ""
        what = "the item" if item else "the field"
        return f"line {line} starts at column {here + 1}: line it up with {what} above it, at column {column + 1}"
    return ""


# -----------------------------------------------------------------------------
# The body
# -----------------------------------------------------------------------------

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def body_lines(text: str) -> list[str]:
    """The lines of a Markdown text, split where Markdown splits them: at "\\n" only.

    `str.splitlines` also splits at form feeds and U+2028, which Markdown
    treats as ordinary characters; line numbers would drift after one.
    """
    return text.split("\n")


# What opens a block whose lines, indented by four, belong to it: an admonition
# or a collapsible note (`!!! note`, `???+ tip`), a list item, a quote.
_ADMONITION = re.compile(r"^ {0,3}(?:!!!|\?\?\?\+?)[ \t]*\S")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[*+-]|\d+[.)])(?:[ \t]|$)")
_QUOTE = re.compile(r"^ {0,3}>")


@dataclass(frozen=True)
class BodyLine:
    """One line of a Markdown text and the block Markdown reads it in.

    Attributes:
        offset: the line's offset in the text, from 0.
        text: the line.
        kind: `prose` (a line of its own at the top level), `fence` (fenced
            code, its fences too), `code` (indented code), `comment` (an HTML
            comment of several lines), or `nested` (inside a list item, a quote
            or an admonition).
        opened_at: for `comment` and `nested`, the offset of the line that opened the block.
    """

    offset: int
    text: str
    kind: str
    opened_at: int | None = None


def blocks_of(body: str) -> list[BodyLine]:
    """Each line of a Markdown text with the block it is in, as Python-Markdown reads blocks."""
    found: list[BodyLine] = []
    fence, comment, container, after_blank = "", None, None, True
    for offset, line in enumerate(body_lines(body)):
        blank = not line.strip()
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        opening = _FENCE.match(line)
        if fence or opening:
            if opening and (not fence or opening[1].startswith(fence)):
                fence = "" if fence else opening[1]
            found.append(BodyLine(offset, line, "fence"))
            continue
        if comment is not None:
            found.append(BodyLine(offset, line, "comment", comment))
            comment = None if "-->" in line else comment
            continue
        if container is not None and not blank and indent < 4 and after_blank:
            container = None
        if container is not None and not blank and (indent >= 4 or not after_blank):
            found.append(BodyLine(offset, line, "nested", container))
        elif _QUOTE.match(line) or _LIST_ITEM.match(line):
            container = offset
            found.append(BodyLine(offset, line, "nested", offset))
        elif indent >= 4 and after_blank and not blank:
            found.append(BodyLine(offset, line, "code"))
            continue  # indented code goes on after it, as after a blank line
        elif _ADMONITION.match(line):
            container = offset
            found.append(BodyLine(offset, line, "nested", offset))
        elif indent < 4 and "<!--" in line and "-->" not in line[line.index("<!--") + 4:]:
            comment = offset
            found.append(BodyLine(offset, line, "comment" if line.lstrip().startswith("<!--") else "prose", offset))
        else:
            found.append(BodyLine(offset, line, "prose"))
        after_blank = blank
    return found


# -----------------------------------------------------------------------------
# Showing values and paths to authors
# -----------------------------------------------------------------------------


def dotted(path: FieldPath) -> str:
    """Field path as authors read it: steps are counted from 1, as on the cards."""
    text = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part + 1}]"
        else:
            name = str(part) if re.fullmatch(r"[\w-]+", str(part)) else json.dumps(str(part), ensure_ascii=False)
            text += f".{name}" if text else name
    return text


def shown(value: object) -> str:
    """A value as an author would recognise it: never a Python repr."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return json.dumps(text, ensure_ascii=False)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return f"{value:g}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return str(value)


def what_yaml_made(value: object) -> str:
    """What YAML turned an unquoted value into, in words: `the number 750`, `false`, `a date`."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {shown(value)}"
    if isinstance(value, (dt.date, NotADate)):
        return "a date"
    return shown(value)
