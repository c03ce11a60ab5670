"""The authoring contract (WRITING.md) as data, and the validator over it."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from typing import Iterator

from ..model.post import KINDS, Breath, Post, Routine, Step, Video
from ..model.units import clock, singular_of
from ..model.video import VIDEO_HELP, parse_video_source
from ..model.wording import DEFAULT_TEMPO_SECONDS, TEMPO_SECONDS
from .files import MARKDOWN_SUFFIXES
from .frontmatter import FieldPath, FrontMatter, blocks_of, read_front_matter
from .markers import COMMENT, enclosed_markers, find_markers, indented_markers
from .types import (
    AUTHORS, CATEGORIES, INVALID, Boolean, Checker, Choice, Date, Duration,
    Field, Integer, ListOf, LocalFile, Number, OneOfSlugs, Problem, Record,
    Rule, Site, Text, Timestamp, Type, any_case, did_you_mean, unpublished,
)

IMAGE_SUFFIXES = (".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp")

# -----------------------------------------------------------------------------
# Rules across fields
# -----------------------------------------------------------------------------


def _breath_needs_pacing(step: dict, path: FieldPath, check: Checker) -> None:
    if step["kind"] == "breath" and "breath" not in step:
        check.report(path + ("kind",), "a breath step needs 'breath:' with inhale, exhale and rounds")


DOSES = ("duration", "hold", "reps", "sets")


# What a breath step can do once per side: the breath timer and a duration run once.
PER_SIDE_WITH_BREATH = ("reps", "sets", "hold")


def _each_needs_a_dose(step: dict, path: FieldPath, check: Checker) -> None:
    if step.get("each") and step.get("breath") and (step.get("duration") or not any(step.get(d) for d in PER_SIDE_WITH_BREATH)):
        if step.get("duration"):
            check.report(path + ("each",), "has nothing to count per side: the breath timer and the duration run once; remove each")
        else:
            check.report(path + ("each",), "has nothing to count per side: the breath timer runs once; remove each, or give the step reps, sets or a hold per side")
    elif step.get("each") and not any(step.get(dose) for dose in DOSES):
        check.report(path + ("each",), f"says what the dose is counted per, but the step has no dose; add one of {', '.join(DOSES)}, or remove each")


def _captions_only_for_files(video: dict, path: FieldPath, check: Checker) -> None:
    if video.get("captions") and video["url"].source.host != "file":
        check.report(path + ("captions",), "only for a local video file; YouTube and Vimeo carry their own captions")


def _video_at_needs_video(post: dict, path: FieldPath, check: Checker) -> None:
    routine, video = post.get("routine"), post.get("video")
    if not routine:
        return
    for index, step in enumerate(routine.steps):
        at = path + ("routine", "steps", index, "video_at")
        if step.video_at is None:
            continue
        if video is None:
            check.report(at, "the post has no video; add 'video:' or remove video_at")
        elif video.duration is not None and step.video_at > video.duration:
            check.report(at, f"{clock(step.video_at)} is after the end of the video ({clock(video.duration)})")


# -----------------------------------------------------------------------------
# Types that only this contract needs
# -----------------------------------------------------------------------------


YOUTUBE_ID = "[A-Za-z0-9_-]{11}"
VIDEO_PATTERNS = (
    rf"^https?://((www|m|music)\.)?youtube(-nocookie)?\.com/watch\?([^#]*&)?v={YOUTUBE_ID}([&#].*)?$",
    rf"^https?://((www|m)\.)?youtube(-nocookie)?\.com/(shorts|embed|live|v)/(?!videoseries){YOUTUBE_ID}([/?#].*)?$",
    rf"^https?://(www\.)?youtu\.be/{YOUTUBE_ID}([/?#].*)?$",
    r"^https?://(www\.|player\.)?vimeo\.com/(video/)?[0-9]+(/[0-9a-f]+)?/?([?#].*)?$",
    rf"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^?#]*({any_case('.mp4')}|{any_case('.webm')})([?#].*)?$",
)


class VideoUrl(Type):
    """A YouTube or Vimeo link, or a local video file that must exist."""

    def json_schema(self, site):
        return {"type": "string", "anyOf": [{"pattern": p} for p in VIDEO_PATTERNS]}

    def parse(self, value, path, check):
        if not isinstance(value, str) or not value.strip():
            return check.report(path, f"must be a video link or file; {VIDEO_HELP}; {check.got(path, value)}")
        try:
            source = parse_video_source(value, check.post_dir)
        except ValueError as error:
            return check.report(path, f"{error}, {check.got(path, value)}" if str(error).startswith("is ") else str(error))
        if source.host == "file":
            found = LocalFile(suffixes=(".mp4", ".webm"), what="a video").parse(value, path, check)
            if found is INVALID:
                return INVALID
        return _Url(value.strip(), source)


@dataclass(frozen=True)
class _Url:
    text: str
    source: object


def _make_video(url: _Url, **fields) -> Video:
    return Video(url=url.text, source=url.source, **fields)


VIDEO_FIELDS = Record(
    fields=(
        Field("url", VideoUrl(), required=True, help="a YouTube or Vimeo link, or a .mp4/.webm file"),
        Field("title", Text(max_length=200)),
        Field("poster", LocalFile(IMAGE_SUFFIXES, "an image")),
        Field("captions", LocalFile((".vtt",), "a WebVTT captions")),
        Field("duration", Duration()),
    ),
    build=_make_video,
    rules=(Rule(_captions_only_for_files, {
        "if": {"properties": {"url": {"pattern": "^[a-zA-Z][a-zA-Z0-9+.-]*:"}}, "required": ["url"]},
        "then": {"not": {"required": ["captions"]}},
    }),),
    example="url, title, poster, captions, duration",
)


class VideoField(Type):
    """`video:` is a link or path, or a mapping with `url` and details."""

    def json_schema(self, site):
        return {"anyOf": [VideoUrl().json_schema(site), VIDEO_FIELDS.json_schema(site)]}

    def parse(self, value, path, check):
        if isinstance(value, dict):
            return VIDEO_FIELDS.parse(value, path, check)
        url = VideoUrl().parse(value, path, check)
        return url if url is INVALID else _make_video(url)


class Slug(Type):
    """One safe part of a web address: letters, digits, `-` and `_`, dots only between them."""

    PATTERN = r"(?=[\w.-]*[^\W_])[\w-]+(?:\.[\w-]+)*"

    def json_schema(self, site):
        return {"type": "string", "pattern": f"^{self.PATTERN}$", "maxLength": 120}

    def parse(self, value, path, check):
        if Text(max_length=120).parse(value, path, check) is INVALID or re.fullmatch(self.PATTERN, value):
            return value
        return check.report(path, f"must be one part of a web address, letters, digits and hyphens like knee-reset; {check.got(path, value)}")


class EachWord(Text):
    """What a dose is counted per: one word of the author's, singular, so the site can make it plural."""

    def parse(self, value, path, check):
        word = super().parse(value, path, check)
        if word is INVALID:
            return word
        one = singular_of(word) if " " not in word else ""
        if one and one != word:
            return check.report(path, f'is a plural; write the one the dose counts per: each: {one} (the site says "each {one}", "Switch {word}")')
        return word


# What a link the site prints may lead to; a browser runs `javascript:` and its kind.
SAFE_SCHEMES = ("http", "https", "mailto")


class RelatedLinks(Type):
    """`links:`, the related links Material's blog lists beside a post: pages of the site, or titled web addresses.

    Each item is a page's path in docs/ (`blog/posts/knee.md`, its title
    shown), `Title: address` (a web address or a page), or `Section:` with
    items of its own. Anything else shows as "None" or a dead link.
    """

    def parse(self, value, path, check):
        if not isinstance(value, list):
            return check.report(path, f"must be a list of pages (blog/posts/knee.md) or titled links ('Title': https://...), {check.got(path, value)}")
        for index, item in enumerate(value):
            where = path + (index,)
            if isinstance(item, dict) and len(item) == 1:
                (title, target), = item.items()
                if not isinstance(title, str) or not title.strip():
                    check.report(where, f"a link's title must be text, {check.got(where, title)}")
                elif isinstance(target, list):
                    self.parse(target, where + (title,), check)
                else:
                    self._target(target, where + (title,), check)
            elif isinstance(item, str) and re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", item.strip()):
                check.report(where, f"a web address needs a title, shown as the link: - 'Title': {item.strip()}")
            elif isinstance(item, str) and not item.strip().split("#")[0].lower().endswith(MARKDOWN_SUFFIXES):
                check.report(where, f"only a page of the site is shown by its own title; give this one a title: - 'Title': {item.strip()}")
            elif isinstance(item, str):
                self._target(item, where, check)
            else:
                check.report(where, f"must be a page (blog/posts/knee.md) or one 'Title': address, {check.got(where, item)}")
        return value

    @classmethod
    def pages(cls, value, path: FieldPath = ("links",)) -> Iterator[tuple[FieldPath, str]]:
        """(field path, page relative to docs/) of every page of the site that valid related links name."""
        for index, item in enumerate(value if isinstance(value, list) else ()):
            where = path + (index,)
            if isinstance(item, dict) and len(item) == 1:
                (title, target), = item.items()
                if isinstance(target, list):
                    yield from cls.pages(target, where + (title,))
                    continue
                item, where = target, where + (title,)
            if isinstance(item, str) and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", item.strip()):
                yield where, posixpath.normpath(item.strip().split("#")[0].lstrip("/"))

    def _target(self, target, path, check) -> None:
        if not isinstance(target, str) or not target.strip():
            check.report(path, f"must be a web address or a page of the site, {check.got(path, target)}")
            return
        scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", target.strip())
        if scheme and scheme[1].lower() not in SAFE_SCHEMES:
            check.report(path, f"{scheme[1]}: links are not allowed; link a web page (https://...) or a page of the site")
        elif not scheme:
            page = target.strip().split("#")[0].lstrip("/")
            if not os.path.isfile(os.path.join(check.site.docs_dir, page)):
                check.report(path, f"file not found: docs/{page}; related links are paths from docs/, like blog/posts/knee.md")
            elif not check.site.publishes(page):
                check.report(path, unpublished(page))

    def json_schema(self, site):
        page = {"type": "string", "pattern": "^(?![a-zA-Z][a-zA-Z0-9+.-]*:)"}
        address = {"type": "string", "pattern": "^((?![a-zA-Z][a-zA-Z0-9+.-]*:)|([hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO]):)"}
        titled = {"type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": {"anyOf": [address, {"type": "array"}]}}
        return {"type": "array", "items": {"anyOf": [page, titled]}}


@dataclass(frozen=True)
class ThemeName(Type):
    """A name the theme knows: `template:` (Material's page templates or the site's own in overrides/)
    or `status:` (new, deprecated, or one `extra.status` in mkdocs.yml names).

    Attributes:
        kind: which of the theme's names (`templates`, `statuses`: attributes of `contract.theme.Theme`).
        must: what the value must be, `{known}` standing for those names.
    """

    kind: str
    must: str

    def parse(self, value, path, check):
        known = getattr(check.site.theme, self.kind)
        if isinstance(value, str) and value in known:
            return value
        hint = did_you_mean(value, known) if isinstance(value, str) else ""
        return check.report(path, f"{self.must.format(known=', '.join(known))}; {check.got(path, value)}{hint}")

    def json_schema(self, site):
        return {"enum": list(getattr(site.theme, self.kind))}


class IconName(Type):
    """`icon:`, one of the theme's icons by its path, like material/spa, shown where other posts link this one."""

    PATTERN = r"[a-z0-9-]+(?:/[a-z0-9-]+)+"

    def parse(self, value, path, check):
        if isinstance(value, str) and re.fullmatch(self.PATTERN, value) and check.site.theme.has_icon(value):
            return value
        return check.report(path, f"must be an icon of the theme, like material/spa (search them at https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/); {check.got(path, value)}")

    def json_schema(self, site):
        return {"type": "string", "pattern": f"^{self.PATTERN}$"}


@dataclass(frozen=True)
class Unused(Type):
    """A key Material knows that this site does nothing with: written, it would do nothing, so it is refused."""

    why: str

    def parse(self, value, path, check):
        return check.report(path, f"{self.why}; remove it")

    def json_schema(self, site):
        return {"not": {}, "description": self.why}


class EquipmentName(Text):
    """A piece of equipment: text with a letter or digit, as its page's address is made of them (equipment/foam-roller/)."""

    def parse(self, value, path, check):
        name = super().parse(value, path, check)
        if name is INVALID or re.search(r"[^\W_]", name):
            return name
        return check.report(path, f"has no letters or digits to name its page by; write it in words, like foam roller; {check.got(path, value)}")


class SetCount(Integer):
    """`sets:`; `2x12`, as clinics write a dose, is split for the author."""

    def parse(self, value, path, check):
        written = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", value) if isinstance(value, str) else None
        if written:
            sets, reps = written.groups()
            return check.report(path, f"takes the number of sets only; for {value.strip()}, write sets: {sets} and, on the next line, reps: {reps}")
        return super().parse(value, path, check)


# -----------------------------------------------------------------------------
# The contract
# -----------------------------------------------------------------------------

COUNTS = "a number of counts"
TEXT_LIST = ListOf(Text(max_length=200))
EQUIPMENT_LIST = ListOf(EquipmentName(max_length=200))

BREATH = Record(
    fields=(
        Field("inhale", Number(0, above=True, maximum=60, meaning=COUNTS), required=True),
        Field("hold", Number(0, above=False, maximum=60, meaning=COUNTS)),
        Field("exhale", Number(0, above=True, maximum=60, meaning=COUNTS), required=True),
        Field("hold_out", Number(0, above=False, maximum=60, meaning=COUNTS)),
        Field("rounds", Integer(1, 100, meaning="a whole number of rounds"), required=True),
        Field("count_seconds", Number(0, above=True, maximum=10, meaning="seconds per count")),
        Field("inhale_cue", Text(max_length=120)),
        Field("exhale_cue", Text(max_length=120)),
    ),
    build=Breath,
    example="inhale, exhale, rounds",
)

TEMPO_HELP = "the time of one rep, the hold on top; left out, " + ", ".join(
    [f"{seconds} s for {kind}" for kind, seconds in TEMPO_SECONDS.items()] + [f"{DEFAULT_TEMPO_SECONDS} s for other kinds"]
)

STEP = Record(
    fields=(
        Field("title", Text(max_length=120), required=True, help="a short imperative name"),
        Field("kind", Choice(KINDS), required=True, help="one of " + ", ".join(KINDS)),
        Field("equipment", EQUIPMENT_LIST, help="what this step needs, one item per line, like foam roller"),
        Field("duration", Duration()),
        Field("sets", SetCount(1, 100, meaning="a whole number of sets")),
        Field("reps", Integer(1, 500, meaning="a whole number of reps")),
        Field("hold", Duration()),
        Field("rest", Duration()),
        Field("tempo", Duration(), help=TEMPO_HELP),
        Field("each", EachWord(max_length=40), help="what the dose is counted per, one word: side, leg, calf or direction"),
        Field("video_at", Timestamp()),
        Field("cues", TEXT_LIST, help="short lines the reader can glance at, one idea per line"),
        Field("breath", BREATH),
        Field("text", Text(max_length=5000), help="longer instructions in Markdown, under the cues"),
    ),
    build=Step,
    rules=(
        Rule(_breath_needs_pacing, {
            "if": {"properties": {"kind": {"const": "breath"}}, "required": ["kind"]},
            "then": {"required": ["breath"]},
        }),
        Rule(_each_needs_a_dose, {"if": {"required": ["each"]}, "then": {
            "anyOf": [{"required": [dose]} for dose in DOSES],
            "if": {"required": ["breath"]},
            "then": {"anyOf": [{"required": [dose]} for dose in PER_SIDE_WITH_BREATH], "not": {"required": ["duration"]}},
        }}),
    ),
    example="title, kind and the dose",
)

ROUTINE = Record(
    fields=(
        Field("title", Text(max_length=120)),
        Field("equipment", EQUIPMENT_LIST),
        Field("steps", ListOf(STEP, non_empty=True, example="- title: ...\\n  kind: ..."), required=True),
    ),
    build=Routine,
    example="title, equipment and steps",
)

TITLE_LENGTH = 200

# What Material lets a page hide (`hide:`), each read by one of its templates.
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")

SEARCH = Record(
    fields=(
        Field("exclude", Boolean(), help="true leaves the post out of the site's search"),
        Field("boost", Unused("the site's search (Pagefind) ranks every page alike and does not read boost")),
    ),
    example="exclude: true",
)

RSS = Record(
    fields=(Field("feed_description", Text(max_length=300), help="the post's text in the feeds, instead of its excerpt"),),
    example="feed_description (the post's text in feeds)",
)

# Keys MkDocs, Material and the RSS plugin read themselves, typed as they read them.
MATERIAL_FIELDS = (
    Field("template", ThemeName(
        "templates", "must be a page template of the theme, one of {known} (a template of your own goes in overrides/)",
    ), help="the page template: blog-post.html unless you made another in overrides/", blank=False),
    Field("hide", ListOf(Choice(HIDE), example="[toc]"), help="parts of the page to leave out: " + ", ".join(HIDE), blank=False),
    Field("icon", IconName(), help="an icon of the theme, like material/spa"),
    Field("status", ThemeName("statuses", "must be one of {known} (more are named under extra.status in mkdocs.yml)"), help="new or deprecated"),
    Field("subtitle", Text(max_length=120), help="a line under the title where other posts link this one"),
    Field("search", SEARCH),
    Field("comments", Unused("the site has no comments")),
    Field("links", RelatedLinks(), help="related links: pages of the site (blog/posts/knee.md) or 'Title': https://..."),
    Field("social", Unused("the site does not make Material's social cards (its own link previews need nothing)")),
    Field("rss", RSS),
)
# The form leaves these as written (contract/cms.py).
MATERIAL_KEYS = tuple(spec.name for spec in MATERIAL_FIELDS)


def _make_post(title, date, description="", series="", video=None, routine=None, categories=(), booking=True, rss=None, **_material) -> Post:
    feed_description = (rss or {}).get("feed_description", "")
    return Post(title, description, series, video, routine, categories, date, booking, feed_description)


POST = Record(
    fields=(
        Field("title", Text(max_length=TITLE_LENGTH), required=True, help="the post's title"),
        Field("slug", Slug(), help="the last part of the post's address, like knee-reset"),
        Field("date", Date(), required=True, help="the publishing date, like 2024-01-17"),
        Field("categories", CATEGORIES, help="body regions", blank=False),
        Field("series", OneOfSlugs()),
        Field("description", Text(max_length=300), help="one line for search results and link previews"),
        Field("authors", AUTHORS, blank=False),
        Field("tags", TEXT_LIST),
        Field("draft", Boolean()),
        Field("pin", Boolean()),
        Field("readtime", Integer(1, 600, meaning="a whole number of minutes")),
        Field("booking", Boolean(), help="false leaves out the booking invitation under this post"),
        Field("video", VideoField()),
        Field("routine", ROUTINE),
        *MATERIAL_FIELDS,
    ),
    build=_make_post,
    rules=(Rule(_video_at_needs_video, {
        "if": {"not": {"required": ["video"]}},
        "then": {"properties": {"routine": {"properties": {"steps": {"items": {"not": {"required": ["video_at"]}}}}}}},
    }),),
)

# -----------------------------------------------------------------------------
# A page that is not a post: what MkDocs and Material read of it is typed as in posts
# -----------------------------------------------------------------------------

PAGE_FIELDS = (
    Field("title", Text(max_length=TITLE_LENGTH)),
    Field("description", Text(max_length=300)),
    Field("tags", TEXT_LIST),
    *(spec for spec in MATERIAL_FIELDS if spec.name != "links"),  # related links are the blog's, for posts
)


def validate_page_front(front: FrontMatter, file: str, page_dir: str, site: Site) -> list[Problem]:
    """The problems of a page's front matter: the keys MkDocs and Material read, typed as in posts; any other key is the page's own."""
    check = Checker(file=file, post_dir=page_dir, site=site, front=front)
    for spec in PAGE_FIELDS:
        value = front.data.get(spec.name)
        if spec.name in front.data and (value is not None or not spec.blank):
            spec.type.parse(value, (spec.name,), check)
    return check.problems


# -----------------------------------------------------------------------------
# The blog's authors file, as Material's blog plugin reads it
# -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Address(Text):
    """A web address or a path in docs/ that a page prints as a link or an image: never one a browser would run."""

    def parse(self, value, path, check):
        text = super().parse(value, path, check)
        scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", text) if isinstance(text, str) else None
        if scheme and scheme[1].lower() not in SAFE_SCHEMES:
            return check.report(path, f"{scheme[1]}: addresses are not allowed; give a web address (https://...) or a path in docs/")
        return text


AUTHOR = Record(
    fields=(
        Field("name", Text(max_length=200), required=True, help="as shown on their posts, like Jane Doe, PT"),
        Field("description", Text(max_length=300), required=True, help="a few words, like Manual therapist"),
        Field("avatar", Address(), required=True, help="their picture: a path like /images/jane.jpg, or a web address"),
        Field("slug", Slug()),
        Field("url", Address()),
    ),
    example="name, description and avatar",
)


class AuthorsById(Type):
    """`authors:` of the authors file: each author's id, with their name, description and avatar under it."""

    def parse(self, value, path, check):
        if not isinstance(value, dict):
            return check.report(path, f"must be a group of authors by id, like jane: with name, description and avatar under it; {check.got(path, value)}")
        found = [AUTHOR.parse(author, path + (author_id,), check) for author_id, author in value.items()]
        return INVALID if INVALID in found else value

    def json_schema(self, site):
        return {"type": "object", "additionalProperties": AUTHOR.json_schema(site)}


AUTHORS_FILE = Record(fields=(Field("authors", AuthorsById()),), example="authors:")


def validate_authors_file(front: FrontMatter, file: str, site: Site) -> list[Problem]:
    """The problems of the blog's authors file, read as front matter (so its lines are counted from its opening `---`)."""
    check = Checker(file=file, post_dir="", site=site, front=front)
    for line, name, message in front.errors:
        check.add(line, "authors file" if name == "front matter" else name, message)
    if not front.errors:
        AUTHORS_FILE.parse(front.data, (), check)
    return check.problems


# -----------------------------------------------------------------------------
# Placement markers in the body
# -----------------------------------------------------------------------------

# What a marker inside a block would do there.
ENCLOSED = {
    "more": "list pages would cut the post inside it",
    "routine": "the step cards would show inside it",
    "video": "the video would show inside it",
}


def _check_markers(post: Post | None, front: FrontMatter, check: Checker) -> None:
    found = find_markers(front.body)
    has = {"routine": post is None or post.routine is not None, "video": post is None or post.video is not None}
    for name, lines in found.items():
        if name == "more":
            continue
        for extra in lines[1:]:
            check.add(front.body_line + extra, "body", f"<!-- {name} --> appears more than once; keep one")
        if lines and not has[name]:
            check.add(front.body_line + lines[0], "body", f"<!-- {name} --> marks a place, but the post has no '{name}:' in its front matter; add one or remove the marker")
    for offset, name in indented_markers(front.body):
        if found[name]:
            continue  # shown as code on purpose: the real marker is elsewhere
        check.add(front.body_line + offset, "body", f"<!-- {name} --> is indented, so Markdown shows it as code; start it at the beginning of its line")
    for marker in enclosed_markers(front.body):
        opens = f"<!-- {marker.name} --> is inside {marker.block} that opens on line {front.body_line + marker.opened_at}"
        if marker.block == COMMENT:
            message = f"{opens}, which ends at the marker's own -->; delete the marker, or put it on a line of its own below the comment"
        else:
            message = f"{opens}, so {ENCLOSED[marker.name]}; put the marker on a line of its own, at its start, below {marker.block}"
        check.add(front.body_line + marker.offset, "body", message)
    separator = check.site.blog.excerpt_separator
    if separator and not found["more"] and not any(m.name == "more" for m in enclosed_markers(front.body)) and not indented_markers(front.body):
        written = next((line for line in blocks_of(front.body) if separator in line.text), None)
        if written is None:
            check.add(front.body_line, "body", f"has no {separator}; put it on a line of its own after the opening paragraph: list pages show the post up to there")
        elif written.kind == "prose" and not re.search(f"`[^`]*{re.escape(separator)}", written.text):
            check.add(front.body_line + written.offset, "body", f"{separator} shares its line with text, so list pages cut the post mid-paragraph; put it on a line of its own after the opening paragraph")
        else:
            check.add(front.body_line + written.offset, "body", (
                f"{separator} is in code here, so it cuts nothing and list pages show the whole post; "
                "put it on a line of its own after the opening paragraph"
            ))
    if found["routine"] and found["more"] and found["routine"][0] < found["more"][0]:
        line = front.body_line + found["routine"][0]
        check.add(line, "body", "<!-- routine --> is above <!-- more -->; move it below so list pages show prose, not cards")


# -----------------------------------------------------------------------------
# Entry point
# -----------------------------------------------------------------------------


def validate_post(text: str, file: str, post_dir: str, site: Site) -> tuple[Post | None, list[Problem]]:
    """Validate one post's front matter and markers.

    Args:
        text: the whole Markdown file.
        file: the path to name in problems (relative to the project).
        post_dir: the post's folder relative to docs/, for relative paths.
        site: what the site defines (series, categories, docs folder).

    Returns:
        The post model (None if anything is wrong) and every problem found.
    """
    return validate_front(read_front_matter(text), file, post_dir, site)


def validate_front(front: FrontMatter, file: str, post_dir: str, site: Site) -> tuple[Post | None, list[Problem]]:
    """`validate_post` for front matter already read."""
    check = Checker(file=file, post_dir=post_dir, site=site, front=front)
    for line, name, message in front.errors:
        check.add(line, name, message)
    if front.errors:
        return None, check.problems
    post = POST.parse(front.data, (), check)
    post = None if post is INVALID else post
    _check_markers(post, front, check)
    if check.problems:
        return None, check.problems
    return post, []


def post_schema(site: Site) -> dict:
    """The front matter of a post as JSON Schema, from the same types as the validator.

    What JSON Schema cannot say is checked only by the validator: that files
    exist, a video_at within the video's duration, markers in the body, and
    YAML itself (syntax, repeated keys, quoted dates).
    """
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Front matter of a routine post",
        "description": "See WRITING.md. Generated by `make schema`; do not edit.",
        **POST.json_schema(site),
    }
