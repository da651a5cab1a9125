"""Sports clubs named after their city (بورتو، ستيوا بوخارست، ريال مدريد) read as clubs, not places.

A sentence that reports sport (SENTENCE_EVIDENCE from sports words of seeds/context_words.yaml,
a score "2 - 1" and a fixture "X ( country )"), or any sentence of a match report, turns a city tagged as a place (or a city
the tagger took for a person) into one organisation span where a club stands: after
فريق/نادي/منتخب, after the opponent words (ضيفه، أمام، مواجهة ...), as X and Y of
"فاز X على Y" and "تعادل X مع Y", beside a score, before "( country )" and before a
masculine nationality adjective (a town's adjective is feminine: "بورتو البرتغالي" is the
club). A foreign word right before the city belongs to the club's name (ستيوا بوخارست).
Countries stay places (a national team is named by its country). A city in any other
sentence or position stays a place. In the same sentences a name nobody tagged right after
فريق/نادي is the club's ("فريق الرجاء البيضاوي", "فريقي الجيش الملكي وأولمبيك خريبكة").
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..conll import set_span
from ..normalize import key
from . import context_words
from .gazetteer import Gazetteer

_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
WINDOW = 4  # words between a win/draw word and "على"/"مع"
ON, WITH = key("على"), key("مع")
SENTENCE_EVIDENCE = 2  # sports words that make a sentence about sport
ARTICLE_EVIDENCE = 4  # ... and an article a match report, whose every sentence is about sport


def _with_clitics(words: frozenset[str]) -> frozenset[str]:
    """Keys with every proclitic they can carry (للمباراه for المباراه)."""
    out = set()
    for w in words:
        out.update(c + w for c in _CLITICS)
        if w.startswith("ال"):
            out.update(c + "ل" + w[1:] for c in ("", "و", "ف"))
    return frozenset(out)


class _Words(NamedTuple):
    """The sports lists of seeds/context_words.yaml as keys with their proclitics."""

    words: frozenset[str]
    weak_words: frozenset[str]
    club_heads: frozenset[str]
    opponent_words: frozenset[str]
    win_words: frozenset[str]
    draw_words: frozenset[str]
    any: frozenset[str]  # all of them
    weights: dict[str, float]  # evidence of sport: 1 for `words`, 0.5 for `weak_words`


@lru_cache(maxsize=1)
def _words() -> _Words:
    sports = context_words.load().sports
    lists = [_with_clitics(sports[name]) for name in _Words._fields[:-2]]
    weights = {k: 0.5 for k in lists[1]} | {k: 1.0 for k in lists[0]}
    return _Words(*lists, frozenset().union(*lists), weights)


def _number(k: str) -> bool:
    """A score's side: digits or "صفر" (nil)."""
    return k.isdigit() or k == "صفر"


def _score_at(toks, i: int) -> bool:
    """A score "N - N" starts at token i."""
    return i + 2 < len(toks) and toks[i + 1].key == "-" and _number(toks[i].key) and _number(toks[i + 2].key)


def _score_before(toks, i: int) -> bool:
    """A score "N - N" ends right before token i."""
    return i >= 3 and _score_at(toks, i - 3)


def _country_in_brackets(toks, tags: list[str], e: int, gaz: Gazetteer) -> bool:
    """"( country )" right after token e - 1 (not "( الفرنسية )", the agency's credit)."""
    if e + 2 >= len(toks) or toks[e].key != "(" or toks[e + 2].key != ")":
        return False
    k = toks[e + 1].key
    return k not in gaz.nationality and (tags[e + 1] == "B-LOC" or k in gaz.places)


def evidence(toks, tags: list[str], gaz: Gazetteer) -> float:
    """How much a sentence speaks of sport: sports words, a score and a fixture count one each,
    weak sports words a half."""
    weights = _words().weights
    found = 0.0
    for i, t in enumerate(toks):
        k = t.key
        w = weights.get(k)
        if w:
            found += w
        elif (k == "(" and _country_in_brackets(toks, tags, i, gaz)) or (_number(k) and _score_at(toks, i)):
            found += 1
    return found


def article_evidence(sentences, gaz: Gazetteer) -> list[float]:
    """`evidence` of each (tokens, tags) sentence of an article; in a match report (one with
    ARTICLE_EVIDENCE in all) every sentence counts as a sentence about sport."""
    found = [evidence(toks, tags, gaz) for toks, tags in sentences]
    return [max(f, SENTENCE_EVIDENCE) for f in found] if sum(found) >= ARTICLE_EVIDENCE else found


_COUNTRY_KINDS = ("country", "region", "subdivision")


def _country(k: str, gaz: Gazetteer) -> bool:
    """A country, region or province; or a hand-listed major place with no city record
    (الإمارات), which is a country's short name."""
    kind, population = gaz.places.get(k, ("", 0))
    return kind in _COUNTRY_KINDS or (k in gaz.major_places and not population)


def _club_place(toks, s: int, e: int, gaz: Gazetteer) -> bool:
    """Tokens [s, e) may be a club's city: not a country (its team is a national one)
    unless a masculine adjective of another country follows ("موناكو الفرنسي")."""
    name = " ".join([toks[s].base] + [t.key for t in toks[s + 1 : e]])
    if not _country(name, gaz) and not any(t.key in gaz.nationality or _country(t.base, gaz) for t in toks[s:e]):
        return True
    return e < len(toks) and _masculine_adjective(toks[e].key, gaz) and gaz.nationality[toks[e].key] != name


def _masculine_adjective(k: str, gaz: Gazetteer) -> bool:
    """A definite masculine adjective of a country (a town's adjective is feminine)."""
    return k.startswith("ال") and not k.endswith("ه") and bool(gaz.nationality.get(k))


def _slot_before(toks, s: int) -> bool:
    """Token s - 1 makes what follows a club: a club head, an opponent word, "على" after a win
    word, "مع" after a draw word, or a score."""
    w = _words()
    if s == 0:
        return False
    prev = toks[s - 1].key
    if prev in w.club_heads or prev in w.opponent_words or _score_before(toks, s):
        return True
    if prev == ON or prev == WITH:
        table = w.win_words if prev == ON else w.draw_words
        return any(t.key in table for t in toks[max(0, s - 1 - WINDOW) : s - 1])
    return False


def _slot_after(toks, tags: list[str], e: int, gaz: Gazetteer) -> bool:
    """What follows token e - 1 makes it a club: a masculine nationality adjective, a score,
    or "( country )"."""
    return e < len(toks) and (_masculine_adjective(toks[e].key, gaz) or _score_at(toks, e)
                              or _country_in_brackets(toks, tags, e, gaz))


def _name_word(tok, gaz: Gazetteer) -> bool:
    """A foreign word that may start a club's name (ستيوا، سسكا): not an ordinary Arabic word."""
    k = tok.key
    return k.isalpha() and not tok.clitic and not k.startswith("ال") and k not in gaz.common_words \
        and k not in gaz.function_words and k not in _words().any


def _subject(toks, start: int, e: int) -> bool:
    """"فاز X على Y", "تعادل X مع Y": X right after a win or draw word, before على/مع."""
    if start == 0 or e >= len(toks):
        return False
    verb, after = toks[start - 1].key, toks[e].key
    return (after == ON and verb in _words().win_words) or (after == WITH and verb in _words().draw_words)


def clubs(toks, tags: list[str], gaz: Gazetteer, sport: float | None = None) -> None:
    """Retag cities standing where a club stands in a sentence about sport as one ORG span
    (the club's nationality adjective, if the tagger put it in the span, left out).
    `sport`: the sentence's evidence from `article_evidence`, else computed here."""
    if "B-LOC" not in tags and "B-PERS" not in tags \
            or (evidence(toks, tags, gaz) if sport is None else sport) < SENTENCE_EVIDENCE:
        return
    b, n = 0, len(tags)
    while b < n:
        tag = tags[b]
        if tag != "B-LOC" and tag != "B-PERS":
            b += 1
            continue
        end, inside = b + 1, "I-" + tag[2:]
        while end < n and tags[end] == inside:
            end += 1
        s, e = b, end
        while s < e - 1 and toks[s].key in _words().any:
            s += 1  # "أمام بريمن" read as one name
        while e - s > 1 and _masculine_adjective(toks[e - 1].key, gaz):
            e -= 1  # "سالزبورغ النمساوي" tagged as one place
        if tag == "B-PERS" and gaz.places.get(" ".join([toks[s].base] + [t.key for t in toks[s + 1 : e]])) is None:
            b = end
            continue  # a person stays a person unless it is a city's name
        start = s - 1 if s == b and s > 0 and tags[s - 1] == "O" and _name_word(toks[s - 1], gaz) else s
        if (_slot_before(toks, start) or _slot_after(toks, tags, e, gaz) or _subject(toks, start, e)) \
                and _club_place(toks, s, e, gaz):
            for k in [*range(b, start), *range(e, end)]:
                tags[k] = "O"
            set_span(tags, start, e, "ORG")
        b = end


MAX_CLUB_WORDS = 3


def _club_word(tok, tag: str, gaz: Gazetteer) -> bool:
    """A word that may start a club's name after its head: untagged, a word (not a number
    or mark), not a function word, sports word, title, role noun, place or nationality
    adjective (a place is `clubs`' case; "فريق أفريقي" is any African team)."""
    k = tok.base
    return tag == "O" and k.isalpha() and k not in gaz.function_words and tok.key not in _words().any \
        and k not in gaz.titles and k not in gaz.role_heads and k not in gaz.speech_verbs \
        and k not in gaz.places and k not in gaz.nationality


def _adjective_or_place(tok, gaz: Gazetteer) -> bool:
    """A definite nisba adjective (البيضاوي، الوجدية) or a listed place (خريبكة): the rest of a
    club's name."""
    k = tok.key
    return not tok.clitic and ((k.startswith("ال") and (k.endswith("ي") or k.endswith("يه")) and len(k) > 5)
                               or k in gaz.places)


def named_clubs(toks, tags: list[str], gaz: Gazetteer, sport: float | None = None) -> None:
    """In a sentence about sport, an untagged name right after a club head (فريق، نادي) is one
    ORG span: its first word, then nisba adjectives or a place (الرجاء البيضاوي، أولمبيك خريبكة);
    after a dual head (فريقي) a second name joined by و is the other club."""
    heads = _words().club_heads
    if not any(t.key in heads for t in toks) \
            or (evidence(toks, tags, gaz) if sport is None else sport) < SENTENCE_EVIDENCE:
        return
    for i in range(len(toks) - 1):
        if toks[i].key not in heads:
            continue
        e = _club_at(toks, tags, i + 1, gaz)
        if e and toks[i].key.endswith("ي") and e < len(toks) and toks[e].key[:1] == "و" and len(toks[e].key) > 3:
            # فريقي، ناديي، منتخبي: the dual names two clubs ("فريقي الجيش الملكي وأولمبيك خريبكة")
            tok = toks[e]
            tok.clitic, tok.base = 1, tok.key[1:]
            if not _club_at(toks, tags, e, gaz):
                tok.clitic, tok.base = 0, tok.key


def _club_at(toks, tags: list[str], s: int, gaz: Gazetteer) -> int:
    """Tag the club's name starting at token s as ORG and return its end; 0 when none starts there."""
    if s >= len(toks) or not _club_word(toks[s], tags[s], gaz):
        return 0
    e = s + 1
    while e < len(toks) and e - s < MAX_CLUB_WORDS and tags[e] == "O" and _adjective_or_place(toks[e], gaz):
        e += 1
    if e == s + 1 and toks[s].base in gaz.common_words:
        return 0  # "فريق خطير", "منتخب بلاده"; a common word names a club with its adjective (الجيش الملكي)
    set_span(tags, s, e, "ORG")
    return e
