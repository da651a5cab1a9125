"""CoNLL token/tag files and conlleval-style entity scoring.

A file holds one `token<TAB>tag` per line and a blank line between sentences;
tags are BIO (`B-PERS`, `I-LOC`, `O`, ...). An `I-` tag that opens a span (after
`O` or another type) is read as `B-`, as conlleval does.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

Sentence = list[tuple[str, str]]


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of (token, tag) pairs; the tag is the last whitespace field."""
    sentences: list[Sentence] = []
    current: Sentence = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            fields = line.split()
            if not fields:
                if current:
                    sentences.append(current)
                    current = []
                continue
            current.append((fields[0], fields[-1] if len(fields) > 1 else "O"))
    if current:
        sentences.append(current)
    return sentences


def write_conll(sentences: Iterable[Sentence], path: str | Path) -> None:
    """Write sentences as `token<TAB>tag` lines with a blank line after each."""
    with open(path, "w", encoding="utf-8") as fh:
        for sent in sentences:
            for token, tag in sent:
                fh.write(f"{token}\t{tag}\n")
            fh.write("\n")


def spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Entity spans (type, start, end) with `end` exclusive, conlleval-style."""
    out: list[tuple[str, int, int]] = []
    kind, start = None, 0
    for i, tag in enumerate(tags):
        if tag == "O":  # most tags: only closes an open span
            if kind is not None:
                out.append((kind, start, i))
                kind = None
            continue
        prefix, _, label = tag.partition("-")
        if prefix == "B" or (prefix == "I" and label != kind):
            if kind is not None:
                out.append((kind, start, i))
            kind, start = label, i
    if kind is not None:
        out.append((kind, start, len(tags)))
    return out


def set_span(tags: list[str], i: int, j: int, label: str) -> None:
    """Tag tokens [i, j) as one `label` span, cutting any span that went on past j."""
    if j < len(tags) and tags[j].startswith("I-"):
        tags[j] = "B-" + tags[j][2:]
    tags[i] = "B-" + label
    for t in range(i + 1, j):
        tags[t] = "I-" + label


def clear(tags: list[str], i: int, j: int) -> None:
    """Untag tokens [i, j)."""
    tags[i:j] = ["O"] * (j - i)


def errors(gold: Sequence[str], pred: Sequence[str], types: Sequence[str] = ("PERS", "LOC", "ORG")
           ) -> list[tuple[str, tuple | None, tuple | None]]:
    """The errors of one sentence, as (kind, gold span, predicted span), spans being
    (type, start, end) of `types`: "type" (same words, other type), "boundary" (overlapping
    spans, other words), "missed" (a gold span nothing overlaps), "spurious" (a predicted
    span no gold span overlaps). A gold span is paired with the first predicted span
    overlapping it."""
    g = [x for x in spans(gold) if x[0] in types]
    p = [x for x in spans(pred) if x[0] in types]
    exact = set(g) & set(p)
    out = []
    for gs in g:
        if gs in exact:
            continue
        over = [ps for ps in p if ps[1] < gs[2] and gs[1] < ps[2]]
        kind = "missed" if not over else "type" if over[0][1:] == gs[1:] else "boundary"
        out.append((kind, gs, over[0] if over else None))
    out += [("spurious", None, ps) for ps in p if not any(gs[1] < ps[2] and ps[1] < gs[2] for gs in g)]
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def score(
    gold_seqs: Sequence[Sequence[str]],
    pred_seqs: Sequence[Sequence[str]],
    types: Sequence[str] = ("PERS", "LOC", "ORG"),
) -> dict:
    """Exact-span, exact-type scores per type and `micro` over `types`."""
    if len(gold_seqs) != len(pred_seqs):
        raise ValueError("gold and predicted sequence counts differ")
    counts = {t: [0, 0, 0] for t in types}  # tp, pred, gold
    for gold, pred in zip(gold_seqs, pred_seqs):
        if len(gold) != len(pred):
            raise ValueError("gold and predicted sequence lengths differ")
        g = {s for s in spans(gold) if s[0] in counts}
        p = {s for s in spans(pred) if s[0] in counts}
        for s in g & p:
            counts[s[0]][0] += 1
        for s in p:
            counts[s[0]][1] += 1
        for s in g:
            counts[s[0]][2] += 1
    result = {t: _prf(*c) for t, c in counts.items()}
    result["micro"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return result
