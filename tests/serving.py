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


def serve(directory: Path, port: int = 0) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve a folder on localhost (a free port unless given); returns (base URL, server)."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
