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
فريق/نادي is the club's ("فريق الرجاء البيضاوي", "فريقي الجيش الملكي وأولمبيك خريبكة"), and
clubs named by a place are one span wherever they stand (`place_clubs`: اتحاد طنجة، الوداد
البيضاوي، المغرب الفاسي، دينامو كييف).
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..conll import clear, set_span, spans
from ..normalize import key
from . import context_words
from .features import proclitic_splits
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
    club_leads: frozenset[str]  # without proclitics (`_lead` reads them off); not sports words


@lru_cache(maxsize=1)
def _words() -> _Words:
    sports = context_words.load().sports
    lists = [_with_clitics(sports[name]) for name in _Words._fields[:-3]]
    weights = {k: 0.5 for k in lists[1]} | {k: 1.0 for k in lists[0]}
    return _Words(*lists, frozenset().union(*lists), weights, sports["club_leads"])


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


def place_clubs(toks, tags: list[str], gaz: Gazetteer, sport: float | None = None) -> None:
    """In a sentence about sport, clubs named by a place as one ORG span: a club's naming word
    (`club_leads`) before a place or, with the article, before a city's adjective (اتحاد طنجة،
    مولودية الجزائر، المولودية الوجدية، النادي المكناسي); a definite word no list knows, or a
    country, before a city's adjective (الوداد البيضاوي، المغرب الفاسي; not "الفريق الفاسي" or
    "المنتخب المغربي"); a foreign name the tagger found right before a city (دينامو كييف).
    Such names are evidence of sport themselves (`_club_evidence`). A city's adjective the tagger
    took for a person's name right after a definite noun is that noun's adjective (الفريق الفاسي)."""
    found, i, n = [], 0, len(toks)
    cache = gaz.word_cache("club_starts")
    while i < n - 1:
        readings = cache.get(toks[i].key)
        if readings is None:
            readings = cache[toks[i].key] = _club_starts(toks[i].key, gaz)
        reading, e = _place_club_at(toks, tags, i, readings, gaz) if readings or tags[i][0] == "B" else (None, 0)
        if e:
            found.append((i, e, reading))
            i = e
        else:
            i += 1
    if (evidence(toks, tags, gaz) if sport is None else sport) + _club_evidence(toks, found) < SENTENCE_EVIDENCE:
        return
    for s, e, reading in found:
        if _fits(tags, s, e, toks, gaz):
            clear(tags, s, max([e] + [end for _, a, end in spans(tags) if a == s]))
            set_span(tags, s, e, "ORG")
            toks[s].clitic, toks[s].base = reading
    for typ, s, e in spans(tags) if "B-PERS" in tags else ():
        # "الفريق الفاسي": the adjective of the word before it, not a person's family name
        if typ == "PERS" and e == s + 1 and s > 0 and tags[s - 1] == "O" and toks[s].key in gaz.city_adjectives \
                and toks[s - 1].key.startswith("ال") and (toks[s - 1].key in _words().any or (
                    toks[s - 1].key not in gaz.titles and toks[s - 1].key not in gaz.role_heads)):
            tags[s] = "O"


CLUB_EVIDENCE = 0.5  # a club named by a place; twice as much where a club stands, and a fixture "X - Y" one more


def _club_evidence(toks, found: list[tuple[int, int, tuple[int, str]]]) -> float:
    """How much the clubs named by a place that `place_clubs` found say of sport: each counts
    CLUB_EVIDENCE, twice that after a word that makes what follows a club (أمام، فريق); two of
    them joined by a dash are a fixture, which counts one."""
    total = 0.0
    for k, (s, e, _) in enumerate(found):
        total += 2 * CLUB_EVIDENCE if _slot_before(toks, s) else CLUB_EVIDENCE
        if k + 1 < len(found) and found[k + 1][0] == e + 1 and toks[e].key == "-":
            total += 1
    return total


def _place_club_at(toks, tags: list[str], i: int, readings, gaz: Gazetteer) -> tuple[tuple[int, str], int]:
    """The reading (proclitic chars, base) of token i and the end of a club named by a place
    starting there (`place_clubs`; `readings`: `_club_starts` of its key), else end 0."""
    tok, nxt = toks[i], toks[i + 1]
    for clitic, base, lead in readings:
        if not lead or base.startswith("ال"):
            if _city_adjective_after(toks, i, base, gaz):
                return (clitic, base), i + 2
        elif not nxt.clitic:
            end = _place_end(toks, i + 1, gaz)
            if end and (base not in gaz.common_words or not _nation(_key(toks, i + 1, end), gaz)):
                return (clitic, base), end
    if tags[i][:2] == "B-" and _foreign_club_word(tok, tags[i], gaz) and not nxt.clitic \
            and gaz.places.get(nxt.key) and not _country(nxt.key, gaz):
        return (0, tok.key), i + 2
    return (0, ""), 0


def _club_starts(k: str, gaz: Gazetteer) -> tuple[tuple[int, str, bool], ...]:
    """The readings (proclitic chars, base, whether a naming word) of a word key that may start
    a club named by a place: a naming word of `club_leads`, or a definite `_unknown_definite`
    word (which needs a city's adjective after it); naming words first."""
    splits = proclitic_splits(k)
    leads = [(c, b, True) for c, b in splits if b in _words().club_leads]
    return tuple(leads + [(c, b, False) for c, b in splits if b.startswith("ال") and _unknown_definite(b, gaz)])


def _foreign_club_word(tok, tag: str, gaz: Gazetteer) -> bool:
    """A foreign word that starts a name the tagger found (ريال/ORG، دينامو/PERS): not a place,
    and no first name where the tagger took it for a person's."""
    return tag in ("B-ORG", "B-PERS", "B-MISC") and _name_word(tok, gaz) and tok.key not in gaz.places \
        and (tag != "B-PERS" or (tok.key not in gaz.given_names and gaz.translit.get(tok.key, 0) < 2))


def _nation(k: str, gaz: Gazetteer) -> bool:
    """A country or world region (not a province: "شباب قسنطينة" is a club, "شباب المغرب" the
    country's youth)."""
    return gaz.places.get(k, ("", 0))[0] in ("country", "region") or (k in gaz.major_places and not gaz.places[k][1])


def _key(toks, s: int, e: int) -> str:
    return " ".join(t.key for t in toks[s:e])


def _place_end(toks, s: int, gaz: Gazetteer) -> int:
    """End of the longest listed place of up to three words at token s, else 0."""
    for e in range(min(len(toks), s + 3), s, -1):
        if _key(toks, s, e) in gaz.places:
            return e
    return 0


def _city_adjective_after(toks, i: int, noun: str, gaz: Gazetteer) -> bool:
    """Token i + 1 is a city's adjective agreeing with the noun at i (المولودية الوجدية)."""
    adj = toks[i + 1]
    return not adj.clitic and adj.key in gaz.city_adjectives and noun.endswith("ه") == adj.key.endswith("يه")


def _unknown_definite(k: str, gaz: Gazetteer) -> bool:
    """A definite word that is no ordinary, sports or listed word (الوداد، الكوكب), or a country
    (المغرب الفاسي: a club named after a country and a city)."""
    if _nation(k, gaz):
        return True
    return len(k) > 4 and k not in gaz.common_words and k not in _words().any and k not in gaz.function_words \
        and k not in gaz.titles and k not in gaz.role_heads and k not in gaz.nationality \
        and k not in gaz.org_triggers and k not in gaz.city_adjectives and k not in gaz.places


def _fits(tags: list[str], s: int, e: int, toks, gaz: Gazetteer) -> bool:
    """No span crosses into [s, e) from before s, and any that goes on past e is an organisation
    starting at s whose name a trigger read too far ("اتحاد الخميسات وعينه"; not the club's
    nationality adjective the tagger read into it, "النادي المكناسي المغربي", which stays)."""
    for typ, a, b in spans(tags):
        if a < e and s < b and (a < s or b > e and (a > s or typ != "ORG" or all(
                t.key in gaz.nationality for t in toks[e:b]))):
            return False
    return True
