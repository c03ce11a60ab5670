"""`make serve`'s server in a child process, the folder it serves, and a clean build to hold it against."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.sites import ENGINE

# What `make serve` runs (a test holds the Makefile to it).
SERVE = ["serve", "--livereload", "--dirty"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text; a 404's text too."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode()
    except urllib.error.HTTPError as error:
        return error.read().decode()


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for(predicate, seconds: float = 90, what: str = "the dev server") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class DevServer:
    """`mkdocs serve` as `make serve` runs it, on a free port, serving from a folder the test can read."""

    def __init__(self, root: Path, scratch: Path, args: list[str] = SERVE) -> None:
        self.root, self.args = root, args
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self._tmp = scratch
        self._tmp.mkdir(parents=True, exist_ok=True)
        self._process: subprocess.Popen | None = None
        self.log = scratch / "serve.log"

    def __enter__(self) -> DevServer:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "TMPDIR": str(self._tmp)}
        with open(self.log, "w") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", ENGINE, *self.args, "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        wait_for(lambda: "</html>" in fetch(self.url), what=f"the first page ({self.log})")
        return self

    def __exit__(self, *exc) -> None:
        self._process.terminate()
        self._process.wait(timeout=30)

    @property
    def site(self) -> Path:
        """The folder the server serves (MkDocs makes it in TMPDIR)."""
        found = [p for p in self._tmp.iterdir() if p.is_dir() and p.name.startswith(("mkdocs_", "properdocs_"))]
        assert len(found) == 1, found
        return found[0]

    def settled(self) -> None:
        """Wait until the search index of the last build is in place (it is written after the pages)."""
        def done() -> bool:  # the new index in place, the old one gone
            return (self.site / "pagefind").is_dir() and not any((self.site / name).exists() for name in (".pagefind-next", ".pagefind-old"))

        wait_for(done, what="the search index")

    def page(self, path: str) -> str:
        return fetch(self.url + path)


def clean_build(root: Path, url: str) -> Path:
    """The site as `serve` builds it first, from nothing: what every later build must equal."""
    site = Path(tempfile.mkdtemp(prefix="clean-", dir=root.parent))
    script = (
        "import sys\n"
        f"import {ENGINE}.__main__\n"  # as the command starts: ProperDocs answers for `mkdocs` from here on
        f"from {ENGINE}.config import load_config\n"
        f"from {ENGINE}.commands.build import build\n"
        "config = load_config(config_file='mkdocs.yml', site_dir=sys.argv[1])\n"
        "config.plugins.on_startup(command='serve', dirty=False)\n"
        "config.site_url = sys.argv[2]\n"
        "try:\n"
        "    build(config, serve_url=sys.argv[2])\n"
        "finally:\n"
        "    config.plugins.on_shutdown()\n"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([sys.executable, "-c", script, str(site), url], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def tree(site: Path) -> dict[str, bytes]:
    """Every file a reader could fetch (dot-files are the server's own), by path."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(site).parts)
    }


class WriteDesk:
    """`make write`'s command in a child process, on free ports: the site, the CMS's local server and the editor.

    The site at `root` needs `admin/` and `node_modules/` beside its mkdocs.yml.
    """

    def __init__(self, root: Path, scratch: Path) -> None:
        self.root = root
        self.port, self.site_port, self.decap_port = free_port(), free_port(), free_port()
        self.editor = f"http://127.0.0.1:{self.port}/admin/"
        self.site_url = f"http://127.0.0.1:{self.site_port}/"
        self._tmp = scratch
        self._tmp.mkdir(parents=True, exist_ok=True)
        self.log = scratch / "write.log"
        self._process: subprocess.Popen | None = None

    def __enter__(self) -> WriteDesk:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self._tmp), "PYTHONPATH": str(self.root / "hooks")}
        ports = ["--port", str(self.port), "--site-port", str(self.site_port), "--decap-port", str(self.decap_port)]
        with open(self.log, "w") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "routines", "write", *ports], cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        wait_for(lambda: "The editor: " in self.log.read_text() or self._process.poll() is not None, what=f"the desk ({self.log})")
        assert self._process.poll() is None, self.log.read_text()
        return self

    def __exit__(self, *exc) -> None:
        self.stop(signal.SIGTERM)

    def stop(self, how: int = signal.SIGINT) -> None:
        """Stop the desk as Ctrl-C does (SIGINT), or as a SIGTERM: it stops the site and the CMS's server too."""
        if self._process.poll() is None:
            self._process.send_signal(how)
        self._process.wait(timeout=60)

    def listening(self) -> list[int]:
        """Which of its three ports something still answers on."""
        found = []
        for port in (self.port, self.site_port, self.decap_port):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    found.append(port)
        return found

    def page(self, path: str) -> str:
        return fetch(self.site_url + path)
