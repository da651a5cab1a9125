"""The CRF's tag dictionary: how the training data tagged each word (its base form).

A word seen in ANERcorp mostly inside person names gets the feature "dict=PERS:3"
(the name type it was most often part of, and that share in quarters: 1 for up
to a quarter of its uses ... 4 for more than three quarters), a word seen only outside
names "dict=O", a word with no use at all "dict=unseen". While training, each sentence
gets the dictionary of the OTHER folds of the training data (jackknifing), so the CRF
learns how far such a history holds for a word it has not seen in the same text; the
tagger uses the dictionary of all the training data, written next to the model
(`path_for`).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import count
from pathlib import Path
from typing import Sequence

from ..normalize import key
from .gazetteer import Gazetteer

FOLDS = 5
TYPES = ("PERS", "LOC", "ORG", "MISC")
_ids = count()


def path_for(model_path: str | Path) -> Path:
    """Where the dictionary of a model lives: beside it, `NAME.tags.tsv`."""
    model_path = Path(model_path)
    return model_path.with_name(model_path.stem + ".tags.tsv")


class TagDict:
    """Base form -> (uses, uses inside a name of each type in `TYPES`)."""

    def __init__(self, counts: dict[str, tuple[int, ...]]):
        self.counts = counts
        self.ident = next(_ids)  # names this dictionary's feature cache (see features.word_features)

    @classmethod
    def build(cls, sentences: Sequence[Sequence[tuple[str, str]]], gaz: Gazetteer) -> "TagDict":
        """Counts of the (token, BIO tag) sentences, per base form of the token's key."""
        from .features import base_form

        counts: dict[str, list[int]] = defaultdict(lambda: [0] * (1 + len(TYPES)))
        for sent in sentences:
            for token, tag in sent:
                row = counts[base_form(key(token) or token, gaz)[1]]
                row[0] += 1
                if tag != "O" and tag[2:] in TYPES:
                    row[1 + TYPES.index(tag[2:])] += 1
        return cls({b: tuple(row) for b, row in counts.items()})

    @classmethod
    def load(cls, path: str | Path) -> "TagDict":
        counts = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                b, *numbers = line.rstrip("\n").split("\t")
                counts[b] = tuple(map(int, numbers))
        return cls(counts)

    def save(self, path: str | Path) -> None:
        """One `base<TAB>uses<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC` line per base form, sorted."""
        with open(path, "w", encoding="utf-8") as fh:
            for b in sorted(self.counts):
                fh.write("\t".join([b, *map(str, self.counts[b])]) + "\n")

    def feature(self, base: str) -> str:
        """"dict=TYPE:QUARTER", "dict=O" or "dict=unseen" for one base form."""
        row = self.counts.get(base)
        if row is None:
            return "dict=unseen"
        uses, *by_type = row
        best = max(range(len(TYPES)), key=lambda i: by_type[i])
        if not by_type[best]:
            return "dict=O"
        return f"dict={TYPES[best]}:{min(4, 1 + (4 * by_type[best] - 1) // uses)}"


def jackknifed(sentences: Sequence[Sequence[tuple[str, str]]], gaz: Gazetteer) -> list[TagDict]:
    """For each sentence, the dictionary of the training data outside its fold
    (FOLDS runs of consecutive sentences, so a text's repeats stay in one fold)."""
    size = -(-len(sentences) // FOLDS)
    folds = [sentences[i : i + size] for i in range(0, len(sentences), size)]
    out = []
    for n, fold in enumerate(folds):
        others = [s for m, f in enumerate(folds) if m != n for s in f]
        out += [TagDict.build(others, gaz)] * len(fold)
    return out
