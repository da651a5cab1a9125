"""Common words the CRF reads as a whole name: they are untagged.

- the name of a kind of sports event (seeds `event_words`), with or without a proclitic,
  in any span: '"[ديربي]" جهويا', 'في [رالي] تركيا' (تركيا stays a place), and a "person"
  with one is no person at all ('[ديربي عبدة]');
- a lone "person" that is an adverb in -ًا of a listed adjective in -ي: '[وداخليا] ، أدى
  النمو' (داخلي); no listed name (ماريا، زكريا);
- a lone "person" that is a sound masculine plural in construct, a word in -و spelled like
  no foreign name before a definite word other than a nationality ('مقامويو الأوكراني' is a
  person): '[موقعو] النداء'، '[مسؤولو] الوزارة' (names in -و
  such as ماريو or رونالدو are spelled like foreign names).
"""
from __future__ import annotations

from ..conll import spans
from . import namelike
from .gazetteer import Gazetteer
from .rules import Token


def drop_common_words(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """Untag the words above (see the module's docstring)."""
    if all(t == "O" for t in tags):
        return
    for typ, s, e in spans(tags):
        if typ not in ("PERS", "LOC", "ORG"):
            continue
        if e - s == 1 and typ == "PERS" and _lone_common(toks, s, gaz):
            tags[s] = "O"
            continue
        for j in range(s, e):
            if toks[j].base in gaz.event_words:
                if typ == "PERS":  # what follows names the event's place or teams
                    tags[s:e] = ["O"] * (e - s)
                    break
                tags[j] = "O"
                if j + 1 < e:
                    tags[j + 1] = "B-" + typ


def _lone_common(toks: list[Token], i: int, gaz: Gazetteer) -> bool:
    k = toks[i].key
    cache = gaz.word_cache("lone_common")
    kind = cache.get(k)
    if kind is None:
        kind = cache[k] = _kind(k, gaz)
    if kind == "adverb":
        return True
    if kind != "plural" or i + 1 == len(toks):
        return False
    nxt = toks[i + 1].key  # a genitive noun; a singular nationality describes a person
    return nxt.startswith("ال") and nxt not in gaz.function_words and nxt not in gaz.nationality


def _kind(k: str, gaz: Gazetteer) -> str:
    """'adverb', 'plural' (in construct, if a definite word follows) or '' for a word key."""
    if k in gaz.given_names or gaz.translit.get(k, 0) >= 2:
        return ""
    stem = k[1:] if k[:1] in "وف" and len(k) > 5 else k
    if stem.endswith("يا") and len(stem) > 4 and stem[:-1] in gaz.common_words \
            and stem not in gaz.given_names and gaz.translit.get(stem, 0) < 2:
        return "adverb"
    if k.endswith("و") and len(k) >= 5 and not k.startswith("ال") and namelike.score(k) < 0:
        return "plural"
    return ""
