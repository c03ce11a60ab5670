"""Patch: under `serve`, the operating system says when a file changes (inotify on Linux), where MkDocs polls twice a second.

What: the livereload server's watchdog observer, replaced before it starts.
Why: a save then starts a build at once instead of up to half a second later.
Guard (`engine/guard.py`): where the server is not as in MkDocs 1.6
(`_watched_paths`, `observer`, `watch`, `unwatch`), it keeps its own polling
observer, and one line says so. So it does, with a line of its own, where a
watched folder is on a file system whose changes may not come as events
(a network share, a virtual machine's or container's shared folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from .guard import Patch, has, log

NATIVE = Patch(
    "file events in place of polling", "mkdocs", "1.6.1",
    "serve polls for saves twice a second, as MkDocs does (a save is heard up to half a second later)",
)
# File systems whose changes may not reach inotify: network shares, shared folders, user-space file systems.
_MAY_NOT_TELL = ("nfs", "cifs", "smb", "9p", "virtiofs", "vboxsf", "fuse", "drvfs", "afs", "ceph", "glusterfs", "sshfs")


def watch_natively(server) -> None:
    """Watch what the server watches through the system's file events; only changes count.

    A build reads every post, and reading is an event too.
    """
    if not NATIVE.holds(
        has(server, "_watched_paths", kind=dict), has(server, "observer"),
        has(server, "watch", parameters=("path",)), has(server, "unwatch", parameters=("path",)),
    ):
        return
    from watchdog import events
    from watchdog.observers import Observer

    if Observer is type(server.observer):
        return
    watched = server._watched_paths
    shared = {path: kind for path in watched if (kind := file_system(path)).startswith(_MAY_NOT_TELL)}
    if shared:
        log.info("routines: saves are polled for, as MkDocs does: %s", ", ".join(f"{p} is on {k}" for p, k in shared.items()))
        return
    changes = [
        events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
        events.FileClosedEvent, events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent,
    ]

    class Changes(Observer):
        def schedule(self, handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            # Through a symbolic link too, as polling does.
            return super().schedule(handler, path, recursive=recursive, event_filter=event_filter or changes, follow_symlink=True)

    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = Changes()
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)


def file_system(path: str, mounts: str = "/proc/self/mountinfo") -> str:
    """The type of the file system `path` is on, from the system's table of mounts (Linux); "" where unknown."""
    try:
        table = Path(mounts).read_text(encoding="utf-8")
    except OSError:
        return ""
    real, found, kind = os.path.realpath(path), "", ""
    for line in table.splitlines():
        fields = line.split(" ")
        if "-" not in fields[6:]:
            continue
        point = fields[4].replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(found):
            found, kind = point, fields[fields.index("-", 6) + 1]
    return kind
