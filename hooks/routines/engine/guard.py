"""What every reach into MkDocs', Material's or a plugin's internals checks before it is used.

A patch (`Patch`) names the version it was written for and what the site is
without it; before use it checks what it relies on (`has`). Where something
is missing or changed, the patch stays off, the build goes on with the
supported behaviour, and one line says so, once per process:

    WARNING -  routines: <patch> is off: <what is missing> (written for mkdocs-material 9.8.2, installed 9.9.0);
    the site builds without it: <what is slower or plainer>

The line is written by a logger of its own, outside MkDocs' `mkdocs.*`
loggers, whose warnings are the ones `--strict` counts: an upgrade may make
a build slower or plainer, and says so, but does not stop a publish.
"""

from __future__ import annotations

import inspect
import logging
import sys
from dataclasses import dataclass
from importlib import metadata

log = logging.getLogger("routines.upgrade")
if not log.handlers:
    _terminal = logging.StreamHandler(sys.stderr)
    _terminal.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(_terminal)
    log.setLevel(logging.INFO)

# Patches found off in this process, by name -> what is missing: the installed
# packages do not change while it runs, so neither does the answer.
_off: dict[str, str] = {}


@dataclass(frozen=True)
class Patch:
    """One reach into another project's internals.

    Attributes:
        name: what the patch does, as the warning names it.
        package: the distribution it reaches into (`mkdocs-material`).
        written_for: the version of that package it was written for.
        without: what the site is without it (slower or plainer).
    """

    name: str
    package: str
    written_for: str
    without: str

    def holds(self, *missing: str | None) -> bool:
        """True when nothing is missing (each check gives None); otherwise the patch is off, and says so once."""
        gone = [what for what in missing if what]
        if gone:
            self.off("; ".join(gone))
        return self.name not in _off

    def off(self, missing: str) -> None:
        """Turn the patch off for the rest of the process, with one warning line."""
        if self.name in _off:
            return
        _off[self.name] = missing
        log.warning(
            "routines: %s is off: %s (written for %s %s, installed %s); the site builds without it: %s",
            self.name, missing, self.package, self.written_for, _installed(self.package), self.without,
        )


def has(owner, path: str, *, parameters: tuple[str, ...] | None = None, kind: type | None = None) -> str | None:
    """None if `owner` has the dotted attribute `path` as expected, else what is missing or changed.

    Args:
        owner: a module, class or object.
        path: attribute names joined by dots (`Excerpt.render`).
        parameters: the names a callable must take, in order.
        kind: the type the attribute must be (a subclass, or an instance of it).
    """
    where, found = _name(owner), owner
    for name in path.split("."):
        where = f"{where}.{name}"
        found = getattr(found, name, _MISSING)
        if found is _MISSING:
            return f"{where} is missing"
    if kind is not None and not (isinstance(found, kind) or (isinstance(found, type) and issubclass(found, kind))):
        return f"{where} is no longer a {kind.__name__}"
    if parameters is not None:
        try:
            names = tuple(inspect.signature(found).parameters)
        except (TypeError, ValueError):
            return f"{where} is not callable as before"
        if names[: len(parameters)] != parameters:
            return f"{where} takes ({', '.join(names)}), not ({', '.join(parameters)})"
    return None


def importable(module: str, name: str) -> tuple[object | None, str | None]:
    """(`module.name`, None) if it can be imported, else (None, what is missing)."""
    try:
        found = getattr(__import__(module, fromlist=[name]), name)
    except (ImportError, AttributeError):
        return None, f"{module}.{name} is missing"
    return found, None


_MISSING = object()


def _name(owner) -> str:
    return getattr(owner, "__name__", None) or type(owner).__name__


def _installed(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"
