"""From a validated routine to HTML, through the theme's Jinja partials."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import jinja2

from ..contract.markers import marker_in_html
from ..model.post import Breath, Post, Routine, Step, Video
from ..model.units import about_minutes, clock
from ..model.video import VideoSource, embed_url, file_type, player_src, watch_url
from ..model.coach import FINISH, Part, script
from ..model.wording import breath_instructions, dose, routine_line, routine_seconds
from .paper import qr_svg
from .structured import script_json, video_object

DEFAULT_TITLE = "The routine"
STEP_TITLE_LEVEL = 3  # each card's title is an h3 (partials/routine-step.html)


@dataclass(frozen=True)
class StepView:
    """One card, with everything the partial shows already worded."""

    number: int
    step: Step
    dose: str
    text_html: str
    breath_text: tuple[str, ...]
    video_clock: str
    watch_url: str
    watch_qr: str = ""


@dataclass(frozen=True)
class Paper:
    """What the printed routine says of where it came from."""

    post_title: str
    site_name: str
    url: str
    cache: Path | None = None  # where drawn QR codes are kept between builds

    @property
    def code(self) -> tuple[str, str]:
        """The post's own QR code: its address and label."""
        return self.url, f"QR code: {self.url}"

    @property
    def qr(self) -> str:
        return qr_svg(*self.code, self.cache)


@dataclass(frozen=True)
class RoutineView:
    """The routine block: heading, facts and cards."""

    title: str
    equipment: tuple[str, ...]
    estimate: str
    steps: tuple[StepView, ...]
    paper: Paper | None = None
    script: tuple[tuple[Part, ...], ...] = ()

    @property
    def line(self) -> str:
        """"3 steps · about 4 min": what the way in from the top of the post says of the routine."""
        return routine_line(len(self.steps), self.estimate, ())

    @property
    def follow_json(self) -> str:
        """What the follow-along view runs, as JSON (see `follow_data`), for an attribute."""
        return json.dumps(follow_data(self), ensure_ascii=False, separators=(",", ":"))


def follow_data(view: RoutineView) -> dict:
    """The routine for the follow-along view: the cards' own words and the coach's script.

    The script words nothing itself: doses, labels, everything it says and
    the estimate come from here, so the view and the cards always say the same.
    Each part of a step's plan is `{kind, seconds, label, wait, end, marks}` (reps add `rep` and `hold`,
    so the reader's pace stretches the movement and not the hold),
    each mark `[at, say, show, tone]` (model/coach.py).
    """
    return {
        "title": view.title,
        "estimate": view.estimate,
        "finish": FINISH,
        "steps": [
            {
                "title": card.step.title,
                "dose": card.dose[:1].upper() + card.dose[1:],
                "text": card.text_html,
                "cues": card.step.cues,
                "equipment": ", ".join(card.step.equipment),
                "video_at": card.step.video_at,
                "breath": _breath_attributes(card.step.breath) if card.step.breath else None,
                "plan": [
                    {
                        "kind": part.segment.kind, "seconds": part.segment.seconds, "label": part.segment.label,
                        "wait": part.wait, "end": part.end,
                        "marks": [[mark.at, mark.say, mark.show, mark.tone] for mark in part.marks],
                        **({"rep": part.segment.rep, "hold": part.segment.hold} if part.segment.kind == "reps" else {}),
                    }
                    for part in parts
                ],
            }
            for card, parts in zip(view.steps, view.script)
        ],
    }


def _breath_attributes(breath: Breath) -> dict[str, object]:
    """A <breath-timer>'s attributes for this pacing (partials/breath-timer.html writes the same)."""
    return {
        "inhale": breath.inhale, "hold": breath.hold, "exhale": breath.exhale, "hold-out": breath.hold_out,
        "rounds": breath.rounds, "count-seconds": breath.count_seconds,
        "inhale-cue": breath.inhale_cue, "exhale-cue": breath.exhale_cue,
    }


def routine_view(
    routine: Routine, markdown: Callable[[str], str], video: VideoView | None = None, paper: Paper | None = None
) -> RoutineView:
    """Word the routine for the partial.

    Args:
        routine: the validated routine.
        markdown: turns a step's `text` into HTML, as the page body is.
        video: the post's video, for each step's "watch this step" link.
        paper: the post's title, the site's name and the post's address, for print.
    """
    steps = tuple(
        StepView(
            number=number,
            step=step,
            dose=dose(step),
            text_html=markdown(step.text) if step.text else "",
            breath_text=tuple(breath_instructions(step.breath)) if step.breath else (),
            video_clock=clock(step.video_at) if step.video_at is not None else "",
            watch_url=video.watch_at(step.video_at) if video and step.video_at is not None else "",
            watch_qr=_watch_qr(video, step.video_at, paper, number) if paper and video and step.video_at is not None else "",
        )
        for number, step in enumerate(routine.steps, start=1)
    )
    return RoutineView(
        title=routine.title or DEFAULT_TITLE,
        equipment=routine.all_equipment,
        estimate=about_minutes(routine_seconds(routine)),
        steps=steps,
        paper=paper,
        script=script(routine),
    )


def paper_codes(routine: Routine, video: VideoView | None, paper: Paper) -> list[tuple[str, str]]:
    """Every QR code the routine's paper carries, as (address, label): the post's, and each step's moment."""
    steps = [_watch_code(video, step.video_at, paper, number) for number, step in enumerate(routine.steps, start=1) if video and step.video_at is not None]
    return [paper.code, *steps]


def _watch_qr(video: VideoView, seconds: int, paper: Paper, number: int) -> str:
    return qr_svg(*_watch_code(video, seconds, paper, number), paper.cache)


def _watch_code(video: VideoView, seconds: int, paper: Paper, number: int) -> tuple[str, str]:
    """A QR code to the step's moment: on the video's host, or for a video of the site's own, the step on the post."""
    url = video.watch_at(seconds)
    if not url.startswith(("https://", "http://")):
        url = f"{paper.url}#step-{number}"
    return url, f"QR code: the video at {clock(seconds)}"


def render_routine(env: jinja2.Environment, view: RoutineView, safety: str = "") -> str:
    """Render the routine block with `partials/routine.html`, and the site's safety note."""
    return env.get_template("partials/routine.html").render(routine=view, safety=safety)


def render_start(env: jinja2.Environment, view: RoutineView) -> str:
    """Render "Start routine", for the top of the post, with `partials/routine-start.html`."""
    return env.get_template("partials/routine-start.html").render(routine=view)


@dataclass(frozen=True)
class VideoView:
    """The video block: a facade until play, then the player.

    Attributes:
        source: where the video lives.
        title: what the video is called (the post's title by default).
        player: the player's address, with `{t}` for the start second.
        file_url, file_type, poster_url, captions_url: for local files.
        json_ld: the VideoObject, as JSON safe inside <script>.
    """

    source: VideoSource
    title: str
    player: str
    file_url: str = ""
    file_type: str = ""
    poster_url: str = ""
    captions_url: str = ""
    json_ld: str = ""

    @property
    def host(self) -> str:
        return self.source.host

    def watch_at(self, seconds: int = 0) -> str:
        """Where to watch the video from a moment, without JavaScript."""
        return watch_url(self.source, self.file_url, seconds)


def video_view(post: Post, page_url: str, url: Callable[[str], str], absolute: Callable[[str], str]) -> VideoView:
    """Everything the video partial shows, for a post with a video.

    Args:
        post: the validated post (with `video`).
        page_url: the post's absolute address, for structured data.
        url: a docs/ path as a URL relative to the page.
        absolute: a docs/ path as an absolute URL.
    """
    video: Video = post.video
    source = video.source
    is_file = source.host == "file"
    file_url = url(source.id) if is_file else ""
    thumbnail = absolute(video.poster) if video.poster else ""
    if source.host == "youtube" and not thumbnail:
        thumbnail = f"https://i.ytimg.com/vi/{source.id}/hqdefault.jpg"  # data only: the page never loads it
    data = video_object(
        post, page_url, post.date,
        embed="" if is_file else embed_url(source),
        content=absolute(source.id) if is_file else "",
        thumbnail=thumbnail,
    )
    return VideoView(
        source=source,
        title=video.title or post.title,
        player=player_src(source, file_url),
        file_url=file_url,
        file_type=file_type(source.id) if is_file else "",
        poster_url=url(video.poster) if video.poster else "",
        captions_url=url(video.captions) if video.captions else "",
        # A one-node array: the same JSON-LD, and a harmless expression where
        # Material's instant navigation runs the page's inline scripts as
        # JavaScript (a bare object would be a syntax error there).
        json_ld=script_json([data]),
    )


def render_video(env: jinja2.Environment, view: VideoView) -> str:
    """Render the video block with `partials/video.html`."""
    return env.get_template("partials/video.html").render(video=view)


def assemble(html: str, routine_block: str = "", video_block: str = "", start_block: str = "") -> str:
    """Place a post's video and routine blocks, and the way to start the routine, in its rendered body.

    The video goes where `<!-- video -->` stands, else just before the routine
    (or at the end when there is none); the routine where `<!-- routine -->`
    stands, else at the end. "Start routine" goes right under the post's
    title: after the body's own `<h1>`, else first (the theme puts the title
    just before the body).
    """
    if video_block and has_marker(html, "video"):
        html = place_block(html, "video", video_block)
    elif video_block:
        routine_block = video_block + routine_block
    html = place_block(html, "routine", routine_block) if routine_block else html
    return under_title(html, start_block) if start_block else html


def yield_ids(html: str, blocks: str) -> tuple[str, dict[str, str]]:
    """The prose with each heading id the blocks also use renamed (`step-2` -> `step-2-1`), and the renames.

    The blocks' ids (`#routine`, `#step-2`, `#video`) are the public markup
    that links and QR codes point at: a heading the author titled "Step 2"
    gets another id rather than taking the card's.
    """
    public = _ids(blocks)
    if not public.intersection(_HEADING_ID.findall(html)):
        return html, {}  # most pages: nothing to rename, and no need to read every id of the page
    taken = public | _ids(html)
    renamed: dict[str, str] = {}

    def rename(found: re.Match[str]) -> str:
        old = found["id"]
        if old not in public:
            return found[0]
        number = 1
        while f"{old}-{number}" in taken:
            number += 1
        renamed[old] = new = f"{old}-{number}"
        taken.add(new)
        return found[0].replace(f'id="{old}"', f'id="{new}"')

    return _HEADING_ID.sub(rename, html), renamed


def _ids(html: str) -> set[str]:
    """Every `id="…"` of the HTML (not `data-id`, `aria-id`: the attribute must stand alone)."""
    return {found[1] for found in _ID.finditer(html) if not found.start() or not _NAME_CHAR.match(html, found.start() - 1)}


# A literal start lets the scan skip ahead: `\bid=` made every page's scan ten times slower.
_ID = re.compile(r'id="([^"]+)"')
_NAME_CHAR = re.compile(r"[\w:-]")
_HEADING_ID = re.compile(r'<h[1-6]\b[^>]*\bid="(?P<id>[^"]+)"', re.IGNORECASE)


def under_title(html: str, block: str) -> str:
    """Put a block just after the body's first `</h1>`, or before everything when it has none."""
    end = _TITLE_END.search(html)
    at = end.end() if end else 0
    return html[:at] + block + html[at:]


_TITLE_END = re.compile(r"</h1\s*>", re.IGNORECASE)


def has_marker(html: str, marker: str) -> bool:
    """Whether the body has `<!-- marker -->`."""
    return _marker(marker).search(html) is not None


def place_block(html: str, marker: str, block: str) -> str:
    """Put a block where its `<!-- marker -->` is, or else at the end.

    Python-Markdown keeps an HTML comment on a line of its own as it is, so
    the marker survives into the rendered body.
    """
    found = _marker(marker).search(html)
    if not found:
        return html + block
    return html[: found.start()] + block + html[found.end():]


def _marker(name: str) -> re.Pattern[str]:
    return marker_in_html(name)
