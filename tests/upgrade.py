"""The site on the newest MkDocs, ProperDocs, Material and plugins, held against the site on the pinned ones.

    python -m tests.upgrade VENV [--show N] [PYTEST ARGS...]   # `make test-upgrade`

VENV is a separate environment (`.venv-upgrade`): made if need be, with
the test requirements, then the newest of PACKAGES from the package index
(`pip install --upgrade`). Prints their versions beside the pinned ones, builds the same posts as
`make same-site` with each (strictly, at one build date), prints each patch
the upgraded build turned off and each file that differs, then runs the
tests with the upgraded environment (PYTEST ARGS, by default the unit and
build tests: the browser tests are left out). Fails when a build or a test
fails; a file that differs is reported, for the one who upgrades to judge.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.same_site import changed_lines, differences, docs
from tests.sites import ENGINE, ROOT

# What is upgraded: the engines, the theme and the plugins mkdocs.yml names.
PACKAGES = ("mkdocs", "properdocs", "mkdocs-material", "mkdocs-rss-plugin", "mkdocs-redirects")
TESTS = ["tests/unit", "tests/builds"]
# The generator tag names the versions, which differ by design.
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def pinned() -> dict[str, str]:
    """Each upgraded package's version in requirements.txt."""
    found = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        name, _, version = line.partition("==")
        if name.strip().lower() in PACKAGES:
            found[name.strip().lower()] = version.strip()
    return found


def installed(python: str) -> dict[str, str]:
    """Each upgraded package's version in the environment of `python`."""
    script = "import sys\nfrom importlib.metadata import version\nfor name in sys.argv[1:]: print(name, version(name))"
    out = subprocess.run([python, "-c", script, *PACKAGES], capture_output=True, text=True, check=True).stdout
    return dict(line.split(" ", 1) for line in out.splitlines())


def build(python: str, shared_docs: Path, root: Path) -> tuple[Path, str]:
    """A strict build of `shared_docs` with this site's mkdocs.yml, hooks and overrides, by `python`; the site and its output."""
    root.mkdir()
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text())
    for name in ("hooks", "overrides", "docs"):
        (root / name).symlink_to(shared_docs if name == "docs" else ROOT / name, target_is_directory=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([python, "-m", ENGINE, "build", "--strict"], cwd=root, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    if result.returncode:
        raise SystemExit(f"the build with {python} failed:\n{output}")
    return root / "site", output


def upgraded(venv: Path) -> str:
    """The interpreter of `venv`, with the test requirements and the newest of PACKAGES."""
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", str(ROOT / "requirements-test.txt")], check=True)
    subprocess.run([*pip, "--upgrade", *PACKAGES], check=True)
    return python


def main() -> None:
    args = sys.argv[1:]
    python, rest = upgraded(ROOT / args[0]), args[1:]
    show = int(rest[rest.index("--show") + 1]) if "--show" in rest else 5
    if "--show" in rest:
        del rest[rest.index("--show"):rest.index("--show") + 2]
    before, after = pinned(), installed(python)
    print("package               pinned      newest")
    for name in PACKAGES:
        print(f"{name:<21} {before.get(name, '-'):<11} {after[name]}{'' if before.get(name) == after[name] else '  (upgraded)'}")
    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"  # one build date for both builds
    with tempfile.TemporaryDirectory(prefix="upgrade-") as tmp:
        tmp = Path(tmp)
        shared = docs(tmp / "docs")
        old, _ = build(sys.executable, shared, tmp / "pinned")
        new, output = build(python, shared, tmp / "newest")
        off = [line for line in output.splitlines() if "routines: " in line and " is off: " in line]
        print(f"\nthe newest versions build the site; patches turned off: {len(off)}", *off, sep="\n")
        for site in (old, new):
            for page in site.rglob("*.html"):
                page.write_bytes(_GENERATOR.sub(b"<generator>", page.read_bytes()))
        found = differences(old, new)
        print(f"\nfiles that differ from the pinned build (the generator tag aside): {len(found)}", *found, sep="\n")
        for path in [f.split(":")[0] for f in found if f.endswith("differs")][:show]:
            print(f"\n{path}:\n{changed_lines(old / path, new / path)}")
    print(f"\nthe tests, with {python}:", flush=True)
    tests = subprocess.run([python, "-m", "pytest", *(rest or TESTS)], cwd=ROOT)
    raise SystemExit(tests.returncode)


if __name__ == "__main__":
    main()
