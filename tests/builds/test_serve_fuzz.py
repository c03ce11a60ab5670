"""Under `make serve`, no sequence of edits leaves a page stale: a differential test of random edits.

A small generated blog takes random edits, the kinds an author makes in a
week (titles, dates, slugs, series, equipment, steps, breath, videos,
descriptions, prose, posts added, removed and renamed, a mistake and its fix,
mkdocs.yml, an override of the theme), each followed by a build of `serve
--dirty` as a save makes it. After each one, every file the server serves is
compared, byte for byte, with a clean build of the same files (a post with a
mistake as it last was without one, as `serve` shows it; one that never was,
left out).

`make test` runs a few sequences; `make fuzz` many more (FUZZ_EXAMPLES).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tests.bench.generate import EQUIPMENT, WORDS, generate
from tests.bench.generate import post as generated_post
from tests.dev_server import ServeBuilds, clean_build_forked, differences, tree
from tests.sites import ROOT

URL = "http://127.0.0.1:8000/"
FIRST_POSTS = 4
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2"))
STEPS = int(os.environ.get("FUZZ_STEPS", "8"))

# Overrides of Material's partials/copyright.html (in every page's footer) that read more of other pages than the
# site's own templates do.
COPYRIGHT = {
    "the next page's description": (
        '<div class="md-copyright">{% if page and page.next_page %}'
        "Next: {{ page.next_page.meta.description }}{% endif %}</div>\n"
    ),
    "the next page's first step": (
        '<div class="md-copyright">{% if page and page.next_page and page.next_page.meta.routine %}'
        "Next, starting with {{ page.next_page.meta.routine.steps[0].title }}{% endif %}</div>\n"
    ),
    "the previous page's video and category": (
        '<div class="md-copyright">{% if page and page.previous_page %}'
        "{{ page.previous_page.meta.video }} {{ (page.previous_page.meta.categories or [''])[0] }}{% endif %}</div>\n"
    ),
}

words = st.sampled_from(WORDS[:40])


# -----------------------------------------------------------------------------
# The site, as the author's files
# -----------------------------------------------------------------------------


def post_text(front: dict, body: str) -> str:
    return f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n{body}"


def parsed(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body.removeprefix("\n")


def site_with_own_overrides(root: Path) -> None:
    """The generated site's overrides as a folder of its own (the theme's files linked), so a test may add a template."""
    (root / "overrides").unlink()
    for item in (ROOT / "overrides").iterdir():
        if item.name != "partials":
            (root / "overrides" / item.name).parent.mkdir(exist_ok=True)
            (root / "overrides" / item.name).symlink_to(item)
    (root / "overrides" / "partials").mkdir()
    for item in (ROOT / "overrides" / "partials").iterdir():
        (root / "overrides" / "partials" / item.name).symlink_to(item)


class Site:
    """A small blog under `serve`, and what a clean build of the same files is made from."""

    def __init__(self, scratch: Path, posts: int) -> None:
        self.root, self.clean_root = scratch / "author", scratch / "clean"
        self.root.mkdir()
        generate(self.root, posts)
        site_with_own_overrides(self.root)
        config = self.root / "mkdocs.yml"  # list pages of two posts: edits move posts between them
        config.write_text(re.sub(r"(?m)^(\s+pagination_per_page:) \d+$", r"\1 2", config.read_text()))
        self.posts_dir = self.root / "docs" / "blog" / "posts"
        self.posts = {path.name: parsed(path.read_text()) for path in sorted(self.posts_dir.iterdir())}
        self.broken: set[str] = set()
        self.last_good: dict[str, str] = {}
        self.written = {name: self.text(name) for name in self.posts}

    def text(self, name: str) -> str:
        return post_text(*self.posts[name])

    def save(self) -> None:
        """Write what changed, as an editor saves it; remove what is gone."""
        for name in set(self.written) - set(self.posts):
            (self.posts_dir / name).unlink()
            del self.written[name]
        for name in self.posts:
            if self.written.get(name) != (text := self.text(name)):
                (self.posts_dir / name).write_text(text)
                self.written[name] = text

    def built(self) -> None:
        """After a build: each post without a mistake is what `serve` shows of it from now on, until it is fixed."""
        for name in self.posts:
            if name not in self.broken:
                self.last_good[name] = self.text(name)

    def clean_sources(self) -> Path:
        """The files a clean build must be made from to equal the served site."""
        for name in ("docs", "overrides", "mkdocs.yml"):
            target = self.clean_root / name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            elif target.exists() or target.is_symlink():
                target.unlink()
        self.clean_root.mkdir(exist_ok=True)
        if not (self.clean_root / "hooks").exists():
            (self.clean_root / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)
        shutil.copy(self.root / "mkdocs.yml", self.clean_root / "mkdocs.yml")
        shutil.copytree(self.root / "overrides", self.clean_root / "overrides", symlinks=True)
        shutil.copytree(self.root / "docs", self.clean_root / "docs", ignore=shutil.ignore_patterns("posts"))
        (self.clean_root / "docs" / "blog" / "posts").mkdir()
        for name in self.posts:
            text = self.last_good.get(name) if name in self.broken else self.text(name)
            if text is not None:
                (self.clean_root / "docs" / "blog" / "posts" / name).write_text(text)
        return self.clean_root


# -----------------------------------------------------------------------------
# The edits
# -----------------------------------------------------------------------------


pick = st.integers(min_value=0, max_value=1000)  # which post: its place among the posts, in turn


@settings(
    max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
class ServeUnderEdits(RuleBasedStateMachine):
    """Random edits saved under `serve --dirty`; after each, the served site is a clean build's."""

    def __init__(self) -> None:
        super().__init__()
        self.scratch = Path(tempfile.mkdtemp(prefix="serve-fuzz-"))
        self.site = Site(self.scratch, FIRST_POSTS)
        self.serve = ServeBuilds(self.site.root, self.scratch / "served", URL).__enter__()
        self.site.built()
        self.numbers = FIRST_POSTS
        self.said: list[str] = []

    def teardown(self) -> None:
        self.serve.__exit__(None, None, None)
        shutil.rmtree(self.scratch, ignore_errors=True)

    @invariant()
    def served_as_a_clean_build(self) -> None:
        clean = self.scratch / "clean-site"
        shutil.rmtree(clean, ignore_errors=True)
        clean_build_forked(self.site.clean_sources(), clean, URL)
        found = differences(tree(self.serve.site), tree(clean))
        assert not found, "after the first build, then " + ", then ".join(self.said) + ":\n" + found

    # -- helpers ---------------------------------------------------------------

    def saved(self, what: str) -> None:
        """Save the files as they now are and let `serve` build, as a save does."""
        self.said.append(what)
        self.site.save()
        self.serve.build()
        self.site.built()

    def chosen(self, at: int, broken: bool = False) -> str | None:
        """The post at `at` (in turn) among those without a mistake, or among those with one."""
        names = sorted(name for name in self.site.posts if (name in self.site.broken) == broken)
        return names[at % len(names)] if names else None

    def edit(self, at: int, what: str, change) -> None:
        """Change the front matter of a post without a mistake, and save it."""
        name = self.chosen(at)
        if name is not None:
            change(self.site.posts[name][0])
            self.saved(f"{what} of {name}")

    def field(self, at: int, what: str, key: str, value) -> None:
        """Set a front matter field of a post without a mistake to `value(front)`, or remove it (a false `value`), and save it."""
        def change(front):
            front.pop(key, None)
            if value:
                front[key] = value(front)
        self.edit(at, what, change)

    # -- front matter ----------------------------------------------------------

    @rule(at=pick, word=words)
    def title(self, at, word):
        def change(front):
            number = front["title"].split(":")[0]  # "Routine 7": every address stays its post's own
            front["title"] = f"{number}: {word.capitalize()} reset"
        self.edit(at, f"a title ({word})", change)

    @rule(at=pick, day=st.integers(min_value=1, max_value=12))
    def date(self, at, day):
        self.edit(at, f"a date (the {day}th)", lambda front: front.update(date=dt.date(2020, 1, day)))

    @rule(at=pick, word=st.none() | words)
    def slug(self, at, word):
        def of_its_post(front):  # "knee-7": no two posts share an address
            return f"{word}-{front['title'].split(':')[0].split()[-1]}"
        self.field(at, f"a slug ({word})", "slug", word and of_its_post)

    @rule(at=pick, word=st.none() | words)
    def description(self, at, word):
        self.field(at, f"a description ({word})", "description", word and (lambda front: f"A {word} routine."))

    @rule(at=pick, category=st.sampled_from(["Knee", "Neck", "Back", "Hip"]))
    def category(self, at, category):
        self.edit(at, f"a category ({category})", lambda front: front.update(categories=[category]))

    @rule(at=pick, joined=st.booleans())
    def series(self, at, joined):
        self.field(at, "joining the series" if joined else "leaving the series", "series", joined and (lambda front: "diy-recovery"))

    @rule(at=pick, equipment=st.lists(st.sampled_from([*EQUIPMENT[:3], "kettlebell"]), min_size=1, max_size=3, unique=True))
    def equipment(self, at, equipment):
        self.edit(at, f"equipment ({', '.join(equipment)})", lambda front: front["routine"].update(equipment=equipment))

    @rule(at=pick, video=st.none() | st.integers(min_value=1, max_value=3))
    def video(self, at, video):
        def change(front):
            if video is None:
                front.pop("video", None)
                for step in front["routine"]["steps"]:
                    step.pop("video_at", None)
            else:
                front["video"] = f"https://www.youtube.com/watch?v={video:011d}"
        self.edit(at, f"a video ({video})", change)

    # -- the routine -----------------------------------------------------------

    @rule(at=pick, step=st.integers(min_value=0, max_value=5), word=words)
    def step_title(self, at, step, word):
        def change(front):
            steps = front["routine"]["steps"]
            steps[step % len(steps)]["title"] = f"{word.capitalize()} with care"
        self.edit(at, f"a step's title ({word})", change)

    @rule(at=pick, word=words)
    def step_added(self, at, word):
        step = {"title": f"{word.capitalize()} circles", "kind": "mobility", "reps": 3}
        self.edit(at, f"a step added ({word})", lambda front: front["routine"]["steps"].append(step))

    @rule(at=pick, step=st.integers(min_value=0, max_value=5))
    def step_removed(self, at, step):
        def change(front):
            steps = front["routine"]["steps"]
            if len(steps) > 1:
                del steps[step % len(steps)]
        self.edit(at, "a step removed", change)

    @rule(at=pick, inhale=st.integers(min_value=2, max_value=6), exhale=st.integers(min_value=4, max_value=10),
          rounds=st.integers(min_value=3, max_value=8))
    def breath(self, at, inhale, exhale, rounds):
        def change(front):
            steps = front["routine"]["steps"]
            breath = next((step for step in steps if step.get("kind") == "breath"), None)
            if breath is None:
                breath = {"title": "Breathe", "kind": "breath"}
                steps.append(breath)
            breath["breath"] = {"inhale": inhale, "exhale": exhale, "rounds": rounds}
        self.edit(at, f"breath ({inhale}/{exhale}, {rounds} rounds)", change)

    # -- prose -----------------------------------------------------------------

    @rule(at=pick, word=words, excerpt=st.booleans())
    def prose(self, at, word, excerpt):
        name = self.chosen(at)
        if name is None:
            return
        front, body = self.site.posts[name]
        opening, more, rest = body.partition("<!-- more -->")
        if excerpt:
            opening = opening.rstrip("\n") + f" Then {word}.\n\n"
        else:
            rest = f"\n\n{word.capitalize()} slowly, once more.{rest}"
        self.site.posts[name] = (front, opening + more + rest)
        self.saved(f"prose {'before' if excerpt else 'after'} the excerpt of {name} ({word})")

    # -- posts -----------------------------------------------------------------

    @rule(day=st.none() | st.integers(min_value=1, max_value=12))
    def post_added(self, day):
        number = self.numbers = self.numbers + 1
        front, body = parsed(generated_post(number, plain=False))
        if day is not None:
            front["date"] = dt.date(2020, 1, day)
        name = f"routine-{number:04d}.md"
        self.site.posts[name] = (front, body)
        self.saved(f"{name} added")

    @precondition(lambda self: len(self.site.posts) > 1)
    @rule(at=pick)
    def post_removed(self, at):
        name = sorted(self.site.posts)[at % len(self.site.posts)]
        del self.site.posts[name]
        self.site.broken.discard(name)
        self.saved(f"{name} removed")

    @rule(at=pick, word=words)
    def post_renamed(self, at, word):
        name = sorted(self.site.posts)[at % len(self.site.posts)]
        new = f"{word}-{name}"
        self.site.posts[new] = self.site.posts.pop(name)
        if name in self.site.broken:
            self.site.broken.discard(name)
            self.site.broken.add(new)
        self.saved(f"{name} renamed {new}")

    # -- a mistake, then its fix -----------------------------------------------

    @rule(at=pick)
    def mistake(self, at):
        name = self.chosen(at)
        if name is None:
            return
        steps = self.site.posts[name][0]["routine"]["steps"]
        steps[0]["reps"] = "eight"
        self.site.broken.add(name)
        self.saved(f"a mistake in {name}")

    @rule(at=pick, word=st.none() | words)
    def fix(self, at, word):
        name = self.chosen(at, broken=True)
        if name is None:
            return
        front = self.site.posts[name][0]
        first = front["routine"]["steps"][0]
        first.pop("reps")
        if first.get("kind") == "mobility":
            first["reps"] = 5
        if word is not None:  # fixed with another change in the same save
            front["title"] = f"{front['title'].split(':')[0]}: {word.capitalize()} reset"
        self.site.broken.discard(name)
        self.saved(f"the fix of {name}" + (f" with a title ({word})" if word else ""))

    # -- the site --------------------------------------------------------------

    @rule(site_name=st.sampled_from(["DIY Workout Recovery", "DIY Recovery"]), per_page=st.sampled_from([2, 3]))
    def config(self, site_name, per_page):
        text = (self.site.root / "mkdocs.yml").read_text()
        text = re.sub(r"(?m)^site_name: .*$", f"site_name: {site_name}", text)
        text = re.sub(r"(?m)^(\s+pagination_per_page:) \d+$", rf"\1 {per_page}", text)
        (self.site.root / "mkdocs.yml").write_text(text)
        self.saved(f"mkdocs.yml ({site_name}, {per_page} a page)")

    @rule(variant=st.none() | st.sampled_from(sorted(COPYRIGHT)))
    def override(self, variant):
        target = self.site.root / "overrides" / "partials" / "copyright.html"
        target.unlink(missing_ok=True)
        if variant is not None:
            target.write_text(COPYRIGHT[variant])
        self.saved(f"an override of the footer showing {variant}" if variant else "no override of the footer")


TestServeUnderEdits = ServeUnderEdits.TestCase


def test_a_template_that_reads_more_of_a_neighbour_stays_fresh(tmp_path):
    """An override showing the next post's first step: a step renamed shows on the post before it, too."""
    site = Site(tmp_path, FIRST_POSTS)
    (site.root / "overrides" / "partials" / "copyright.html").write_text(COPYRIGHT["the next page's first step"])
    with ServeBuilds(site.root, tmp_path / "served", URL) as serve:
        site.built()
        site.posts["routine-0002.md"][0]["routine"]["steps"][0]["title"] = "Gentle rolling"
        site.save()
        serve.build()
        clean_build_forked(site.clean_sources(), tmp_path / "clean-site", URL)
        before, = (serve.site / "blog" / "2020" / "01" / "02").glob("*/index.html")  # routine 1, the day before
        assert "Next, starting with Gentle rolling" in before.read_text()
        assert differences(tree(serve.site), tree(tmp_path / "clean-site")) == ""


NEIGHBOUR_HOOK = '''\
def on_page_context(context, *, page, config, nav):
    following = page.next_page
    page.following_video = following.meta.get("video", "") if following is not None else ""
    return context
'''


def test_what_a_hook_sets_in_on_page_context_stays_fresh(tmp_path):
    """A hook sets on each page, in `on_page_context`, the next post's video: a new video shows on the post before it."""
    site = Site(tmp_path, FIRST_POSTS)
    (site.root / "own-hooks").mkdir()  # in a folder of its own: `serve` starts afresh when a hook's folder changes
    (site.root / "own-hooks" / "neighbours.py").write_text(NEIGHBOUR_HOOK)
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("hooks:\n", "hooks:\n  - own-hooks/neighbours.py\n", 1))
    (site.root / "overrides" / "partials" / "copyright.html").write_text(
        '<div class="md-copyright">{% if page %}Next: {{ page.following_video }}{% endif %}</div>\n'
    )
    with ServeBuilds(site.root, tmp_path / "served", URL) as serve:
        site.built()
        site.posts["routine-0002.md"][0]["video"] = "https://www.youtube.com/watch?v=00000000777"
        site.save()
        serve.build()
        before, = (serve.site / "blog" / "2020" / "01" / "02").glob("*/index.html")  # routine 1, the day before
        assert "Next: https://www.youtube.com/watch?v=00000000777" in before.read_text()
        sources = site.clean_sources()
        shutil.copytree(site.root / "own-hooks", sources / "own-hooks", dirs_exist_ok=True)
        clean_build_forked(sources, tmp_path / "clean-site", URL)
        assert differences(tree(serve.site), tree(tmp_path / "clean-site")) == ""
