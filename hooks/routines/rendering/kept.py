"""Files made once and kept between builds, named by what they were made from.

A name is a digest of everything that goes into the file, so a kept file is
never stale: changed input, new name. Kept in a folder git ignores
(`.cache/` beside mkdocs.yml); deleting it costs only time.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


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
