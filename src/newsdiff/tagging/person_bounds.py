"""Where a person's name starts and ends: words the CRF wrongly takes into a name, or leaves
out of it.

A name of two words or more does not start with a common noun ("[ولاية] صالح"، "[للحارس]
هيلتون") nor end with a verb or a word carrying a preposition ("زكريا [يتقمص]"، "عبد الفتاح
[ليعوض]"، "محمد عبد الفتاح [بالميدالية]"); a conjunction before a name word starts another
name ("حسن مدني | وهشام عبد الوهاب"); and a listed given or foreign name before a name, or a
word after it spelled like a foreign name (`namelike`), that is nothing else, belongs to it
("[طلعت] زكريا"، "ليوناردو [دافنشي]"), and so does a definite nisba or unknown definite word
after an Arabic name of one or two words where the clause ends ("محمد شياع [السوداني] أن").
"""
from __future__ import annotations

import re

from ..conll import spans
from ..normalize import key
from . import namelike
from .features import proclitic_splits
from .gazetteer import Gazetteer
from .marks import PUNCT_STOP
from .numbers import definite_ordinal
from .rules import Token, _particle

# a preposition with the article (بالميدالية، للحارس، وبالقرب) or an imperfect verb, bare or
# with a future or purpose prefix (يتقمص، ليعوض، فسيجد)
_PREPOSITION_ARTICLE = re.compile(r"[وف]?(?:[بك]ال|لل).+")
_IMPERFECT = re.compile(r"[وف]?[لس]?[يتن].{3,}")
_FUTURE = re.compile(r"[لس][يتن].{3,}")  # سيغيب، ليعوض: a verb; unless a listed name
_GOD = ("الله", "لله")  # "المعتصم بالله": a name that ends with a preposition


def _known_name(k: str, gaz: Gazetteer) -> bool:
    return k in gaz.given_names or gaz.translit.get(k, 0) >= 2


def _not_head(tok: Token, gaz: Gazetteer) -> bool:
    """A common noun, alone or after a proclitic with the article, that starts no name."""
    if _known_name(tok.key, gaz) or tok.base in gaz.titles or tok.base in gaz.role_heads:
        return False
    return tok.key in gaz.common_words or any(n and b.startswith("ال") and b in gaz.common_words
                                              for n, b in proclitic_splits(tok.key))


def _not_tail(tok: Token, gaz: Gazetteer) -> bool:
    """A verb or a word with a preposition, which ends no name of two words or more."""
    k = tok.key
    if _known_name(k, gaz) or k.endswith(_GOD):
        return False
    if _PREPOSITION_ARTICLE.fullmatch(k):
        return True
    if k[:1] in "بل" and len(k) > 3 and k[1:] in gaz.common_words:  # لحضور
        return True
    if k[:1] == "و" and len(k) > 3 and not _name_after_conjunction(k[1:], gaz):  # "وحائز"
        return namelike.score(k) < 0
    return _IMPERFECT.fullmatch(k) is not None and namelike.score(k) < 0


def _second_name(tok: Token, gaz: Gazetteer) -> bool:
    """و + a given or foreign name inside a span: another person ("وهشام")."""
    k = tok.key
    return k[:1] == "و" and len(k) > 3 and not _known_name(k, gaz) and k not in gaz.places \
        and k not in gaz.common_words and _name_after_conjunction(k[1:], gaz)


def _name_after_conjunction(rest: str, gaz: Gazetteer) -> bool:
    """A given or foreign name, or a name of the عبد + attribute kind (عبدالله، عبد الفتاح)."""
    return _known_name(rest, gaz) or rest.startswith("عبد")


def _name_word(tok: Token, gaz: Gazetteer, spelled: bool = True) -> bool:
    """An untagged word that is a given or foreign name, or (`spelled`) is spelled like a
    foreign name (`namelike`), and is no listed word of another kind, without a proclitic or
    the article."""
    k = tok.key
    if len(k) < 3 or tok.clitic or k.startswith("ال") or tok.text in PUNCT_STOP or not k[0].isalpha() \
            or _particle(tok.text):
        return False
    if k in gaz.common_words or k in gaz.function_words or k in gaz.titles or k in gaz.role_heads \
            or k in gaz.nationality or k in gaz.places or k in gaz.speech_verbs or k in gaz.org_triggers \
            or k in gaz.media_triggers or gaz.lookup(k):
        return False
    if _known_name(k, gaz):
        return True
    if not spelled or k[0] == "و" or _PREPOSITION_ARTICLE.match(k) or _FUTURE.fullmatch(k) \
            or (k[0] in "فبلك" and namelike.score(k[1:]) < namelike.FOREIGN):
        return False  # the next person of a list ("وديميترييف"), or a proclitic on a word ("فتوفيت")
    return namelike.score(k) >= namelike.FOREIGN


def person_bounds(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """Split, trim and extend person spans (see the module's docstring)."""
    if "B-PERS" not in tags:
        return
    for typ, s, e in spans(tags):
        if typ == "PERS":
            for j in range(s + 1, e):
                if _second_name(toks[j], gaz):
                    tags[j] = "B-PERS"
    for typ, s, e in reversed(spans(tags)):
        if typ != "PERS":
            continue
        end, start = e, s
        while e - s > 1 and _not_tail(toks[e - 1], gaz):
            e -= 1
            tags[e] = "O"
        while e - s > 1 and _not_head(toks[s], gaz):
            tags[s] = "O"
            s += 1
        tags[s] = "B-PERS"
        if e == end and e < len(toks) and tags[e] == "O" and (
                (_name_word(toks[e], gaz) and not _before_genitive(toks, e + 1, gaz))
                or _definite_surname(toks, s, e, gaz)):
            tags[e] = "I-PERS"
        # before a name, only a listed name: an unknown word there may be anything's name
        if s == start and s > 0 and tags[s - 1] == "O" and _name_word(toks[s - 1], gaz, spelled=False):
            if _conjunct(toks[s], gaz):  # "آندي وديانا رزق": two people
                tags[s - 1] = "B-PERS"
            elif not toks[s].clitic and not _proclitic_letter(toks[s], gaz):
                tags[s - 1], tags[s] = "B-PERS", "I-PERS"


_THAT = frozenset(key(w) for w in ("بأن", "بأنه", "بأنها", "وأن", "وإن"))


def _definite_surname(toks: list[Token], s: int, e: int, gaz: Gazetteer) -> bool:
    """Token e, right after the Arabic name toks[s:e], is its last word: a definite nisba or a
    definite word no list knows, where the clause ends ("محمد شياع [السوداني] أن"، "عبد الحميد
    [الدبيبة] إن"، "محمد [البرادعي] في"). Not after a foreign name, which such an adjective
    describes ("رافائيل نادال الإسباني")."""
    first, k = toks[s], toks[e].key
    # a name of three words or more has its surname already ("محمد بن أسعد الجواني [النسابة]");
    # "على" is the preposition, whose key is the given name علي
    if e - s > 2 or first.text == "على" or not (first.key in gaz.given_names or first.key.startswith("عبد")):
        return False
    if toks[e].clitic or not k.startswith("ال") or len(k) < 5 or k in gaz.function_words \
            or k in gaz.titles or k in gaz.role_heads or k in gaz.places or definite_ordinal(k):
        return False  # a regnal number is no surname ("عبد الله الثاني", as ANERcorp tags it)
    nisba = k.endswith("ي") and (k in gaz.nationality or k not in gaz.common_words)
    unknown = k not in gaz.common_words and k not in gaz.nationality and not gaz.lookup(k)
    if not (nisba or unknown):
        return False
    if e + 1 == len(toks):
        return True
    nxt = toks[e + 1]  # "بعلي" reads as ب + على: a name there is no preposition
    return nxt.text in PUNCT_STOP or nxt.key in _THAT or (
        (nxt.key in gaz.function_words or nxt.base in gaz.function_words) and nxt.base not in gaz.given_names)


def _before_genitive(toks: list[Token], i: int, gaz: Gazetteer) -> bool:
    """Token i is a definite noun, the genitive of a noun before it ("مفتي الجمهورية")."""
    return i < len(toks) and toks[i].key.startswith("ال") and toks[i].key not in gaz.function_words


def _conjunct(tok: Token, gaz: Gazetteer) -> bool:
    """و + a name: the next person of a list."""
    return tok.key[:1] == "و" and (tok.clitic > 0 or _second_name(tok, gaz))


def _proclitic_letter(tok: Token, gaz: Gazetteer) -> bool:
    """Starts with a letter that may be a proclitic, and is no listed name as a whole ("لموتسارت")."""
    return tok.key[:1] in "وفبلك" and not _known_name(tok.key, gaz)
