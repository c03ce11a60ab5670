"""Files made once and kept between builds, named by what they were made from.

A name is a digest of everything that goes into the file, so a kept file is
never stale: changed input, new name. Kept in a folder git ignores
(`.cache/` beside mkdocs.yml); deleting it costs only time.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import site
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder `routines` is imported from


def digest(*parts: str) -> str:
    """A name for what is made from `parts`."""
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24]


def kept(folder: Path, name: str, make: Callable[[], bytes]) -> Path:
    """`folder/name`, made by `make` only when it is not there yet."""
    path = folder / name
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=path.suffix)
        with os.fdopen(handle, "wb") as out:
            out.write(make())
        os.replace(temporary, path)  # whole or not at all, even with two builds at once
    return path


def processes(workers: int | None = None) -> ProcessPoolExecutor:
    """Processes to make many files in, on every core but the one rendering pages.

    Forked from a server that has imported Pillow and fontTools, not from this
    process and its threads; each finds this package where this process did
    (MkDocs puts the hooks' folder on the path only while it loads them).
    """
    if _socket_fits(tempfile.gettempdir()):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["PIL.Image", "PIL.ImageDraw", "PIL.ImageFont", "fontTools.ttLib", "zxingcpp"])
    else:  # the fork server listens on a socket in the temporary folder, whose name is too long for one
        context = multiprocessing.get_context("spawn")
    workers = workers or max(1, (os.cpu_count() or 1) - 1)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=site.addsitedir, initargs=(str(PACKAGE_ROOT),))


def give_way(by: int) -> None:
    """In a process of `processes`: lower its priority by `by`, once (what pages wait for goes first where cores are few)."""
    global _given_way
    if not _given_way:
        _given_way = True
        os.nice(by)


_given_way = False


def _socket_fits(folder: str) -> bool:
    """Whether the fork server's socket (`<folder>/pymp-xxxxxxxx/listener-xxxxxxxx`) fits a Unix socket's 107 bytes."""
    return len(os.fsencode(folder)) + len("/pymp-xxxxxxxx/listener-xxxxxxxx") < 107
