"""Grouping figures that measure the same quantity, and judging whether outlets agree.

Figures are first blocked by unit (days and hours never meet). Within a block a
figure joins the group whose members' sentences look most like its own: the words
next to the number, the sentence's words and named entities, and whether the two
sentences were aligned as one claim. Two figures of one sentence are never one
quantity ("137 launched, 80 shot down"). A group's status compares the values as
intervals, qualifiers included: all equal -> agree; overlapping ("more than 3" and
"about 4") -> compatible; otherwise conflict; one outlet only -> single.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

from ..model import Mention

JOIN_THRESHOLD = 0.3
ABOUT = 0.2  # "about 4" covers 4 +/- 20%


@dataclass
class FigureRef:
    """One figure mention with what its sentence says around it."""

    article: str
    mention: Mention
    local: frozenset[str]  # content words next to the number
    words: frozenset[str]  # content words of the sentence
    entities: frozenset[str]  # resolved entity names in the sentence
    claim: Optional[int]  # aligned-claim number of its sentence, if any

    @property
    def where(self) -> tuple[str, int]:
        return self.article, self.mention.sentence


@dataclass
class FigureGroup:
    unit: Optional[str]
    members: list[FigureRef] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({f.article for f in self.members})

    def status(self) -> str:
        if len(self.articles) < 2:
            return "single"
        values = {(f.mention.value, f.mention.qualifier) for f in self.members}
        if len({v for v, _ in values}) == 1 and len({q for _, q in values}) == 1:
            return "agree"
        intervals = [interval(f.mention) for f in self.members]
        low = max(i[0] for i in intervals)
        high = min(i[1] for i in intervals)
        return "compatible" if low <= high else "conflict"


def interval(m: Mention) -> tuple[float, float]:
    """The values a figure allows, given its qualifier."""
    v = float(m.value)
    if m.qualifier == "more_than":
        return v, math.inf
    if m.qualifier == "less_than":
        return -math.inf, v
    if m.qualifier == "about":
        return v * (1 - ABOUT), v * (1 + ABOUT)
    return v, v


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def similarity(a: FigureRef, b: FigureRef) -> float:
    """How likely two figures measure the same thing, from their sentences (0..1+)."""
    score = 0.45 * _jaccard(a.local, b.local) + 0.3 * _jaccard(a.words, b.words)
    score += 0.25 * _jaccard(a.entities, b.entities)
    if a.claim is not None and a.claim == b.claim:
        score += 0.25
    if a.mention.value == b.mention.value:
        score += 0.1
    return score


def group_figures(figures: list[FigureRef]) -> list[FigureGroup]:
    """Groups of figures measuring one quantity (see the module docstring)."""
    blocks: dict[Optional[str], list[FigureRef]] = {}
    for f in figures:
        blocks.setdefault(f.mention.unit, []).append(f)
    groups: list[FigureGroup] = []
    for unit, block in blocks.items():
        mine: list[FigureGroup] = []
        for f in block:
            best, best_score = None, JOIN_THRESHOLD
            for g in mine:
                if any(m.where == f.where for m in g.members):
                    continue
                if any(m.article == f.article and m.mention.value != f.mention.value for m in g.members):
                    continue
                score = max(similarity(f, m) for m in g.members)
                if score >= best_score:
                    best, best_score = g, score
            if best is None:
                best = FigureGroup(unit)
                mine.append(best)
            best.members.append(f)
        groups += mine
    order = {"conflict": 0, "compatible": 1, "agree": 2, "single": 3}
    groups.sort(key=lambda g: (order[g.status()], -len(g.articles), str(g.unit)))
    return groups
