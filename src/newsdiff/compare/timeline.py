"""The timeline: dated events in calendar order, and outlets that date one event differently.

Each date mention with a value dates the sentence it stands in. Sentences aligned
as one claim are one event; the event's dates by outlet are compared, and two that
cannot be the same day ("2025-12-04" vs "2025-12-05"; "2025-12" contains both and
conflicts with neither) make the event a conflict.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Dated:
    """One date mention and the sentence it dates."""

    article: str
    sentence: int
    start: int
    end: int
    surface: str
    value: str
    text: str
    claim: Optional[int]


@dataclass
class Event:
    dates: list[Dated] = field(default_factory=list)

    @property
    def value(self) -> str:
        return min(d.value for d in self.dates)

    @property
    def articles(self) -> list[str]:
        return sorted({d.article for d in self.dates})

    def conflict(self) -> bool:
        values = {d.value for d in self.dates}
        return any(not (a.startswith(b) or b.startswith(a)) for a in values for b in values)


def build_timeline(dated: list[Dated]) -> list[Event]:
    """Events in calendar order (see the module docstring)."""
    events: dict[object, Event] = {}
    for d in dated:
        k = ("claim", d.claim) if d.claim is not None else ("sentence", d.article, d.sentence)
        events.setdefault(k, Event()).dates.append(d)
    return sorted(events.values(), key=lambda e: (e.value, e.articles))
