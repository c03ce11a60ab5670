"""The validated shape of a post: what templates render from, and nothing else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .video import VideoSource

KINDS = ("massage", "breath", "mobility", "stretch", "strength", "rest")


@dataclass(frozen=True)
class Breath:
    """Breath pacing, in counts of `count_seconds` each."""

    inhale: float
    exhale: float
    rounds: int
    hold: float = 0
    hold_out: float = 0
    count_seconds: float = 1
    inhale_cue: str = ""
    exhale_cue: str = ""

    @property
    def round_seconds(self) -> float:
        """Seconds one full breath takes."""
        counts = self.inhale + self.hold + self.exhale + self.hold_out
        return counts * self.count_seconds

    @property
    def total_seconds(self) -> float:
        """Seconds all rounds take."""
        return self.round_seconds * self.rounds


@dataclass(frozen=True)
class Step:
    """One step of a routine, as one card."""

    title: str
    kind: str
    text: str = ""
    cues: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    duration: int | None = None
    sets: int | None = None
    reps: int | None = None
    hold: int | None = None
    rest: int | None = None
    tempo: int | None = None
    each: str = ""
    video_at: int | None = None
    breath: Breath | None = None


@dataclass(frozen=True)
class Routine:
    """The routine of a post: its steps in order."""

    steps: tuple[Step, ...]
    title: str = ""
    equipment: tuple[str, ...] = ()

    @property
    def all_equipment(self) -> tuple[str, ...]:
        """The routine's and every step's equipment, first mention first."""
        seen: dict[str, str] = {}
        for item in self.equipment + tuple(i for s in self.steps for i in s.equipment):
            seen.setdefault(item.casefold(), item)
        return tuple(seen.values())


@dataclass(frozen=True)
class Video:
    """The post's video."""

    url: str
    source: VideoSource
    title: str = ""
    poster: str = ""
    captions: str = ""
    duration: int | None = None


@dataclass(frozen=True)
class Post:
    """The parts of a post's front matter this site adds to Material's."""

    title: str
    description: str = ""
    series: str = ""
    video: Video | None = None
    routine: Routine | None = None
    categories: tuple[str, ...] = ()
    date: dt.date | None = None
    booking: bool = True
    feed_description: str = ""
