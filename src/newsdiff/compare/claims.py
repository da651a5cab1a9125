"""Aligning sentences across articles: what several outlets report, what one alone says.

Sentences are bags of light-stemmed content words weighted by TF-IDF over the
selected sentences. Candidate pairs come from an inverted index (a pair must share
at least two words found in at most `MAX_DF` of the sentences and at most
`MAX_POSTINGS` of them), so the cost grows with
the number of sentences times their postings, not with every pair; each candidate
pair from different articles whose cosine reaches `THRESHOLD` is linked, and the
linked sentences form claims (connected components).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from .text import content_words

THRESHOLD = 0.3
MIN_SHARED = 2
MAX_DF = 0.2  # words in more than this share of sentences never propose a pair
MAX_POSTINGS = 300  # nor do words in more sentences than this, however many there are


@dataclass(frozen=True)
class SentenceRef:
    """One sentence of one article."""

    article: str
    index: int
    start: int
    end: int
    text: str


def _vectors(sentences: list[SentenceRef], extra: list[list[str]] | None
             ) -> tuple[list[dict[str, float]], list[set[str]]]:
    bags = [Counter(content_words(s.text)) for s in sentences]
    for bag, tokens in zip(bags, extra or []):
        bag.update(tokens)
    df = Counter(w for bag in bags for w in bag)
    n = len(sentences)
    vectors = []
    for bag in bags:
        v = {w: (1 + math.log(c)) * math.log(1 + n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    cap = max(2, min(int(MAX_DF * n), MAX_POSTINGS))
    rare = [{w for w in bag if df[w] <= cap} for bag in bags]
    return vectors, rare


def align(sentences: list[SentenceRef], extra: list[list[str]] | None = None
          ) -> tuple[list[list[tuple[SentenceRef, float]]], dict[int, int]]:
    """Claims reported by two or more articles, and sentence position -> claim number.

    `extra` gives, per sentence, tokens beyond its words (resolved entity and figure
    identities, so that "عمروف" meets "أوميروف" and "خمس ساعات" meets "5 ساعات").
    Each claim lists its sentences with their best similarity to another member.
    """
    vectors, rare = _vectors(sentences, extra)
    ids: dict[str, int] = {}
    article = [ids.setdefault(s.article, len(ids)) for s in sentences]
    postings: dict[str, list[int]] = defaultdict(list)
    parent = list(range(len(sentences)))
    best = [0.0] * len(sentences)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Each pair is met once, from its later sentence j, through the postings of the
    # earlier ones; components and best similarities do not depend on the order.
    for j in range(len(sentences)):
        shared: Counter = Counter()
        aj = article[j]
        for w in rare[j]:
            lst = postings[w]
            shared.update([i for i in lst if article[i] != aj])
            lst.append(j)
        vj = vectors[j]
        for i, count in shared.items():
            if count < MIN_SHARED:
                continue
            a, b = vectors[i], vj
            if len(a) > len(b):
                a, b = b, a
            sim = sum([x * b[w] for w, x in a.items() if w in b])  # terms of absent words are 0.0
            if sim >= THRESHOLD:
                best[i], best[j] = max(best[i], sim), max(best[j], sim)
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sentences)):
        groups[find(i)].append(i)
    multi = [m for m in groups.values() if len({sentences[i].article for i in m}) >= 2]
    multi.sort(key=lambda m: (-len({sentences[i].article for i in m}), -len(m), m[0]))
    claim_of = {i: n for n, members in enumerate(multi) for i in members}
    claims = [[(sentences[i], round(best[i], 3)) for i in members] for members in multi]
    return claims, claim_of
