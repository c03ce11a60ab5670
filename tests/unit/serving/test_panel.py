"""Under `serve`, every HTML page served shows the posts' problems, and nothing else changes."""

from __future__ import annotations

from routines.serving.panel import over_every_page

PANEL = '<aside class="build-problems">1 problem</aside>'


def app(body: bytes, kind: str):
    def served(environ, start_response):
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body)))])
        return [body]

    return served


def serve(wsgi, panel: str):
    got = {}

    def start_response(status, headers, exc_info=None):
        got.update(status=status, headers=dict(headers))

    body = b"".join(over_every_page(wsgi, lambda: panel)({"PATH_INFO": "/"}, start_response))
    return got["status"], got["headers"], body


def test_the_panel_opens_every_html_page_and_the_length_follows():
    status, headers, body = serve(app(b'<html><body class="x"><p>Hi</p></body></html>', "text/html"), PANEL)
    assert body == b'<html><body class="x">' + PANEL.encode() + b"<p>Hi</p></body></html>"
    assert status == "200 OK" and headers["Content-Length"] == str(len(body))


def test_other_files_and_pages_without_problems_are_served_as_they_are():
    page = b"<html><body>x</body></html>"
    assert serve(app(page, "text/html"), "")[2] == page
    assert serve(app(b"<body>not html</body>", "text/css"), PANEL)[2] == b"<body>not html</body>"
