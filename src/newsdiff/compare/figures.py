"""Grouping figures that measure the same quantity, and judging whether outlets agree.

Figures are first blocked by unit (days and hours never meet). Within a block a
figure joins the group whose members' sentences look most like its own: the kind of
event they speak of (seeds/events.yaml), their named entities, the words next to the
number and in the sentence, and whether the two sentences were aligned as one claim. Two figures of one sentence are never one
quantity ("137 launched, 80 shot down"). A group's status compares the values as
intervals, qualifiers included: all equal -> agree; overlapping ("more than 3" and
"about 4") -> compatible; otherwise conflict; one outlet only -> single.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from scipy import sparse

from ..bulk import combined
from ..model import Mention
from .text import Columns

JOIN_THRESHOLD = 0.25
ABOUT = 0.2  # "about 4" covers 4 +/- 20%
Scored = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # i, j, similarity but for claims, value bonus


@dataclass
class FigureRef:
    """One figure mention with what its sentence says around it."""

    article: str
    mention: Mention
    local: frozenset[str]  # content words next to the number
    words: frozenset[str]  # content words of the sentence
    entities: frozenset[str]  # resolved entity names in the sentence
    events: frozenset[str]  # kinds of event spoken of around the number (talks, war, ...)
    claim: Optional[int] = None  # aligned-claim number of its sentence, if any (set before `join_pairs`)

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


def _similarities(block: list[FigureRef], i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How likely each pair (block[i], block[j]) measures one thing (0..1+), but for their
    claims (`_with_claims`): 0.3 x the overlap of their event kinds, 0.3 x the Jaccard
    index of their entities, 0.25 of the words next to the numbers, 0.15 of their
    sentences' words; and apart, the +0.1 for one value."""
    def shared(sets: list[frozenset]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        rows = _binary(sets)
        sizes = np.diff(rows.indptr)
        common = np.asarray(rows[i].multiply(rows[j]).sum(axis=1)).ravel()
        return sizes[i], sizes[j], common

    def jaccard(sets: list[frozenset]) -> np.ndarray:
        a, b, common = shared(sets)
        return np.where((a > 0) & (b > 0), common / np.maximum(a + b - common, 1), 0.0)

    def overlap(sets: list[frozenset]) -> np.ndarray:
        a, b, common = shared(sets)
        return np.where((a > 0) & (b > 0), common / np.maximum(np.minimum(a, b), 1), 0.0)

    score = 0.3 * overlap([f.events for f in block]) + 0.3 * jaccard([f.entities for f in block])
    score += 0.25 * jaccard([f.local for f in block]) + 0.15 * jaccard([f.words for f in block])
    value_ids: dict = {}
    value = np.array([value_ids.setdefault(f.mention.value, len(value_ids)) for f in block])
    return score, np.where(value[i] == value[j], 0.1, 0.0)


def _with_claims(block: list[FigureRef], pairs: Scored) -> tuple[list[int], list[int]]:
    """The pairs (i, j) that reach JOIN_THRESHOLD once +0.25 is given to two figures of
    one aligned claim, best first (ties: higher i, then higher j first)."""
    i, j, score, same_value = pairs
    claim = np.array([-1 if f.claim is None else f.claim for f in block])
    score = score + np.where((claim[i] >= 0) & (claim[i] == claim[j]), 0.25, 0.0)
    score += same_value
    good = score >= JOIN_THRESHOLD
    i, j, score = i[good], j[good], score[good]
    order = np.lexsort((j, i, score))[::-1]
    return i[order].tolist(), j[order].tolist()


def _binary(sets: list[frozenset]) -> sparse.csr_matrix:
    """One 0/1 row per set, a column per distinct member."""
    columns = Columns()
    indptr, indices = [0], []
    for members in sets:
        indices += map(columns.__getitem__, members)
        indptr.append(len(indices))
    return sparse.csr_matrix((np.ones(len(indices), dtype=np.int32), indices, indptr),
                             shape=(len(sets), len(columns)))


@dataclass
class FigurePairs:
    """The figures blocked by unit, and each block's candidate pairs scored but for their
    claims: what grouping needs before the sentences are aligned."""

    blocks: dict[Optional[str], list[FigureRef]]
    scored: dict[Optional[str], Scored]


def figure_pairs(figures: list[FigureRef]) -> FigurePairs:
    """Each unit's candidate pairs: figures from different articles sharing a feature
    in an index of their features (entities, event kinds, nearby words; a feature shared
    by more than `MAX_POSTINGS` figures proposes nothing), so the cost stays near-linear.
    Needs no `claim` of the figures."""
    blocks: dict[Optional[str], list[FigureRef]] = {}
    for f in figures:
        blocks.setdefault(f.mention.unit, []).append(f)
    return FigurePairs(blocks, {unit: _candidates(block) for unit, block in blocks.items()})


def join_pairs(pairs: FigurePairs) -> list[FigureGroup]:
    """The groups, once each figure has its `claim`: pairs are joined best first, as
    long as a group never holds two different values from one article or two figures
    of one sentence."""
    groups: list[FigureGroup] = []
    for unit, block in pairs.blocks.items():
        parent = list(range(len(block)))  # union-find with path halving, written out (hot loop)
        members = {i: [i] for i in range(len(block))}
        wheres = {i: {f.where} for i, f in enumerate(block)}  # sentences in each group
        values = {i: {f.article: f.mention.value} for i, f in enumerate(block)}  # its value per article
        for a, b in zip(*_with_claims(block, pairs.scored[unit])):
            while parent[a] != a:
                parent[a] = a = parent[parent[a]]
            while parent[b] != b:
                parent[b] = b = parent[parent[b]]
            if a == b or not _compatible(wheres[a], wheres[b], values[a], values[b]):
                continue
            parent[b] = a
            for parts in (members, wheres, values):
                parts[a] = combined(parts[a], parts.pop(b))
        for root, idx in members.items():
            groups.append(FigureGroup(unit, [block[k] for k in sorted(idx)]))
    order = {"conflict": 0, "compatible": 1, "agree": 2, "single": 3}
    groups.sort(key=lambda g: (order[g.status()], -len(g.articles), str(g.unit)))
    return groups


MAX_POSTINGS = 200


def _candidates(block: list[FigureRef]) -> Scored:
    """The pairs i < j of figures from different articles sharing a feature, scored but
    for their claims; they come from a sparse product of the figure-by-feature matrix
    with itself, features shared by more than `MAX_POSTINGS` figures left out."""
    features = _binary([f.entities | {"#" + e for e in f.events} | f.local for f in block])
    postings = np.bincount(features.indices, minlength=features.shape[1])
    features.data[postings[features.indices] > MAX_POSTINGS] = 0
    features.eliminate_zeros()
    pairs = sparse.triu(features @ features.T, k=1).tocoo()
    articles: dict[str, int] = {}
    article = np.array([articles.setdefault(f.article, len(articles)) for f in block])
    keep = article[pairs.row] != article[pairs.col]
    i, j = pairs.row[keep], pairs.col[keep]
    if not len(i):
        return i, j, np.zeros(0), np.zeros(0)
    return (i, j, *_similarities(block, i, j))


def _compatible(wheres_a: set, wheres_b: set, values_a: dict, values_b: dict) -> bool:
    """Whether two groups (their sentences, their value per article) may become one:
    no sentence twice, one value per article."""
    if not wheres_a.isdisjoint(wheres_b):
        return False
    return all(values_a[article] == values_b[article] for article in values_a.keys() & values_b.keys())
