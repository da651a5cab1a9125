"""World-knowledge lists for the built-in tagger, loaded once from seeds/gazetteers.

All entries are held as match keys (`newsdiff.normalize.key`). Places are split
into *strong* entries, safe to tag on sight (countries, regions, big cities,
hand-listed places), and the rest, which only feed the CRF as features.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

import yaml

from ..normalize import key
from ..resources import seeds_dir

STRONG_CITY_POPULATION = 200_000
WORD_CACHE_LIMIT = 100_000  # entries of one per-word memo (see Gazetteer.word_cache)
FOREIGN_NAME_LIMIT = 100  # a city spelled like a frequent foreign name (فلاديمير) is not strong


def _keys(items) -> set[str]:
    return {k for k in (key(str(i)) for i in items or ()) if k}


def _inflect(adj: str) -> set[str]:
    """Masculine nationality adjective key -> its article/feminine/plural/dual keys."""
    words = adj.split()
    forms = set()
    for suffix in ("", "ه", "ون", "ين", "يون", "يين", "ان", "تان", "تين"):
        inflected = [w + suffix if not suffix.startswith("ي") else w[:-1] + suffix for w in words]
        forms.add(" ".join(inflected))
        forms.add(" ".join("ال" + w for w in inflected))
    return forms


CITY_KINDS = ("city", "subdivision")
MIN_STEM = 3  # letters of a city's name that an adjective is derived from (not صور → صوري)


def city_adjective(k: str) -> str | None:
    """The definite masculine adjective of a one-word city key by the regular pattern: the
    article and a final ة dropped, ي added, و before it after a final ا (فاس → الفاسي،
    وجدة → الوجدي، القنيطرة → القنيطري، سلا → السلاوي). None for names of several words, a
    stem under MIN_STEM letters or one ending in ي/و/ء, whose adjectives are not regular."""
    if " " in k:
        return None
    stem = k[2:] if k.startswith("ال") else k
    if stem.endswith("ه"):
        stem = stem[:-1]
    elif stem.endswith("ا"):
        stem += "و"
    if len(stem) < MIN_STEM or (stem[-1] in "يوء" and not stem.endswith("او")):
        return None
    return "ال" + stem + "ي"


@dataclass
class Gazetteer:
    """Name lists, phrase tables and lexical classes used by features and rules."""

    places: dict[str, tuple[str, int]] = field(default_factory=dict)
    strong_places: set[str] = field(default_factory=set)
    major_places: set[str] = field(default_factory=set)  # countries, regions, hand-listed
    ambiguous_places: set[str] = field(default_factory=set)  # also ordinary words; not major
    place_triggers: set[str] = field(default_factory=set)  # مدينة، محافظة ...
    place_directions: set[str] = field(default_factory=set)  # شمال، جنوب ... (after a place)
    given_names: set[str] = field(default_factory=set)
    translit: dict[str, int] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    role_heads: set[str] = field(default_factory=set)
    speech_verbs: set[str] = field(default_factory=set)
    org_triggers: set[str] = field(default_factory=set)
    ministry_domains: set[str] = field(default_factory=set)
    armed_forces: set[str] = field(default_factory=set)
    metonym_heads: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    media_triggers: set[str] = field(default_factory=set)
    function_words: set[str] = field(default_factory=set)
    common_words: set[str] = field(default_factory=set)
    administration: set[str] = field(default_factory=set)
    event_words: set[str] = field(default_factory=set)  # ديربي، رالي: no name's word
    nationality: dict[str, str] = field(default_factory=dict)  # inflected adjective -> country key
    city_adjectives: dict[str, str] = field(default_factory=dict)  # الفاسي/الفاسيه -> city key
    phrases: dict[str, str] = field(default_factory=dict)  # multi/single-word key -> LOC/ORG
    max_phrase: int = 1
    phrase_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first word -> words of
    # the phrases it starts, longest first
    word_caches: dict[str, dict] = field(default_factory=dict, repr=False)  # see word_cache

    def word_cache(self, name: str, limit: int = WORD_CACHE_LIMIT, factory: Callable[[], dict] = dict) -> dict:
        """The tagger's memo called `name` of results that depend on a word and these
        lists only (made by `factory`); emptied when it reaches `limit` entries."""
        cache = self.word_caches.get(name)
        if cache is None or len(cache) >= limit:
            cache = self.word_caches[name] = factory()
        return cache

    def lookup(self, k: str) -> str | None:
        """LOC/ORG for a strong place or known organisation key, else None."""
        return self.phrases.get(k)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Read every list under seeds/gazetteers once."""
    base = seeds_dir() / "gazetteers"
    g = Gazetteer()
    for line in (base / "translit.tsv").read_text(encoding="utf-8").splitlines():
        k, n = line.split("\t")
        g.translit[k] = int(n)
    g.common_words = set((base / "common_words.txt").read_text(encoding="utf-8").split("\n")) - {""}
    g.given_names = set((base / "given_names.txt").read_text(encoding="utf-8").split("\n")) - {""}
    for line in (base / "places.tsv").read_text(encoding="utf-8").splitlines():
        k, kind, pop = line.split("\t")
        g.places[k] = (kind, int(pop))
    world = yaml.safe_load((base / "world.yaml").read_text(encoding="utf-8"))
    g.titles = _keys(world["person_titles"])
    heads = _keys(world["role_heads"])
    g.role_heads = heads | {"ال" + h for h in heads}
    g.speech_verbs = _keys(world["speech_verbs"])
    g.org_triggers = _keys(world["org_triggers"])
    g.ministry_domains = _keys(world["ministry_domains"])
    g.armed_forces = _keys(world["armed_forces"])
    g.metonym_heads = _keys(world["metonym_heads"])
    g.media_triggers = _keys(world["media_triggers"])
    g.function_words = _keys(world["function_words"])
    g.administration = _keys(world["administration"])
    g.event_words = _keys(world["event_words"])
    for adj, country in world["nationalities"].items():
        for form in _inflect(key(adj)):
            g.nationality[form] = key(country) if country else ""
    _city_adjectives(g, world["irregular_city_adjectives"])
    g.orgs = _keys(world["organizations"]) | _keys(world["offices"]) | _keys(world["media"])
    for k, (kind, pop) in g.places.items():
        if kind in ("country", "region") or (
            kind == "city"
            and pop >= STRONG_CITY_POPULATION
            and k not in g.given_names
            and g.translit.get(k, 0) < FOREIGN_NAME_LIMIT
        ):
            g.strong_places.add(k)
    g.strong_places -= set(g.nationality)
    g.major_places = {k for k, (kind, _) in g.places.items() if kind in ("country", "region")}
    g.major_places -= set(g.nationality)
    g.major_places |= _keys(world["places_extra"])
    g.strong_places |= g.major_places
    ambiguous = set((base / "ambiguous_places.txt").read_text(encoding="utf-8").split("\n")) - {""}
    g.ambiguous_places = ambiguous - g.major_places
    g.place_triggers = _keys(world["place_triggers"])
    g.place_directions = _keys(world["place_directions"])
    for k in g.strong_places:
        g.phrases[k] = "LOC"
        g.places.setdefault(k, ("city", 0))
    for k in g.orgs:
        g.phrases[k] = "ORG"
    g.max_phrase = max(len(k.split()) for k in g.phrases)
    lengths: dict[str, set[int]] = {}
    for k in g.phrases:
        words = k.split()
        lengths.setdefault(words[0], set()).add(len(words))
    g.phrase_lengths = {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()}
    return g


def _city_adjectives(g: Gazetteer, irregular: dict[str, str]) -> None:
    """Definite masculine and feminine adjectives of the cities and provinces of `places.tsv`
    (`city_adjective`) and the hand-listed irregular ones, leaving out adjectives that are a
    nationality, a common word or a given name (روسة → الروسي، الرياض → الرياضي)."""
    found = {}
    for k, (kind, _) in g.places.items():
        adj = city_adjective(k) if kind in CITY_KINDS else None
        if adj and adj not in g.nationality and adj not in g.common_words and adj[2:] not in g.given_names:
            found[adj] = k
    for adj, city in irregular.items():
        found["ال" + key(adj)] = key(city)
    for adj, city in found.items():
        g.city_adjectives[adj] = g.city_adjectives[adj + "ه"] = city
