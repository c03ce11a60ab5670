"""Reading a post's front matter with the line of every field.

MkDocs drops front matter whose YAML does not parse and carries on with an
untitled page; here the same text becomes a problem an author can act on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Iterator

import yaml

Path = tuple  # a field path: ("routine", "steps", 0, "title")

# libyaml's parser when PyYAML was built with it (the wheels are): several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The same pattern MkDocs uses to find front matter.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


@dataclass
class FrontMatter:
    """A post's front matter and body.

    Attributes:
        data: the parsed mapping (empty if there is none or it is broken).
        source: the front matter's YAML text, as MkDocs and the blog plugin find it.
        body: the Markdown after the front matter.
        body_line: the file line the body starts on (1-based).
        lines: file line (1-based) of every field path.
        errors: (line, field, message) for anything that kept data from parsing.
    """

    data: dict = field(default_factory=dict)
    source: str = ""
    body: str = ""
    body_line: int = 1
    lines: dict[Path, int] = field(default_factory=dict)
    errors: list[tuple[int | None, str, str]] = field(default_factory=list)

    def line_of(self, path: Path) -> int | None:
        """The line of a field, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


def read_front_matter(text: str) -> FrontMatter:
    """Split and parse front matter, recording problems instead of raising."""
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        result = FrontMatter(body=text)
        if text.startswith("---"):
            result.errors.append((1, "front matter", "has no closing '---' line"))
        return result
    body_line = text.count("\n", 0, match.end()) + 1
    result = FrontMatter(source=match.group(1), body=text[match.end():], body_line=body_line)
    loader = Loader(match.group(1))
    try:
        node = loader.get_single_node()  # one parse: the node tree gives lines, then data
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        result.errors.append(_yaml_problem(error))
        return result
    finally:
        loader.dispose()
    if data is None:
        return result
    if not isinstance(data, dict):
        result.errors.append((2, "front matter", "must be fields like 'title: ...', one per line"))
        return result
    result.data = data
    _record_lines(node, (), result)
    return result


def _record_lines(node: yaml.Node, path: Path, result: FrontMatter) -> None:
    """Walk the YAML node tree, noting each field's line and duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 2  # +1 for 1-based, +1 for '---'
            if key in seen:
                name = dotted(path + (key,))
                result.errors.append((line, name, "appears twice; keep one"))
            seen.add(key)
            result.lines[path + (key,)] = line
            _record_lines(value_node, path + (key,), result)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            result.lines[path + (index,)] = item.start_mark.line + 2
            _record_lines(item, path + (index,), result)


def _yaml_problem(error: yaml.YAMLError) -> tuple[int | None, str, str]:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 2 if mark else None
    problem = " ".join((getattr(error, "problem", None) or str(error)).split())
    hint = "check the indentation, and quote values that contain ': ' or start with a symbol"
    return line, "front matter", f"is not valid YAML ({problem}); {hint}"


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of each body line outside fenced code blocks, offsets from 0."""
    fence = ""
    for offset, line in enumerate(body.splitlines()):
        opening = _FENCE.match(line)
        if opening and (not fence or opening[1].startswith(fence)):
            fence = "" if fence else opening[1]
        elif not fence:
            yield offset, line


def dotted(path: Path) -> str:
    """Field path as authors read it: steps are counted from 1, as on the cards."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            name = str(part) if re.fullmatch(r"[\w-]+", str(part)) else json.dumps(str(part), ensure_ascii=False)
            text += f".{name}" if text else name
    return text

