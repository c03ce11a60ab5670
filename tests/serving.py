"""Serve a built site on localhost as static hosts do: gzip-compressed when the browser asks."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from pathlib import Path

# What static hosts compress; images, fonts and the search index's binary chunks go as they are
# (Pagefind's chunks are gzipped already).
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml", "application/manifest+json")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml"}

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        missing = Path(self.directory) / "404.html"
        if not path.exists() and missing.is_file():
            return self._not_found(missing.read_bytes())  # as static hosts do: the site's own 404 page
        kind = self.guess_type(str(path))
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or not kind.startswith(COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self, body: bytes):
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, port: int = 0) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve a folder on localhost (a free port unless given); returns (base URL, server)."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def transferred(request) -> int:
    """Bytes a finished request moved: its response's headers and (compressed) body, as the browser counts them."""
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def first_view(page, url: str) -> dict[str, int]:
    """Open `url` in a fresh page and let it settle (the service worker's first work included): bytes per address."""
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    sizes: dict[str, int] = {}
    for request in finished:
        sizes[request.url] = sizes.get(request.url, 0) + transferred(request)
    return sizes
