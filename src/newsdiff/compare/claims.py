"""Aligning sentences across articles: what several outlets report, what one alone says.

Sentences are bags of light-stemmed content words weighted by TF-IDF over the
selected sentences. Candidate pairs are sentences of different articles sharing at
least two words found in at most `MAX_DF` of the sentences and at most
`MAX_POSTINGS` of them; they come from a sparse product of the sentence-by-rare-word
matrix with itself, a block of rows at a time, so the cost grows with the number of
sentences times their postings, not with every pair. Each candidate pair whose
cosine reaches `THRESHOLD` is linked, and the linked sentences form claims
(connected components).
"""
from __future__ import annotations

from array import array
from typing import Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .groundwork import COUNTS, Groundwork
from .text import Columns


THRESHOLD = 0.3
MIN_SHARED = 2
MAX_DF = 0.2  # words in more than this share of sentences never propose a pair
MAX_POSTINGS = 300  # nor do words in more sentences than this, however many there are
BLOCK = 4096  # rows of the candidate product computed at once (bounds its memory)


def _matrices(work: list[Groundwork], rows: np.ndarray, tokens: list[str]
              ) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Unit-length TF-IDF rows, and the 0/1 rows of their rare words: each sentence's
    stems (its articles' `work`, in order), then the `tokens` whose `rows` it is."""
    columns = Columns()
    indices, counts, sizes = array("q"), array(COUNTS), array(COUNTS)
    for w in work:
        indices.extend(map(columns.__getitem__, w.stems.split()))
        counts.extend(w.counts)
        sizes.extend(w.sizes)
    extra = np.fromiter(map(columns.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    n, shape = len(sizes), (len(sizes), len(columns))
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.frombuffer(sizes, dtype=COUNTS), out=indptr[1:])
    stems = sparse.csr_matrix((np.frombuffer(counts, dtype=COUNTS).astype(np.int64), np.frombuffer(indices, dtype=np.int64),
                               indptr), shape=shape)
    counted = stems + sparse.csr_matrix((np.ones(len(extra), dtype=np.int64), (rows, extra)), shape=shape)
    cols, indptr = counted.indices, counted.indptr
    df = np.bincount(cols, minlength=shape[1])
    weights = (1 + np.log(counted.data.astype(float))) * np.log(1 + n / df[cols])
    tfidf = sparse.csr_matrix((weights, cols, indptr), shape=shape)
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    tfidf = sparse.csr_matrix(sparse.diags(1 / norms) @ tfidf)
    cap = max(2, min(int(MAX_DF * n), MAX_POSTINGS))
    rare = sparse.csr_matrix(((df[cols] <= cap).astype(np.int32), cols, indptr), shape=shape)
    rare.eliminate_zeros()
    return tfidf, rare


def _links(tfidf: sparse.csr_matrix, rare: sparse.csr_matrix, article: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) of the linked pairs, i < j (in no particular order). Each block of
    rows is multiplied by the transpose made once (a block times only the rows before it
    would convert that prefix anew for each block, a cost growing with the square of the
    sentences)."""
    found = []
    columns = rare.T.tocsr()
    for lo in range(0, rare.shape[0], BLOCK):
        hi = min(lo + BLOCK, rare.shape[0])
        shared = (rare[lo:hi] @ columns).tocoo()
        j, i = shared.row + lo, shared.col
        keep = (shared.data >= MIN_SHARED) & (i < j) & (article[i] != article[j])
        i, j = i[keep], j[keep]
        sims = np.asarray(tfidf[i].multiply(tfidf[j]).sum(axis=1)).ravel()
        linked = sims >= THRESHOLD
        found.append((i[linked], j[linked], sims[linked]))
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    return tuple(np.concatenate(parts) for parts in zip(*found))


def align(article: np.ndarray, work: list[Groundwork], rows: Sequence[int] = (),
          tokens: Sequence[str] = ()) -> tuple[list[list[int]], np.ndarray]:
    """Claims reported by two or more articles, as lists of sentence positions, most
    articles first; and each sentence's best similarity to a sentence it is linked to.

    `article` numbers each sentence's article; `work` gives the sentences' content-word
    stems, article by article (`groundwork`); `tokens` are more terms of the sentences
    at the same positions of `rows` (resolved entity and figure identities, so that
    "عمروف" meets "أوميروف" and "خمس ساعات" meets "5 ساعات").
    """
    n = len(article)
    if n == 0:
        return [], np.zeros(0)
    i, j, sims = _links(*_matrices(work, np.asarray(rows, dtype=np.int64), list(tokens)), article)
    best = np.zeros(n)
    np.maximum.at(best, i, sims)
    np.maximum.at(best, j, sims)
    graph = sparse.coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    found: dict[int, list[int]] = {}
    for k in np.flatnonzero(np.bincount(label, minlength=1)[label] > 1).tolist():
        found.setdefault(int(label[k]), []).append(k)
    articles = article.tolist()
    multi = [m for m in found.values() if len({articles[k] for k in m}) >= 2]
    multi.sort(key=lambda m: (-len({articles[k] for k in m}), -len(m), m[0]))
    return multi, best
