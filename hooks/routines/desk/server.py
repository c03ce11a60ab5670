"""The desk's own server: the editor's page and the live preview, on localhost only.

It serves `admin/` (the page, its script and the form's config), the CMS
from `node_modules/` (no CDN), the site's styles and scripts for the
preview pane, and answers the preview. It writes nothing: the CMS saves
through its local server (decap-server), and `make serve` shows the site.
"""

from __future__ import annotations

import http.server
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..contract.project import Project
from ..model.units import count_forms
from .preview import preview

TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
    ".yml": "text/yaml; charset=utf-8", ".json": "application/json", ".wasm": "application/wasm", ".map": "application/json",
}
MAX_POST = 1_000_000  # a post's file is at most 200,000 characters of front matter and its body


@dataclass(frozen=True)
class Desk:
    """What the desk serves.

    Attributes:
        project: the site's folders and what posts may refer to.
        theme: the theme's Jinja environment, Markdown, styles and script (`engine.desk.Theme`).
        site_url: where `make serve` serves the site.
        decap_url: the CMS's local server's API.
    """

    project: Project
    theme: Any
    site_url: str
    decap_url: str

    def info(self) -> dict:
        """What the editor's page needs to know of this desk."""
        return {
            "decap": self.decap_url,
            "site": self.site_url,
            "styles": [f"/desk/{name}" for name in self.theme.styles],
            "script": "/desk/site.js",
            "words": count_forms(),
        }

    def file(self, address: str) -> Path | None:
        """The file an address under /admin/ names, never one outside its folder."""
        for prefix, folder in folders(self.project.root).items():
            if not address.startswith(prefix):
                continue
            path = (folder / (address[len(prefix):] or "index.html")).resolve()
            if path.is_relative_to(folder.resolve()) and path.is_file():
                return path
        return None


def unused_name(root: Path, shown: str) -> str:
    """Where the CMS saves a new post named `shown`: the name, or with `-1`, `-2`... when a post has it already."""
    stem, dot, suffix = shown.rpartition(".")
    name, number = shown, 0
    while (root / name).exists():
        number += 1
        name = f"{stem}-{number}{dot}{suffix}"
    return name


def folders(root: Path) -> dict[str, Path]:
    """Address prefix under /admin/ -> the folder its files come from, the first that has the file."""
    modules = root / "node_modules"
    return {"yaml/": modules / "yaml" / "browser" / "dist", "": root / "admin", "cms/": modules / "decap-cms" / "dist"}


def published(root: Path) -> Iterator[tuple[str, Path]]:
    """(address under /admin/, file) of what the editor needs on the published site: no source maps, one CMS bundle."""
    for prefix, folder in folders(root).items():
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            other_bundle = prefix == "cms/" and not name.endswith(("decap-cms.js", ".wasm"))
            if not path.is_file() or path.suffix in (".map", ".txt", ".md") or other_bundle:
                continue
            yield prefix + name, path


class _Handler(http.server.BaseHTTPRequestHandler):
    desk: Desk

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's API)
        address = self.path.split("?", 1)[0]
        if address == "/admin":
            return self._send(301, b"", "text/plain", {"Location": "/admin/"})
        if address.startswith("/admin/") and (path := self.desk.file(address[len("/admin/"):])):
            return self._send(200, path.read_bytes(), TYPES.get(path.suffix, "application/octet-stream"))
        if address == "/desk/info":
            return self._json(200, self.desk.info())
        if address == "/desk/site.js":
            return self._send(200, self.desk.theme.script.encode(), TYPES[".js"])
        name = address.removeprefix("/desk/")
        if name in self.desk.theme.styles:
            return self._send(200, self.desk.theme.styles[name].encode(), TYPES[".css"])
        return self._send(404, b"Not found", "text/plain")

    def do_POST(self) -> None:  # noqa: N802 (http.server's API)
        if self.path != "/desk/preview":
            return self._send(404, b"Not found", "text/plain")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_POST:
            return self._json(413, {"error": "the post is too long to preview"})
        try:
            asked = json.loads(self.rfile.read(length))
            path = unused_name(self.desk.project.root, asked["path"]) if asked.get("new") else asked["path"]
            pending = tuple(str(file) for file in asked.get("media", ()))
            answer = preview(asked["text"], path, self.desk.project, self.desk.theme, self.desk.site_url, pending)
        except (ValueError, KeyError, TypeError) as error:
            return self._json(400, {"error": str(error)})
        return self._json(200, answer)

    def _json(self, status: int, data: dict) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(), TYPES[".json"])

    def _send(self, status: int, body: bytes, kind: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def start(desk: Desk, port: int) -> http.server.ThreadingHTTPServer:
    """Serve the desk on 127.0.0.1:`port` in a thread of its own; `shutdown()` stops it."""
    handler = type("DeskHandler", (_Handler,), {"desk": desk})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
