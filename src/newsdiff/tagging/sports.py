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
البيضاوي، المغرب الفاسي، دينامو كييف), and so are clubs named by one foreign word, city or
nationality adjective where a club stands (`lone_clubs`: بنفيكا البرتغالي، مرمى سلتيك، لاعب العربي).
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..conll import clear, set_span, spans
from ..normalize import key
from . import context_words
from .features import base_form, proclitic_splits, with_proclitics
from .gazetteer import Gazetteer

WINDOW = 4  # words between a win/draw word and "على"/"مع"
ON, WITH = key("على"), key("مع")
SENTENCE_EVIDENCE = 2  # sports words that make a sentence about sport
ARTICLE_EVIDENCE = 4  # ... and an article a match report, whose every sentence is about sport


class _Words(NamedTuple):
    """The sports lists of seeds/context_words.yaml as keys with their proclitics."""

    words: frozenset[str]
    weak_words: frozenset[str]
    club_heads: frozenset[str]
    opponent_words: frozenset[str]
    win_words: frozenset[str]
    draw_words: frozenset[str]
    club_nouns: frozenset[str]
    score_nouns: frozenset[str]
    host_words: frozenset[str]
    any: frozenset[str]  # all of them
    weights: dict[str, float]  # evidence of sport: 1 for `words`, 0.5 for `weak_words`
    club_leads: frozenset[str]  # without proclitics (`_lead` reads them off); not sports words


@lru_cache(maxsize=1)
def _words() -> _Words:
    sports = context_words.load().sports
    lists = [with_proclitics(sports[name]) for name in _Words._fields[:-3]]
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
    """A country, region or province; a hand-listed major place with no city record
    (الإمارات), which is a country's short name; or the country of a nationality adjective,
    whatever town shares its name (الكونغو، فلسطين)."""
    kind, population = gaz.places.get(k, ("", 0))
    if kind in _COUNTRY_KINDS or (k in gaz.major_places and not population):
        return True
    countries = gaz.word_cache("nationality_countries")  # filled once: the countries as keys
    if not countries:
        countries.update(dict.fromkeys(gaz.nationality.values()))
    return k in countries


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
        e = _club_at(toks, tags, i + 1, gaz, toks[i].key.endswith("نادي"))
        if e and toks[i].key.endswith("ي") and e < len(toks) and toks[e].key[:1] == "و" and len(toks[e].key) > 3:
            # فريقي، ناديي، منتخبي: the dual names two clubs ("فريقي الجيش الملكي وأولمبيك خريبكة")
            tok = toks[e]
            tok.clitic, tok.base = 1, tok.key[1:]
            if not _club_at(toks, tags, e, gaz):
                tok.clitic, tok.base = 0, tok.key


def _club_at(toks, tags: list[str], s: int, gaz: Gazetteer, club: bool = False) -> int:
    """Tag the club's name starting at token s as ORG and return its end; 0 when none starts there.
    `club`: the head is نادي, after which a definite common word is a name too (نادي الوحدة)."""
    if s >= len(toks) or not _club_word(toks[s], tags[s], gaz):
        return 0
    e = s + 1
    if e < len(toks) and toks[s].base in _words().club_leads and not toks[s].base.startswith("ال") \
            and tags[e] == "O" and not toks[e].clitic and toks[e].key.startswith("ال") and toks[e].key.isalpha() \
            and toks[e].key not in gaz.function_words and toks[e].key not in _words().any:
        e += 1  # a club's naming word and what it names (شباب المسيرة)
    while e < len(toks) and e - s < MAX_CLUB_WORDS and tags[e] == "O" and _adjective_or_place(toks[e], gaz):
        e += 1
    if e == s + 1 and toks[s].base in gaz.common_words and not (club and toks[s].base.startswith("ال")):
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


# What one word may be as a club's whole name (`_lone_kind`): a foreign word no list knows
# as a person's name (بنفيكا، سلتيك); a city, not a country (ليون); a definite masculine
# nationality adjective read as a noun (العربي، المصري).
_FOREIGN, _CITY, _ADJECTIVE = 1, 2, 3


def lone_clubs(toks, tags: list[str], gaz: Gazetteer, sport: float | None = None) -> None:
    """In a sentence about sport, clubs that no head word or place names:
    - one word before a masculine nationality adjective: a foreign word or a city (بنفيكا
      البرتغالي، ليون الفرنسي; "رونالدو البرازيلي", a known name, stays a person);
    - a foreign word or a city after a club noun or a host word ("مرمى سلتيك"، "على مضيفه
      بنفيكا"); a city also where `clubs` reads one (after an opponent word, "على" after a win
      word, before a score), a foreign word not, since a player is beaten too; a city right
      after the foreign word is the club's too (أسيك أبيدجان);
    - a nationality adjective after a club noun, which makes it a noun (لاعب العربي; after a
      score noun only where no name follows: not "هدفي البرازيلي رونالدو");
    - the untagged words of a fixture "X ( country )" between a dash, colon or bracket and
      the bracket (غلطة سراي);
    and, by `_club_spans`, the head word out of a club's span (فريق [ميلان]، نادي [أرسنال])
    and two clubs the tagger joined by و split (أرسنال وموناكو). Each club found or redone
    counts as evidence of sport (CLUB_EVIDENCE), twice where two signs make it one (`_two_signs`)."""
    sport = evidence(toks, tags, gaz) if sport is None else sport
    if not sport:
        return  # no sports word at all: clubs alone would need four signs (none seen in news)
    found, s, n = [], 0, len(toks)
    cache = gaz.word_cache("lone_club")
    while s < n:
        k = toks[s].key
        kind = cache.get(k)
        if kind is None:
            kind = cache[k] = _lone_kind(k, gaz)
        e = kind and _lone_club_end(toks, tags, s, kind, gaz)
        if not e and (not s or toks[s - 1].key in _DELIMITERS):
            e = _fixture_end(toks, tags, s, gaz)
        if e:
            found.append((s, e))
        s = e or s + 1
    fixes = _club_spans(toks, tags, gaz) if "B-ORG" in tags else []
    if not (found or fixes) or sport + CLUB_EVIDENCE * (sum(_two_signs(toks, s, e, gaz) for s, e in found)
                                                        + sum(len(parts) for _, _, parts in fixes)) < SENTENCE_EVIDENCE:
        return
    for s, e in found:
        end = e
        while end < n and tags[end][:2] == "I-":
            end += 1  # the adjective the tagger read into the name ("ارسنال الانكليزي")
        clear(tags, s, end)
        set_span(tags, s, e, "ORG")
    for s, e, parts in fixes:
        clear(tags, s, e)
        for a, b in parts:
            set_span(tags, a, b, "ORG")
            toks[a].clitic, toks[a].base = _reading(toks[a], gaz)


def _two_signs(toks, s: int, e: int, gaz: Gazetteer) -> int:
    """2 for a club both where a club stands and before a masculine nationality adjective
    ("مع ميلان الإيطالي"), else 1: a guest or an opponent alone may be a person ("ضيفه بوريل")."""
    prev = toks[s - 1].key if s else ""
    w = _words()
    slot = prev in w.club_nouns or prev in w.host_words or _slot_before(toks, s)
    return 2 if slot and e < len(toks) and _masculine_adjective(toks[e].key, gaz) else 1


_DELIMITERS = frozenset(["-", ":", ")", "،", ",", "."])
MAX_FIXTURE_WORDS = 3


def _fixture_end(toks, tags: list[str], s: int, gaz: Gazetteer) -> int:
    """The end of untagged words starting at token s (after a delimiter or at the sentence's
    start) that fill the place of a club before "( country )" (`_country_in_brackets`), else 0."""
    w = _words()
    for e in range(s, min(len(toks), s + MAX_FIXTURE_WORDS + 1)):
        if toks[e].key == "(":
            return e if e > s and _country_in_brackets(toks, tags, e, gaz) else 0
        k = toks[e].key
        if tags[e] != "O" or not k.isalpha() or k in gaz.function_words or k in w.any:
            return 0
    return 0


def _club_spans(toks, tags: list[str], gaz: Gazetteer) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Organisation spans to redo as [(start, end, club spans)]: a head word فريق/نادي before
    the name (فريق ميلان → ميلان), two names joined by و (أرسنال وموناكو, the second a place
    or a foreign word)."""
    out = []
    heads = _words().club_heads
    for typ, s, e in spans(tags):
        if typ != "ORG" or e - s < 2:
            continue
        if toks[s].key in heads and not toks[s].key.endswith("ي") and not _country(toks[s + 1].key, gaz):
            out.append((s, e, [(s + 1, e)]))
        elif e - s == 2 and _and_club(toks[s + 1], gaz):
            out.append((s, e, [(s, s + 1), (s + 1, e)]))
    return out


def _and_club(tok, gaz: Gazetteer) -> bool:
    """A word و + a place or a foreign word (وموناكو)."""
    k = tok.key
    return k[:1] == "و" and len(k) > 4 and (k[1:] in gaz.places or _lone_kind(k[1:], gaz) == _FOREIGN)


def _reading(tok, gaz: Gazetteer) -> tuple[int, str]:
    """The token's proclitic and base: و read off a place or foreign word after it."""
    return (1, tok.key[1:]) if _and_club(tok, gaz) else (tok.clitic, tok.base)


def _lone_kind(k: str, gaz: Gazetteer) -> int:
    """What a word key may be as a club's whole name, read with the proclitic the lexicon
    prefers (وليون: و + ليون); 0 when nothing. No reading of a foreign word may be a listed
    or inflected word (بنتيجة، بنظيره), a definite word (والاهلي) or a nisba in ية (ماراثونية)."""
    clitic, b = base_form(k, gaz)
    if b in gaz.nationality:
        return _ADJECTIVE if not clitic and b.startswith("ال") and not b.endswith(("ه", "ون", "ين")) else 0
    if b in gaz.places:
        return _CITY if not (_country(b, gaz) or _listed(k, gaz) or _listed(b, gaz) or _inflected(b, gaz)) \
            else 0  # not كبيرا (ك + بيرا)
    if len(b) < 3 or not b.isalpha() or b.endswith("يه") or _person_word(b, gaz) or any(
            r.startswith("ال") or _listed(r, gaz) or _inflected(r, gaz) for _, r in proclitic_splits(k)):
        return 0
    return _FOREIGN


def _listed(k: str, gaz: Gazetteer) -> bool:
    """An ordinary, sports or function word, a title, role noun or speech verb."""
    return k in gaz.common_words or k in _words().any or k in gaz.function_words or k in gaz.titles \
        or k in gaz.role_heads or k in gaz.speech_verbs


_SUFFIXES = ("ه", "ها", "هم", "هما", "ي", "ا", "ات", "ين", "ون", "ان", "تين", "تان")


def _inflected(k: str, gaz: Gazetteer) -> bool:
    """A listed word (`_listed`) with an ending: a pronoun, the accusative ا, a plural or dual
    (جمهوره، صعبا، درجات، مدربين); or a noun in ة with a pronoun (ركبته، ركبتها): an Arabic
    word, not a foreign name."""
    if k.endswith(("ته", "تها", "تهم")):
        return True
    for suffix in _SUFFIXES:
        stem = k[: -len(suffix)]
        if k.endswith(suffix) and len(stem) >= 2 and (
                _listed(stem, gaz) or _listed(stem + "ه", gaz) or _listed(stem[:-1] + "ه", gaz) and stem[-1] == "ت"):
            return True
    return False


def _lone_club_end(toks, tags: list[str], s: int, kind: int, gaz: Gazetteer) -> int:
    """The end of a club named by token s of `_lone_kind` kind in its context, else 0."""
    n = len(toks)
    w, prev = _words(), toks[s - 1] if s else None
    if not _free_word(toks, tags, s, kind, gaz, prev is not None and (prev.key in w.club_nouns
                                                                     or prev.key in w.host_words)):
        return 0
    if kind == _ADJECTIVE:  # the genitive of a noun without a pronoun ("ضيفه الكونغولي" is an adjective)
        if prev is None or prev.key not in w.club_nouns and prev.key not in w.score_nouns \
                or prev.key in w.host_words:
            return 0
        nxt = toks[s + 1] if s + 1 < n else None
        return s + 1 if prev.key in w.club_nouns or nxt is None or tags[s + 1] == "O" and not _person_word(nxt.base, gaz) \
            else 0
    e = s + 1
    if kind == _FOREIGN and e < n and not toks[e].clitic and gaz.places.get(toks[e].key) \
            and not _country(toks[e].key, gaz) and tags[e] in ("O", "B-LOC") and _free_word(toks, tags, e, _CITY, gaz):
        e += 1  # أسيك أبيدجان
    if e < n and _masculine_adjective(toks[e].key, gaz):
        # not a person's last name or one after a title ("المدرب X الفرنسي")
        return e if prev is None or not (_person_word(prev.base, gaz) or prev.base in gaz.titles
                                         or prev.base in gaz.role_heads) else 0
    if prev is not None and (prev.key in w.club_nouns or prev.key in w.host_words):
        return e
    # a player is beaten too, and stands before a score ("فاز على بغداديس 6 - 4"): a city only
    return e if kind == _CITY and (_slot_before(toks, s) or _subject(toks, s, e) or _score_at(toks, e)) else 0


def _person_word(b: str, gaz: Gazetteer) -> bool:
    """A given name or a foreign name word the gazetteers know, and no function word (من)."""
    return (b in gaz.given_names or gaz.translit.get(b, 0) >= 2) and b not in gaz.function_words


def _free_word(toks, tags: list[str], s: int, kind: int, gaz: Gazetteer, slot: bool = False) -> bool:
    """Token s is untagged, or a name of its own (not a person's, unless a city), or one the
    tagger read together with a nationality adjective after it ("ارسنال الانكليزي"; a person's
    so read only after a club or host noun: "ضيفه ريزسبور التركي")."""
    tag = tags[s]
    if tag == "O":
        return True
    if tag[0] != "B":
        return False
    end = s + 1
    while end < len(tags) and tags[end][0] == "I":
        end += 1
    with_adjective = end == s + 2 and _masculine_adjective(toks[s + 1].key, gaz)
    if tag == "B-PERS" and kind != _CITY:
        return slot and with_adjective
    return end == s + 1 or with_adjective
