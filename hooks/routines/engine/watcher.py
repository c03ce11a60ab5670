"""Patch: under `serve`, the operating system says when a file changes (inotify on Linux), where MkDocs polls twice a second.

What: the livereload server's watchdog observer, replaced before it starts.
Why: a save then starts a build at once instead of up to half a second later.
Guard: where the server is not as in MkDocs 1.6 (`_watched_paths`,
`observer`), or the platform has nothing but polling, the server keeps its
own observer.
"""

from __future__ import annotations


def watch_natively(server) -> None:
    """Watch what the server watches through the system's file events; only changes count.

    A build reads every post, and reading is an event too.
    """
    watched = getattr(server, "_watched_paths", None)
    if not isinstance(watched, dict) or not hasattr(server, "observer"):
        return
    from watchdog import events
    from watchdog.observers import Observer

    if Observer is type(server.observer):
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
