"""The CRF name tagger: python-crfsuite trains it, numpy decodes it (see CRFTagger)."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Sequence

import numpy as np
import pycrfsuite

from ..normalize import key
from .features import (BEFORE_SPAN, BIGRAM_NEXT, BIGRAM_PREV, GAZ_FEATURES, OFFSETS, phrase_tags, sentence_features,
                       word_features)
from .gazetteer import Gazetteer
from .tagdict import TagDict, jackknifed, path_for

PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def normalise_tags(tags: Sequence[str]) -> list[str]:
    """BIO with every span opened by B- (an I- after O or another type becomes B-)."""
    out, prev = [], "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def train(sentences: Sequence[Sequence[tuple[str, str]]], model_path: str | Path,
          gaz: Gazetteer, params: dict | None = None) -> None:
    """Train a CRF on (token, tag) sentences and write it to `model_path`, and its tag
    dictionary (`tagdict`) beside it."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for sent, tags in zip(sentences, jackknifed(sentences, gaz)):
        tokens = [t for t, _ in sent]
        trainer.append(sentence_features(tokens, gaz, tags), normalise_tags([tag for _, tag in sent]))
    trainer.set_params({**PARAMS, **(params or {})})
    trainer.train(str(model_path))
    TagDict.build(sentences, gaz).save(path_for(model_path))


class CRFTagger:
    """A trained model; `tag(tokens)` gives one BIO tag per token, `tag_many` a batch.

    crfsuite trains the model; decoding is done here with numpy on the model's
    weights, read once through crfsuite's own dump. Most of a token's features belong
    to a word whatever its sentence (`features.WordFeatures`), so each word's summed
    weights are computed once per slot (itself, each neighbour offset, "before") and
    kept; a sentence then costs a few gathers plus the weights of its few
    sentence-dependent features, and Viterbi runs over a batch of sentences at once.
    Same tags as crfsuite's tagger, which spends most of its time taking feature
    strings into C++ one by one.
    """

    MAX_WORDS = 200_000  # words whose summed weights are kept (9 floats x 6 slots each)

    def __init__(self, model_path: str | Path, gaz: Gazetteer):
        self.gaz = gaz
        self.tags = TagDict.load(path_for(model_path)) if path_for(model_path).is_file() else None
        self._labels, self._attrs, self._weights, self._transitions = _read_model(model_path)
        self._label_names = np.array(self._labels, dtype=object)
        if self.tags is None and "dict=unseen" in self._attrs:
            raise FileNotFoundError(f"{path_for(model_path)}: the tag dictionary of {model_path} is missing")
        self._rows: dict[str, tuple[int, str]] = {}  # word key -> (row of self._words, base form)
        self._words = np.zeros((2 + len(OFFSETS), 1024, len(self._labels)))  # slots: own, near[d]..., before
        self._phrase_code, self._phrases = self._phrase_weights()
        self._bigrams, self._bigram_weights = self._bigram_rows()

    def _weights_of(self, features: list[str]) -> np.ndarray:
        """Features x labels weights (zeros for features the model does not know)."""
        return self._weights[[self._attrs.get(f, len(self._attrs)) for f in features]]

    def _phrase_weights(self) -> tuple[dict[str, int], list[np.ndarray]]:
        """(phrase label -> code, per slot (the token, then each offset) code x labels weights of
        the phrase label there). Code 0 stands past the sentence's edge ("d:edge"), code 1 for
        a label the model never saw."""
        seen = sorted({m.group(1) for m in map(_PHRASE_ATTR.match, self._attrs) if m})
        codes = _Codes({label: n for n, label in enumerate(seen, 2)})
        labels = [None, "?", *seen]
        return codes, [self._weights_of([GAZ_FEATURES[d, label] for label in labels]) for d in (0, *OFFSETS)]

    def _bigram_rows(self) -> tuple[dict[str, int], tuple[np.ndarray, np.ndarray]]:
        """("a|b" -> row, (weights of the bigram on the token that starts it, on the one that
        ends it)) for the bigrams the model knows; row 0 holds zeros for the others."""
        pairs = sorted({a[len(BIGRAM_NEXT):] for a in self._attrs if a.startswith((BIGRAM_NEXT, BIGRAM_PREV))})
        return ({pair: n for n, pair in enumerate(pairs, 1)},
                tuple(self._weights_of(["", *(head + pair for pair in pairs)]) for head in (BIGRAM_NEXT, BIGRAM_PREV)))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags for one sentence of whole-word tokens."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]], keys: bool = False) -> list[list[str]]:
        """BIO tags for each sentence of a batch (empty sentences get none); `keys`: the
        tokens are already match keys (`normalize.key(t) or t`)."""
        todo = [(n, list(tokens)) for n, tokens in enumerate(sentences) if tokens]
        out: list[list[str]] = [[] for _ in sentences]
        if not todo:
            return out
        emissions = self.emissions([tokens for _, tokens in todo], keys)
        lengths = np.array([len(tokens) for _, tokens in todo])
        padded = np.zeros((len(todo), lengths.max(), len(self._labels)))
        padded[np.arange(lengths.max()) < lengths[:, None]] = emissions
        paths = self._label_names[_viterbi(padded, lengths, self._transitions)].tolist()
        for (n, _), path, length in zip(todo, paths, lengths.tolist()):
            out[n] = path[:length]
        return out

    def _row(self, k: str) -> tuple[int, str]:
        """(row of a word's summed weights per slot, its base form), computed on first sight.
        Row 0 stays zeros: it stands for the words past a sentence's edge."""
        hit = self._rows.get(k)
        if hit is not None:
            return hit
        w = word_features(k, self.gaz, self.tags)
        row = len(self._rows) + 1
        if row == self._words.shape[1]:
            self._words = np.concatenate([self._words, np.zeros_like(self._words)], axis=1)
        get, unknown = self._attrs.get, len(self._attrs)
        ids, starts = [], []
        for feats in [w.own] + [w.near[d] for d in OFFSETS] + [w.before]:
            starts.append(len(ids))
            ids += [get(f, unknown) for f in feats] or [unknown]
        self._words[:, row] = np.add.reduceat(self._weights[ids], starts, axis=0)
        self._rows[k] = hit = (row, w.base)
        return hit

    def emissions(self, sentences: Sequence[list[str]], keys: bool = False) -> np.ndarray:
        """Tokens x labels: the summed weights of each token's features (`sentence_features`),
        for the tokens of a batch of non-empty sentences one after another."""
        if len(self._rows) >= self.MAX_WORDS:  # forget between batches, never within one
            self._rows.clear()
        # the batch's words, each sentence after _GAP edge places, and _GAP more at the end:
        # their word rows (0 at an edge), phrase label codes (0) and base forms ("")
        rows: list[int] = []
        codes: list[int] = []
        bases: list[str] = []
        row_of, cached, code_of = self._row, self._rows.get, self._phrase_code
        for tokens in sentences:
            found = [cached(k) or row_of(k) for k in (tokens if keys else [key(t) or t for t in tokens])]
            sentence_bases = [base for _, base in found]
            rows += _EDGE
            rows += [row for row, _ in found]
            codes += _EDGE
            codes += [code_of[label] for label in phrase_tags(sentence_bases, self.gaz)]
            bases += _EDGE_BASES
            bases += sentence_bases
        rows += _EDGE
        codes += _EDGE
        bases += _EDGE_BASES
        return self._word_emissions(np.array(rows), np.array(codes), bases)

    def _word_emissions(self, rows: np.ndarray, codes: np.ndarray, bases: list[str]) -> np.ndarray:
        """`emissions` from the batch's word rows, phrase label codes and base forms, with
        _GAP edge places around each sentence: each token's own row plus its neighbours'
        (a neighbour past the sentence's edge adds nothing), the phrase labels around it
        ("d:edge" past the edge) and the bigrams it starts and ends."""
        n = len(rows)
        emissions = self._words[0, rows] + self._phrases[0][codes]
        inner = slice(_GAP, n - _GAP)
        for slot, d in _SHIFTS:
            emissions[inner] += self._words[slot, rows[_GAP + d : n - _GAP + d]]
        for slot, d in enumerate(OFFSETS, 1):
            emissions[inner] += self._phrases[slot][codes[_GAP + d : n - _GAP + d]]
        get = self._bigrams.get
        pairs = np.array([get(f"{a}|{b}", 0) if a and b else 0 for a, b in zip(bases, bases[1:])])
        emissions[:-1] += self._bigram_weights[0][pairs]
        emissions[1:] += self._bigram_weights[1][pairs]
        return emissions[rows != 0]


# (slot of self._words, offset of the word whose row it is): neighbours, then "before"
_SHIFTS = list(enumerate(OFFSETS, 1)) + [(1 + len(OFFSETS), -k) for k in range(1, BEFORE_SPAN + 1)]
_GAP = max(abs(d) for _, d in _SHIFTS)
_EDGE = [0] * _GAP
_EDGE_BASES = [""] * _GAP


_PHRASE_ATTR = re.compile(r"(?:-?\d+:)?gaz=(.+)")


class _Codes(dict):
    """Phrase label -> code; 1 for a label the model never saw."""

    def __missing__(self, label: str) -> int:
        return 1


_DUMP_LINE = re.compile(r"^  \(([01])\) (.+) --> (\S+): (\S+)$", re.MULTILINE)


def _read_model(path: str | Path) -> tuple[list[str], dict[str, int], np.ndarray, np.ndarray]:
    """(labels, attribute -> row, attribute x label weights, label x label transitions).

    Read from crfsuite's own text dump of the model; the weights matrix has a last
    row of zeros for attributes the model does not know.
    """
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    with tempfile.TemporaryDirectory() as tmp:
        tagger.dump(str(Path(tmp) / "model.txt"))
        dump = (Path(tmp) / "model.txt").read_text(encoding="utf-8")
    labels = tagger.labels()
    index = {label: i for i, label in enumerate(labels)}
    attrs: dict[str, int] = {}
    state, transitions = [], np.zeros((len(labels), len(labels)))
    for kind, left, label, weight in _DUMP_LINE.findall(dump):
        if kind == "0":
            state.append((attrs.setdefault(left, len(attrs)), index[label], float(weight)))
        else:
            transitions[index[left], index[label]] = float(weight)
    weights = np.zeros((len(attrs) + 1, len(labels)))
    if state:
        rows, cols, values = zip(*state)
        weights[list(rows), list(cols)] = values
    return labels, attrs, weights, transitions


def _viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best label paths of a padded batch (sentences x positions x labels).

    Sentences are taken longest first, so at each position the live ones are a prefix
    of the batch; the others keep their scores, and their back-pointers stay the
    identity, so one backward pass serves every length. Arrays are held position first
    and each step maximises over the last axis (previous label), which numpy does fastest.
    """
    n_sent, n_pos, n_lab = emissions.shape
    order = np.argsort(-lengths, kind="stable")
    emissions = np.ascontiguousarray(emissions[order].transpose(1, 0, 2))  # positions x sentences x labels
    live = np.searchsorted(-lengths[order], -np.arange(n_pos), side="left")  # sentences longer than t
    into = np.ascontiguousarray(transitions.T)  # label x previous label
    score = emissions[0].copy()
    back = np.empty((n_pos, n_sent, n_lab), dtype=np.intp)
    back[:] = np.arange(n_lab)
    for t in range(1, n_pos):
        k = live[t]
        cand = score[:k, None, :] + into
        back[t, :k] = cand.argmax(axis=2)
        score[:k] = cand.max(axis=2) + emissions[t, :k]
    path = np.empty((n_pos, n_sent), dtype=np.intp)
    cur = score.argmax(axis=1)
    rows = np.arange(n_sent)
    for t in range(n_pos - 1, 0, -1):
        path[t] = cur
        cur = back[t, rows, cur]
    path[0] = cur
    out = np.empty((n_sent, n_pos), dtype=np.intp)
    out[order] = path.T
    return out
