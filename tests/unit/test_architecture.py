"""The plan of the house: hooks/ holds only the event files mkdocs.yml lists, and each part imports only what it may."""

from __future__ import annotations

import ast
import re

import yaml

from tests.sites import ROOT

HOOKS = ROOT / "hooks"
PACKAGE = HOOKS / "routines"
PARTS = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its Python tags skipped."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def imported(path) -> set[str]:
    """Every top-level package a module imports, and each part of this package (`routines.<part>`) it imports."""
    names = set()
    here = path.relative_to(HOOKS).with_suffix("").parts
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            if node.level:  # relative: resolve against the module's own package
                base = list(here[: len(here) - node.level])
                names.add(".".join([*base, *(node.module or "").split(".")]).strip("."))
            else:
                names.add(node.module)
    return {".".join(n.split(".")[:2]) if n.startswith("routines.") else n.split(".")[0] for n in names}


def test_hooks_holds_exactly_the_event_files_mkdocs_yml_lists():
    listed = yaml.load((ROOT / "mkdocs.yml").read_text(), _Loader)["hooks"]
    assert sorted(listed) == sorted(f"hooks/{p.name}" for p in HOOKS.glob("*.py"))


def test_hook_files_are_thin_adapters():
    """A hook file defines events and small helpers; classes and patches live in the package."""
    for hook in HOOKS.glob("*.py"):
        tree = ast.parse(hook.read_text())
        assert not [n for n in tree.body if isinstance(n, ast.ClassDef)], f"{hook.name} defines a class"
        assert any(isinstance(n, ast.FunctionDef) and n.name.startswith("on_") for n in tree.body), f"{hook.name} has no event"


def test_only_engine_imports_mkdocs_or_material():
    for module in PACKAGE.rglob("*.py"):
        if module.parent.name == "engine":
            continue
        assert not imported(module) & {"mkdocs", "material", "properdocs"}, f"{module.relative_to(ROOT)} imports MkDocs or Material"


def test_each_part_imports_only_what_its_docstring_allows():
    """Each sub-package says `May import:` which other parts; the code keeps to it (engine may import all)."""
    assert PARTS == ["contract", "desk", "discovery", "engine", "model", "publishing", "rendering", "serving"]
    for part in PARTS:
        if part == "engine":
            continue
        doc = ast.get_docstring(ast.parse((PACKAGE / part / "__init__.py").read_text()))
        allowed = set(re.findall(r"`(\w+)`", re.search(r"May import: (.*)", doc).group(1))) | {part}
        for module in (PACKAGE / part).glob("*.py"):
            parts = {name.split(".")[1] for name in imported(module) if name.startswith("routines.")}
            assert parts <= allowed, f"{module.relative_to(ROOT)} imports {sorted(parts - allowed)}"
