"""How much a word looks like a transliterated foreign name rather than an Arabic common word.

    score("شوفكوفسكيي")  # 1.5: spelled like a foreign name
    score("يتقمص")       # -1.3: spelled like an Arabic verb

A naive-Bayes score over the word's character 1- to 4-grams (with ^ and $ at its edges):
the mean log ratio of how many foreign person-name tokens (`translit.tsv`) and how many
common Arabic words (words ANERcorp's training part tags O) contain each n-gram, read from
seeds/gazetteers/name_ngrams.tsv (`scripts/build_gazetteers.py` writes it).
"""
from __future__ import annotations

from functools import lru_cache

from ..resources import seeds_dir

ORDERS = (1, 2, 3, 4)
FOREIGN = 0.65  # a score from which a word is spelled like a foreign name (a twentieth of common words)


def grams(k: str) -> set[str]:
    """The character n-grams of a word key that the score reads."""
    s = "^" + k + "$"
    return {s[i : i + n] for n in ORDERS for i in range(len(s) - n + 1) if n > 1 or s[i] not in "^$"}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, float], float]:
    """n-gram -> log ratio, and the ratio of an n-gram the table does not list (first line)."""
    lines = (seeds_dir() / "gazetteers" / "name_ngrams.tsv").read_text(encoding="utf-8").splitlines()
    default = float(lines[0].split("\t")[1])
    return {g: float(v) for g, v in (line.split("\t") for line in lines[1:])}, default


@lru_cache(maxsize=1 << 16)
def score(k: str) -> float:
    """The mean log ratio (foreign name / common word) of a word key's n-grams."""
    table, default = _table()
    found = grams(k)
    return sum(table.get(g, default) for g in found) / len(found) if found else 0.0
