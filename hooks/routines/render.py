"""From a validated routine to HTML, through the theme's Jinja partials."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import jinja2

from .model import Routine, Step
from .units import about_minutes, clock
from .wording import breath_instructions, dose, routine_seconds

DEFAULT_TITLE = "The routine"


@dataclass(frozen=True)
class StepView:
    """One card, with everything the partial shows already worded."""

    number: int
    step: Step
    dose: str
    text_html: str
    breath_text: tuple[str, ...]
    video_clock: str


@dataclass(frozen=True)
class RoutineView:
    """The routine block: heading, facts and cards."""

    title: str
    equipment: tuple[str, ...]
    estimate: str
    steps: tuple[StepView, ...]


def routine_view(routine: Routine, markdown: Callable[[str], str]) -> RoutineView:
    """Word the routine for the partial.

    Args:
        routine: the validated routine.
        markdown: turns a step's `text` into HTML, as the page body is.
    """
    steps = tuple(
        StepView(
            number=number,
            step=step,
            dose=dose(step),
            text_html=markdown(step.text) if step.text else "",
            breath_text=tuple(breath_instructions(step.breath)) if step.breath else (),
            video_clock=clock(step.video_at) if step.video_at is not None else "",
        )
        for number, step in enumerate(routine.steps, start=1)
    )
    return RoutineView(
        title=routine.title or DEFAULT_TITLE,
        equipment=routine.all_equipment,
        estimate=about_minutes(routine_seconds(routine)),
        steps=steps,
    )


def render_routine(env: jinja2.Environment, view: RoutineView) -> str:
    """Render the routine block with `partials/routine.html`."""
    return env.get_template("partials/routine.html").render(routine=view)


def place_block(html: str, marker: str, block: str) -> str:
    """Put a block where its `<!-- marker -->` is, or else at the end.

    Python-Markdown keeps an HTML comment on a line of its own as it is, so
    the marker survives into the rendered body.
    """
    found = re.search(rf"<!--\s*{re.escape(marker)}\s*-->", html)
    if not found:
        return html + block
    return html[: found.start()] + block + html[found.end():]
