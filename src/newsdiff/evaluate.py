"""Score extracted mentions against gold annotations.

`score_gold` compares mentions with the `*.gold.yaml` files of the development
set (format: `gold/GUIDELINES.md`); `score_conll` scores a name tagger on a
CoNLL file, entity by entity, the conlleval way.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Hashable

from .errors import UserError
from .model import ENTITY_TYPES, Mention
from .normalize import key
from .yamlfile import read_yaml

GOLD_SECTIONS = {"person": "persons", "place": "places", "org": "orgs",
                 "date": "dates", "figure": "figures"}
CONLL_TYPES = ("PERS", "LOC", "ORG")


@dataclass
class Score:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Report:
    """Micro-summed scores per type and overall, with each article's errors."""

    scores: dict[str, Score]  # ENTITY_TYPES + "overall"
    false_positives: dict[str, dict[str, list[dict[str, Any]]]]  # article -> type -> items
    false_negatives: dict[str, dict[str, list[dict[str, Any]]]]
    articles: list[str]  # scored: in both gold and predicted
    missing: list[str] = field(default_factory=list)  # gold articles not predicted

    def to_dict(self) -> dict[str, Any]:
        return {
            "scores": {t: s.to_dict() for t, s in self.scores.items()},
            "articles": list(self.articles),
            "missing": list(self.missing),
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
        }


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """The gold annotations in `gold_dir/*.gold.yaml`, keyed by article file name."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise UserError(f"{folder}: not a folder of *.gold.yaml files")
    gold = {}
    for path in sorted(folder.glob("*.gold.yaml")):
        _, data = read_yaml(path)
        if not isinstance(data, dict):
            raise UserError(f"{path}: expected a mapping with 'article', 'persons', ...")
        gold[str(data.get("article") or path.name[: -len(".gold.yaml")] + ".txt")] = data
    return gold


def score_gold(gold: dict[str, dict], predicted: dict[str, list[Mention]]) -> Report:
    """Score predicted mentions (article file -> mentions) against `gold`.

    Each article present in both is scored, then counts are micro-summed:
    persons, places and orgs by distinct surface (a predicted distinct surface is
    a true positive if it is one of that article's gold surfaces of that type;
    exact string match after stripping spaces); dates by distinct (surface,
    value) pair; figures by (value, unit) pair (numbers by value, units without
    case) counted as a multiset, so two
    predicted "5 hours" against one gold "5 hours" give one true and one false
    positive. "overall" sums all five types.
    """
    scores = {t: Score() for t in (*ENTITY_TYPES, "overall")}
    fps: dict[str, dict[str, list[dict[str, Any]]]] = {}
    fns: dict[str, dict[str, list[dict[str, Any]]]] = {}
    articles = sorted(set(gold) & set(predicted))
    for article in articles:
        for etype in ENTITY_TYPES:
            gold_units = _gold_units(gold[article], etype)
            pred_units = _pred_units(predicted[article], etype)
            gold_counts = Counter(u for u, _ in gold_units)
            pred_counts = Counter(u for u, _ in pred_units)
            extra, missed = pred_counts - gold_counts, gold_counts - pred_counts
            s = Score(sum((gold_counts & pred_counts).values()),
                      sum(extra.values()), sum(missed.values()))
            scores[etype].add(s)
            scores["overall"].add(s)
            if extra:
                fps.setdefault(article, {})[etype] = _describe(extra, pred_units, gold_units, etype)
            if missed:
                fns.setdefault(article, {})[etype] = _describe(missed, gold_units, pred_units, etype)
    return Report(scores, fps, fns, articles, sorted(set(gold) - set(predicted)))


Unit = tuple[Hashable, ...]


def _gold_units(annotation: dict, etype: str) -> list[tuple[Unit, str]]:
    """(scoring unit, surface) of one gold article for one type."""
    entries = annotation.get(GOLD_SECTIONS[etype]) or []
    if etype in ("date", "figure"):
        return _units([(_text(e.get("surface")), e.get("value"), e.get("unit")) for e in entries],
                      etype)
    surfaces = []
    for e in entries:
        given = e.get("surface")
        surfaces += [_text(s) for s in (given if isinstance(given, list) else [given])]
    return _units([(s, None, None) for s in surfaces], etype)


def _pred_units(mentions: list[Mention], etype: str) -> list[tuple[Unit, str]]:
    """(scoring unit, surface) of one article's predicted mentions for one type."""
    return _units([(_written_name(m), m.value, m.unit) for m in mentions if m.type == etype],
                  etype)


def _written_name(m: Mention) -> str:
    """The surface as the gold writes it: after ل the article's alef is not written
    ("للكرملين" = ل + الكرملين), so a span "لكرملين" stands for "الكرملين"."""
    surface = _text(m.surface)
    if surface.startswith("ل") and m.key and key(surface) != m.key and key("ا" + surface) == m.key:
        return "ا" + surface
    return surface


def _units(rows: list[tuple[str, Any, Any]], etype: str) -> list[tuple[Unit, str]]:
    """Scoring units: distinct surfaces, distinct (surface, value) for dates, and
    every (value, unit) for figures."""
    if etype == "figure":
        return [((_number(v), _text(u).lower() or None), s) for s, v, u in rows]
    if etype == "date":
        units = {(s, None if v is None else str(v)) for s, v, _ in rows}
        return [(u, u[0]) for u in sorted(units, key=str)]
    return [((s,), s) for s in sorted({s for s, _, _ in rows})]


def _describe(counts: Counter, own: list[tuple[Unit, str]], other: list[tuple[Unit, str]],
              etype: str) -> list[dict[str, Any]]:
    """The erroneous units, as dicts a developer can read (surface, value, unit)."""
    out = []
    for unit, n in sorted(counts.items(), key=lambda un: str(un[0])):
        if etype == "figure":
            taken = {s for u, s in other if u == unit}
            surfaces = sorted((s for u, s in own if u == unit), key=lambda s: s in taken)
            out += [{"surface": s, "value": unit[0], "unit": unit[1]} for s in surfaces[:n]]
        elif etype == "date":
            out.append({"surface": unit[0], "value": unit[1]})
        else:
            out.append({"surface": unit[0]})
    return out


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _number(value: Any) -> Any:
    """Numbers compare by value: 5, 5.0 and "5" are one value."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return _text(value)
    return int(number) if number.is_integer() else number


def score_conll(gold_path: str | Path, tagger) -> dict[str, Any]:
    """Tag each sentence of a CoNLL file with `tagger.tag_tokens(tokens) -> tags`
    and score entities conlleval-style (exact span and type): PERS, LOC and ORG
    micro-averaged under "scores", MISC on its own under "misc"; "errors" lists each
    error (`conll.errors`) with its sentence (numbered from 0), the words of the gold and
    predicted spans, and the words around them."""
    from .conll import errors, read_conll, score

    gold_seqs, pred_seqs, found, tokens = [], [], [], 0
    for n, sentence in enumerate(read_conll(gold_path)):
        words = [token for token, _ in sentence]
        gold_seqs.append([tag for _, tag in sentence])
        pred_seqs.append(list(tagger.tag_tokens(words)))
        tokens += len(words)
        found += [_error(n, words, *e) for e in errors(gold_seqs[-1], pred_seqs[-1], CONLL_TYPES)]
    return {
        "file": str(gold_path),
        "sentences": len(gold_seqs),
        "tokens": tokens,
        "scores": score(gold_seqs, pred_seqs, CONLL_TYPES),
        "misc": score(gold_seqs, pred_seqs, ("MISC",)),
        "errors": found,
    }


CONTEXT = 3  # words shown each side of an error


def _error(sentence: int, words: list[str], kind: str, gold: tuple | None, pred: tuple | None) -> dict[str, Any]:
    """One tagging error as a reader wants it: the words of each span and around them."""
    ends = [x for x in (gold, pred) if x]
    start, end = min(x[1] for x in ends), max(x[2] for x in ends)
    return {"sentence": sentence, "kind": kind,
            "gold": None if gold is None else {"type": gold[0], "text": " ".join(words[gold[1]:gold[2]])},
            "predicted": None if pred is None else {"type": pred[0], "text": " ".join(words[pred[1]:pred[2]])},
            "context": " ".join(words[max(0, start - CONTEXT):start] + ["["] + words[start:end] + ["]"]
                                + words[end:end + CONTEXT])}
