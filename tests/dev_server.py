"""`make serve`'s server in a child process, the folder it serves, and a clean build to hold it against."""

from __future__ import annotations

import difflib
import importlib
import logging
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.sites import ENGINE, ROOT, without_build_time

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
        """Wait until the last build has ended and its search index is in place (it is written after the pages).

        A saved post is served before the build of the whole site; any other
        page, as the home page, only once that build has ended.
        """
        self.page("")

        def done() -> bool:  # the new index in place, the old one gone
            return (self.site / "pagefind").is_dir() and not any((self.site / name).exists() for name in (".pagefind-next", ".pagefind-old"))

        wait_for(done, what="the search index")

    def page(self, path: str) -> str:
        return fetch(self.url + path)


def clean_build(root: Path, url: str) -> Path:
    """The site as `serve` builds it first, from nothing: what every later build must equal."""
    site = Path(tempfile.mkdtemp(prefix="clean-", dir=root.parent))
    script = "import sys\nfrom tests.dev_server import build_afresh\nbuild_afresh(sys.argv[1], sys.argv[2])\n"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script, str(site), url], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def build_afresh(site: str, url: str) -> None:
    """Build the site of the working folder into `site` as `serve` builds it first, in a process that built nothing yet."""
    importlib.import_module(f"{ENGINE}.__main__")  # as the command starts: ProperDocs answers for `mkdocs` from here on
    config = importlib.import_module(f"{ENGINE}.config").load_config(config_file="mkdocs.yml", site_dir=site)
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = url
    try:
        importlib.import_module(f"{ENGINE}.commands.build").build(config, serve_url=url)
    finally:
        config.plugins.on_shutdown()


def differences(served: dict[str, bytes], clean: dict[str, bytes]) -> str:
    """How a served site differs from a clean build, file by file ("" if in nothing but an RSS channel's build time)."""
    extra, missing = sorted(set(served) - set(clean)), sorted(set(clean) - set(served))
    differ = [path for path in clean if path in served and without_build_time(served[path]) != without_build_time(clean[path])]
    said = [f"{what}: {paths}" for what, paths in (("files a clean build does not write", extra), ("files missing", missing)) if paths]
    if differ:
        path = differ[0]
        ours, theirs = (d[path].decode("utf-8", "replace").replace("><", ">\n<").splitlines() for d in (served, clean))
        diff = difflib.unified_diff(theirs, ours, f"clean/{path}", f"served/{path}", n=1, lineterm="")
        said.append(f"files that differ from a clean build: {differ}, the first thus:\n" + "\n".join(list(diff)[:40]))
    return "\n".join(said)


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

    def __init__(self, root: Path, scratch: Path, *, ignoring_ctrl_c: bool = False) -> None:
        self.root = root
        self._ignoring_ctrl_c = ignoring_ctrl_c  # started as a shell starts a command in the background
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
                preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if self._ignoring_ctrl_c else None,
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


# -----------------------------------------------------------------------------
# `serve`'s builds without its server: each in a process forked from one that
# built nothing yet, so a clean build takes no more than the build itself.
# -----------------------------------------------------------------------------

_forks = multiprocessing.get_context("forkserver")
# What every build imports, imported once: the engine first (ProperDocs answers for `mkdocs` from then on).
_forks.set_forkserver_preload([
    f"{ENGINE}.__main__", f"{ENGINE}.commands.build", "material.plugins.blog.plugin", "material.plugins.tags.plugin",
    "material.extensions.emoji", "mkdocs_rss_plugin.plugin", "mkdocs_redirects.plugin", "pymdownx.superfences",
    "pymdownx.details", "pymdownx.emoji", "pymdownx.smartsymbols", "routines.engine.state", "routines.engine.reads",
    "routines.contract.checks", "routines.discovery.search", "routines.rendering.blocks", "routines.rendering.cards",
    "routines.rendering.bundles", "routines.rendering.structured", "routines.publishing.headers", "tests.dev_server",
])


def clean_build_forked(root: Path, site: Path, url: str) -> None:
    """`clean_build` of the site at `root` into `site`, in a fresh forked process."""
    process = _forks.Process(target=_build_afresh_in, args=(str(root), str(site), url))
    process.start()
    process.join(timeout=300)
    assert process.exitcode == 0, f"the clean build of {root} failed: exit code {process.exitcode}"


def _build_afresh_in(root: str, site: str, url: str) -> None:
    os.chdir(root)
    logging.disable(logging.WARNING)
    build_afresh(site, url)


class ServeBuilds:
    """The builds of one `serve --dirty` process, as `make serve` runs them, each started on demand rather than by a save.

    The process does what `serve`'s builder does on each save (the post just
    saved shown first, then a new config of mkdocs.yml, its site_url the
    server's, a dirty build for that address), then waits for the search
    index as the server's readers would.
    """

    def __init__(self, root: Path, site: Path, url: str) -> None:
        self.site = site
        self._here, there = _forks.Pipe()
        # Not a daemon: a build draws its cards in processes of its own.
        self._process = _forks.Process(target=_serve_builds, args=(there, str(root), str(site), url))

    def __enter__(self) -> ServeBuilds:
        self._process.start()
        self.build()  # the first build
        return self

    def build(self) -> bool:
        """One build, as after a save; the site is as the server serves it when this returns.

        Returns:
            whether browsers were told of a new site before the whole build began (a saved post shown first).
        """
        self._here.send("build")
        failed, shown_first = self._here.recv()
        assert failed is None, failed
        return shown_first

    def __exit__(self, *exc) -> None:
        self._here.send("stop")
        self._process.join(timeout=120)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()


class _Server:
    """What `serve` reaches of MkDocs' livereload server: its builder, its WSGI app, and the versions of the site it tells browsers of."""

    mount_path = "/"

    def __init__(self, builder) -> None:
        self.builder = builder
        self._app = None
        self._epoch_cond = threading.Condition()
        self._wanted_epoch = self._visible_epoch = 0

    def get_app(self):
        return self._app

    def set_app(self, app) -> None:
        self._app = app

    def rebuild(self) -> None:
        """As the server's build loop does after a save."""
        self._wanted_epoch += 1
        self.builder()
        with self._epoch_cond:
            self._visible_epoch = self._wanted_epoch


def _serve_builds(conn, root: str, site: str, url: str) -> None:
    os.chdir(root)
    logging.disable(logging.WARNING)
    load_config = importlib.import_module(f"{ENGINE}.config").load_config
    build = importlib.import_module(f"{ENGINE}.commands.build").build

    def config():
        made = load_config(config_file="mkdocs.yml", site_dir=site)
        made.site_url = url
        return made

    started = config()
    started.plugins.on_startup(command="serve", dirty=True)
    configs = [started]
    shown_first = []

    def builder() -> None:
        shown_first.append(server._visible_epoch == server._wanted_epoch)
        build(configs.pop() if configs else config(), serve_url=url, dirty=True)

    # From the hooks' folder, which loading the config put on the path.
    from routines.engine.preview import preview_saves
    from routines.serving.incremental import session

    server = _Server(builder)
    preview_saves(server, session())  # as `hooks/incremental.py`'s on_serve does

    try:
        while conn.recv() == "build":
            shown_first.clear()
            try:
                server.rebuild()
                session().wait_for_background()
                conn.send((None, shown_first[0]))
            except Exception as error:  # noqa: BLE001 - the test names it
                conn.send((f"the build failed: {error!r}", False))
    finally:
        started.plugins.on_shutdown()
