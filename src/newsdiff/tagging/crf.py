"""python-crfsuite wrapper: train on CoNLL sentences, tag token lists."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pycrfsuite

from .features import sentence_features
from .gazetteer import Gazetteer

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
    """Train a CRF on (token, tag) sentences and write it to `model_path`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in sentences:
        tokens = [t for t, _ in sent]
        trainer.append(sentence_features(tokens, gaz), normalise_tags([tag for _, tag in sent]))
    trainer.set_params({**PARAMS, **(params or {})})
    trainer.train(str(model_path))


class CRFTagger:
    """A trained model; `tag(tokens)` gives one BIO tag per token."""

    # After this many sentences, features the model has no weight for are dropped
    # before crfsuite sees them (it ignores them anyway: same tags, ~1/3 less work
    # in crfsuite); reading the model's attribute list costs ~0.5 s, so short runs skip it.
    FILTER_AFTER = 2000

    def __init__(self, model_path: str | Path, gaz: Gazetteer):
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self.gaz = gaz
        self._calls = 0
        self._known: frozenset[str] | None = None

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        feats = sentence_features(list(tokens), self.gaz)
        if self._known is None:
            self._calls += 1
            if self._calls >= self.FILTER_AFTER:
                self._known = frozenset(self._tagger.info().attributes)
        else:
            known = self._known
            feats = [[f for f in tok if f in known] for tok in feats]
        return list(self._tagger.tag(feats))
