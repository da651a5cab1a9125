"""Token features for the CRF name tagger: shape, affixes, clitics, context, gazetteers.

Tokens are whole words as in ANERcorp (proclitics attached: وبوتين، للأمم).
Every feature is computed on the match key (`newsdiff.normalize.key`).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from ..normalize import key
from .gazetteer import Gazetteer
from .tagdict import TagDict

CONJ = "وف"
PREP = "بلك"
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[a-z]")
_DIGIT = re.compile(r"[0-9]")


@lru_cache(maxsize=65536)
def proclitic_splits(k: str) -> tuple[tuple[int, str], ...]:
    """Possible (chars stripped, remaining key) readings of a word key, no strip first.

    و/ف then ب/ل/ك; "لل" stands for ل + ال, so its remainder gets the article back.
    """
    out = [(0, k)]
    starts = [(0, k)]
    if len(k) > 3 and k[0] in CONJ:
        starts.append((1, k[1:]))
        out.append((1, k[1:]))
    for n, rest in starts:
        if len(rest) > 3 and rest.startswith("لل"):
            out.append((n + 1, "ا" + rest[1:]))
        elif len(rest) > 3 and rest[0] in PREP:
            out.append((n + 1, rest[1:]))
    return tuple(out)


_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def with_proclitics(words) -> frozenset[str]:
    """Keys with every proclitic they can carry (للمباراه for المباراه): every key that
    `proclitic_splits` may read as one of `words` (a superset)."""
    out = set()
    for w in words:
        out.update(c + w for c in _CLITICS)
        if w.startswith("ال"):
            out.update(c + "ل" + w[1:] for c in ("", "و", "ف"))
    return frozenset(out)


def known(k: str, g: Gazetteer) -> bool:
    """Whether a key is a listed place, name, organisation word or foreign name token."""
    return (
        k in g.places
        or k in g.given_names
        or g.translit.get(k, 0) >= 2
        or k in g.phrases
        or k in g.titles
        or k in g.role_heads
        or k in g.speech_verbs
        or k in g.org_triggers
        or k in g.nationality
    )


def base_form(k: str, g: Gazetteer) -> tuple[int, str]:
    """The lexicon-preferred reading of a word key: (proclitic chars, remainder)."""
    cache = g.word_cache("base")
    hit = cache.get(k)
    if hit is None:
        splits = proclitic_splits(k)
        hit = cache[k] = splits[0] if known(k, g) else next((s for s in splits[1:] if known(s[1], g)), splits[0])
    return hit


def _bucket(n: int) -> str:
    return str(min(int(math.log10(n + 1) * 2), 8)) if n else "0"


def word_classes(b: str, g: Gazetteer) -> list[str]:
    """Lexical class labels of a clitic-stripped key."""
    out = []
    core = b[2:] if b.startswith("ال") and len(b) > 4 else b
    place = g.places.get(b) or g.places.get(core)
    if place:
        out.append("place:" + place[0])
    if b in g.strong_places:
        out.append("strongplace")
    if b in g.given_names or core in g.given_names:
        out.append("given")
    tl = g.translit.get(b, 0)
    if tl:
        out.append("translit:" + _bucket(tl))
    if b in g.nationality:
        out.append("nationality")
    if b in g.titles:
        out.append("title")
    if b in g.role_heads:
        out.append("rolehead")
    if b in g.speech_verbs:
        out.append("speech")
    if b in g.org_triggers:
        out.append("orgtrigger")
    if b in g.place_triggers:
        out.append("placetrigger")
    if b in g.ministry_domains:
        out.append("domain")
    if b in g.armed_forces:
        out.append("forces")
    if b in g.media_triggers:
        out.append("mediatrigger")
    if b in g.orgs:
        out.append("org")
    return out


def phrase_tags(bases: list[str], g: Gazetteer) -> list[str]:
    """BIO labels of the longest strong-place/organisation phrases over base forms."""
    tags = ["O"] * len(bases)
    i = 0
    while i < len(bases):
        for n in g.phrase_lengths.get(bases[i], ()):  # a phrase of another length cannot start here
            if n > len(bases) - i:
                continue
            label = g.lookup(" ".join(bases[i : i + n]))
            if label:
                tags[i] = "B-" + label
                for j in range(i + 1, i + n):
                    tags[j] = "I-" + label
                i += n
                break
        else:
            i += 1
    return tags


def _shape(tok: str, k: str) -> str:
    if _DIGIT.search(k):
        return "digit"
    if _LATIN.search(k):
        return "latin"
    if not _ARABIC.search(k):
        return "punct"
    return "arabic"


_BEFORE = ("title", "speech", "orgtrigger", "rolehead", "mediatrigger")
_CACHE_LIMIT = 50_000  # word keys whose feature strings are kept (~3 KB each)
OFFSETS = (-2, -1, 1, 2)  # the context window
BEFORE_SPAN = 3  # a title/speech/trigger word marks the next three words


class WordFeatures(NamedTuple):
    """The feature strings of one word that do not depend on its sentence."""

    key: str
    base: str  # the clitic-stripped key
    own: list[str]  # of the word itself
    near: dict[int, list[str]]  # of the word seen from the word `d` positions before it
    before: list[str]  # given to each of the next BEFORE_SPAN words


def word_features(k: str, g: Gazetteer, tags: TagDict | None = None) -> WordFeatures:
    """`WordFeatures` of one word key, cached per gazetteer and tag dictionary."""
    cache = g.word_cache("features" if tags is None else f"features:{tags.ident}", _CACHE_LIMIT)
    hit = cache.get(k)
    if hit is not None:
        return hit
    n, b = base_form(k, g)
    classes = word_classes(b, g)
    shape = _shape(k, k)
    own = ["bias", "w=" + k, "b=" + b, "clitic=" + k[:n], "shape=" + shape, "len=" + str(min(len(b), 10)),
           "al=" + str(b.startswith("ال")), "p2=" + b[:2], "p3=" + b[:3], "s2=" + b[-2:], "s3=" + b[-3:],
           "s1=" + b[-1:]]
    own += ["c=" + c for c in classes]
    if not classes and shape == "arabic":
        own.append("unlisted")
    history = [] if tags is None else [tags.feature(b)]
    own += history
    near = {}
    for d in OFFSETS:
        near[d] = [f"{d}:w={k}", f"{d}:b={b}", f"{d}:shape={shape}"] + [f"{d}:c={c}" for c in classes]
        near[d] += [f"{d}:{h}" for h in history]
        if abs(d) == 1:
            near[d].append(f"{d}:s2={b[-2:]}")
    hit = WordFeatures(k, b, own, near, ["before:" + c for c in classes if c in _BEFORE])
    cache[k] = hit
    return hit


class _GazStrings(dict):
    """(offset, phrase label or None for the sentence edge) -> feature string, made once."""

    def __missing__(self, item: tuple[int, str | None]) -> str:
        d, label = item
        self[item] = value = ("gaz=" + label if d == 0 else f"{d}:gaz={label}") if label else f"{d}:edge"
        return value


GAZ_FEATURES = _GazStrings()
BIGRAM_NEXT, BIGRAM_PREV = "bi+1=", "bi-1="  # + "a|b": the bigram a token starts, the one it ends


def dynamic_features(bases: list[str], g: Gazetteer) -> list[list[str]]:
    """The sentence-dependent feature strings of each token (gazetteer phrase labels
    around it, word bigrams, sentence edges), from the sentence's base forms."""
    phrases = phrase_tags(bases, g)
    n = len(bases)
    w = max(map(abs, OFFSETS))
    padded = [None] * w + phrases + [None] * w  # None: past the sentence's edge
    columns = [[GAZ_FEATURES[0, label] for label in phrases]]
    columns += [[GAZ_FEATURES[d, label] for label in padded[w + d : w + d + n]] for d in OFFSETS]
    bigrams = [f"{a}|{b}" for a, b in zip(bases, bases[1:])]
    dynamic = [list(f) for f in zip(*columns)]
    for i, pair in enumerate(bigrams):
        dynamic[i].append(BIGRAM_NEXT + pair)
        dynamic[i + 1].append(BIGRAM_PREV + pair)
    return dynamic


def sentence_features(tokens: list[str], g: Gazetteer, tags: TagDict | None = None) -> list[list[str]]:
    """CRF feature strings for every token of one sentence (what the model is trained on).

    Token i's features are its own word's `own`, its `dynamic_features`, `near[d]` of the
    word at i+d for each offset d, and `before` of the BEFORE_SPAN words before it; the
    tagger sums their weights by these parts (`crf.CRFTagger`).
    """
    words = [word_features(key(t) or t, g, tags) for t in tokens]
    dynamic = dynamic_features([w.base for w in words], g)
    n = len(tokens)
    feats: list[list[str]] = []
    for i in range(n):
        f = words[i].own + dynamic[i]
        for d in OFFSETS:
            if 0 <= i + d < n:
                f += words[i + d].near[d]
        for j in range(max(0, i - BEFORE_SPAN), i):
            f += words[j].before
        feats.append(f)
    return feats
