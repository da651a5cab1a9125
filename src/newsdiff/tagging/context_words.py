"""Ordinary words that tell the tagger what a name stands for (seeds/context_words.yaml).

    words = context_words.load()
    "مؤشر" in words.index_heads   # a name after it is an index, not a person
    "الاكراد" in words.people_groups  # a group of people, not an organisation
    "الجنوبي" in words.direction_adjectives  # part of a country's adjective, never a first name
    "هنا" in words.person_verbs  # an unknown foreign-spelled word after it is a person
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..normalize import key
from ..resources import seeds_dir


@dataclass(frozen=True)
class ContextWords:
    """Match keys of the context word lists."""

    index_heads: frozenset[str]
    people_groups: frozenset[str]
    direction_adjectives: frozenset[str]
    person_verbs: frozenset[str]
    sports: dict[str, frozenset[str]]  # the lists under `sports:` by name (see tagging/sports.py)


def _keys(items) -> frozenset[str]:
    return frozenset(k for k in (key(str(i)) for i in items or ()) if k)


@lru_cache(maxsize=1)
def load() -> ContextWords:
    """Read seeds/context_words.yaml once."""
    data = yaml.safe_load((seeds_dir() / "context_words.yaml").read_text(encoding="utf-8"))
    return ContextWords(index_heads=_keys(data["index_heads"]), people_groups=_keys(data["people_groups"]),
                        direction_adjectives=_keys(data["direction_adjectives"]),
                        person_verbs=_keys(data["person_verbs"]),
                        sports={name: _keys(words) for name, words in data["sports"].items()})
