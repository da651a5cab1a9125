"""Organisations named by their context where no list knows them (seeds/organisation_words.yaml).

- parties and movements: حزب + a definite word ("حزب الليكود"), a movement word + a word spelled
  like a foreign name ("حركة كاديما"), and a movement word + an Arabic definite word after a word
  of leadership or membership ("زعيم تنظيم القاعدة", "كتلة تيار المستقبل"); the span keeps its
  head word, and the name alone is the same organisation where the article repeats it
  (`repeats`: "الليكود", "بالقاعدة");
- companies: the names after شركة/شركتي/شركات ("شركتي تويوتا وجنرال موتورز"), two brands
  "X / Y", a foreign-spelled word before "شركة" in apposition, and such a word no list knows
  as the subject of a feminine verb of business ("اختارت موتورولا");
- outlets: a definite word after صحيفة/جريدة/مجلة ("صحيفة الرأي الأردنية"), an unlisted one after
  قناة ("قناة المحور"), an unlisted word before التلفزيونية/الفضائية ("أوربت التلفزيونية"), the
  agency of a dateline ("البحرين - الرأي -"), a place's name quoted after a dateline's colon or
  لـ ("لـ«الشرق الأوسط»"), and an acronym in brackets or quotes after the name of a body ("( إيساف )");
- banks (`banks`): a bank word and a place ("مصرف لبنان", "بنك الكويت الوطني"), or a definite bank
  word, words of its kind and a nationality adjective ("البنك المركزي المصري");
- universities and institutes named after a person (`eponyms`): "جامعة الملك سعود".

"Spelled like a foreign name" is `namelike.score`. The rules tag untagged words only, except
a one-word "person" in a brand pair, a place named as a newspaper, the place or club
reading of a bank's name, and the person a university is named after.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import yaml

from ..conll import set_span, spans
from ..normalize import key
from ..resources import seeds_dir
from . import namelike
from .features import known, proclitic_splits, with_proclitics
from .gazetteer import Gazetteer
from .marks import DEFINITE, PUNCT_STOP

BRAND = 0.0  # a company's name after شركة needs a score from here (توتال 0.5; تابعة −1.5)
_LATIN = re.compile(r"[A-Za-z][A-Za-z.&-]*")
_STOPS = PUNCT_STOP | {"/"}
_QUOTES = {"\"", "“", "”", "«", "»", "'"}
_DEMONSTRATIVES = {key(w) for w in ("هذه", "هذا", "تلك", "ذلك")}


class _Words(NamedTuple):
    party_heads: frozenset[str]
    party_descriptors: frozenset[str]
    movement_heads: frozenset[str]
    arabic_body_heads: frozenset[str]
    member_heads: frozenset[str]
    company_heads: frozenset[str]
    business_verbs: frozenset[str]
    newspaper_heads: frozenset[str]
    channel_heads: frozenset[str]
    media_adjectives: frozenset[str]
    acronym_heads: frozenset[str]
    bank_heads: frozenset[str]
    bank_kinds: frozenset[str]
    eponym_heads: frozenset[str]
    months: frozenset[str]  # month names of seeds/calendar.yaml ("أبريل / نيسان" is no pair of brands)


@lru_cache(maxsize=1)
def words() -> _Words:
    """The lists of seeds/organisation_words.yaml as match keys, read once."""
    from .dates import calendar

    data = yaml.safe_load((seeds_dir() / "organisation_words.yaml").read_text(encoding="utf-8"))
    months = {key(w) for forms in calendar()["months"].values() for names in forms.values() for w in names}
    lists = {name: frozenset(k for k in (key(str(w)) for w in data[name]) if k) for name in _Words._fields[:-1]}
    return _Words(**lists, months=frozenset(months))


# What a word can do for these rules (`_cues`): roles of seeds/organisation_words.yaml it has
# with or without a proclitic, or a punctuation mark a rule starts from.
MOVEMENT, MEMBER, COMPANY, VERB, NEWSPAPER, CHANNEL, MEDIA_ADJECTIVE, BODY_HEAD, MARK = (
    "movement", "member", "company", "verb", "newspaper", "channel", "media_adjective", "body_head", "mark")
_MARKS = {"/", "(", "-", "\"", "«", "“", "'"}


def _roles(gaz: Gazetteer) -> dict[str, frozenset[str]]:
    """Base key -> the roles it has (computed once per gazetteer)."""
    cache = gaz.word_cache("org_roles")
    hit = cache.get(None)
    if hit is None:
        w = words()
        tables = ((MOVEMENT, w.movement_heads), (MEMBER, w.member_heads), (COMPANY, w.company_heads),
                  (VERB, w.business_verbs), (NEWSPAPER, w.newspaper_heads), (CHANNEL, w.channel_heads),
                  (BODY_HEAD, w.acronym_heads | gaz.org_triggers | gaz.media_triggers))
        roles: dict[str, set[str]] = {}
        for role, table in tables:
            for k in table:
                roles.setdefault(k, set()).add(role)
        hit = cache[None] = {k: frozenset(v) for k, v in roles.items()}
    return hit


def _cues(toks, gaz: Gazetteer) -> list[frozenset[str] | None]:
    """Each token's roles (None for most words), memoised per word key."""
    cache = gaz.word_cache("org_cues")
    out = [cache.get(t.key, 0) for t in toks]  # 0: not seen yet
    if 0 in out:
        for i, c in enumerate(out):
            if c == 0:
                out[i] = cache[toks[i].key] = _word_cues(toks[i].key, gaz)
    return out


def _word_cues(k: str, gaz: Gazetteer) -> frozenset[str] | None:
    if k in _MARKS:
        return frozenset({MARK})
    roles = _roles(gaz)
    found = {r for _, b in proclitic_splits(k) for r in roles.get(b, ())}
    if k in words().media_adjectives:
        found.add(MEDIA_ADJECTIVE)
    return frozenset(found) or None


def _reading(tok, table: frozenset[str]) -> tuple[int, str] | None:
    """(proclitic chars, base) of a token that is a word of `table` with or without a proclitic."""
    for clitic, base in proclitic_splits(tok.key):
        if base in table:
            return clitic, base
    return None




def _definite(k: str) -> bool:
    """A key with the article, after a proclitic or not (الرأي، للقناة، وبالقاعدة), and three
    letters or more after it (فاليو is no ف + ال + يو)."""
    m = DEFINITE.match(k)
    return m is not None and len(k) - m.end() >= 3


def _foreign(k: str, gaz: Gazetteer) -> bool:
    """A word no list knows, not definite and spelled like a foreign name; memoised."""
    cache = gaz.word_cache("org_foreign")
    hit = cache.get(k)
    if hit is None:
        hit = cache[k] = len(k) >= 3 and not _definite(k) and _unlisted(k, gaz) \
            and (namelike.score(k) >= namelike.FOREIGN or _LATIN.fullmatch(k) is not None)
    return hit


def _unlisted(k: str, gaz: Gazetteer) -> bool:
    return not known(k, gaz) and k not in gaz.common_words and k not in gaz.function_words \
        and k not in words().months


def _whole_word_org(tok, tags: list[str], i: int) -> None:
    """Tag token i alone as an organisation, read as the whole word it was judged as (فاليو is no
    ف + اليو)."""
    tok.clitic, tok.base = 0, tok.key
    tags[i] = "B-ORG"


def _untagged(tags: list[str], i: int, j: int) -> bool:
    return all(t == "O" for t in tags[i:j])


def apply(toks, tags: list[str], gaz: Gazetteer) -> None:
    """All the rules of this module, on one sentence's tokens and tags."""
    cues = _cues(toks, gaz)
    at = [i for i, c in enumerate(cues) if c]  # few words of a sentence have a role
    if not at:
        return
    found = set().union(*(cues[i] for i in at))
    if MOVEMENT in found:
        movements(toks, tags, cues, at, gaz)
    if found & {COMPANY, VERB, MARK}:
        companies(toks, tags, cues, at, gaz)
    if found & {NEWSPAPER, CHANNEL, MEDIA_ADJECTIVE, MARK}:
        outlets(toks, tags, cues, at, gaz)


def movements(toks, tags: list[str], cues, at: list[int], gaz: Gazetteer) -> None:
    """Parties and movements: head word + name (see the module docstring). `cues` are
    `_cues(toks)`, `at` the positions of the words that have any."""
    w = words()
    for i in at:
        if MOVEMENT not in cues[i] or i + 1 == len(toks) or tags[i] != "O" or tags[i + 1] != "O":
            continue
        reading = _reading(toks[i], w.movement_heads)
        if reading is None:
            continue
        end = _movement_end(toks, tags, i, reading[1], gaz)
        if end > i + 1:
            toks[i].clitic, toks[i].base = reading
            set_span(tags, i, end, "ORG")


def _movement_end(toks, tags: list[str], i: int, head: str, gaz: Gazetteer) -> int:
    """End of the name after the head word at i, else i."""
    w = words()
    j = i + 1
    while j < len(toks) and j - i <= 3 and tags[j] == "O" and _foreign_body(toks[j].key, gaz):
        j += 1
    if j > i + 1:
        return j
    if head not in w.arabic_body_heads:
        return i
    if head not in w.party_heads and not (i > 0 and _reading(toks[i - 1], w.member_heads)):
        return i
    while j < len(toks) and j - i <= 3 and tags[j] == "O" and _arabic_body(toks[j], j == i + 1, gaz):
        j += 1
    return j if j > i + 1 else i


def _foreign_body(k: str, gaz: Gazetteer) -> bool:
    """A name word of a movement: spelled like a foreign name, with or without the article
    (كاديما، الليكود)."""
    if _definite(k):
        return k not in gaz.common_words and k not in gaz.nationality and _foreign(k[2:], gaz)
    return _foreign(k, gaz)


def _arabic_body(tok, first: bool, gaz: Gazetteer) -> bool:
    """A definite word of a party's name (the first has no proclitic; the next may be "و+ال":
    "العدالة والتنمية"); not a nationality, title, place or describing word."""
    k = tok.key
    if not first and k[:2] == "وا" and _definite(k[1:]):
        k = k[1:]
    return k.startswith("ال") and _definite(k) and k not in gaz.nationality and k not in gaz.titles and k not in gaz.role_heads \
        and k not in gaz.function_words and k not in gaz.places and k not in words().party_descriptors


def companies(toks, tags: list[str], cues, at: list[int], gaz: Gazetteer) -> None:
    """Companies named after a company word, in "X / Y" pairs of brands, before "شركة" in
    apposition, and as the subject of a verb of business."""
    n = len(toks)
    for i in at:
        c = cues[i]
        if i + 1 == n:
            break
        if COMPANY in c and tags[i] == "O":
            _company_list(toks, tags, i + 1, gaz)
        if 0 < i and toks[i].text == "/" and _pair_word(toks[i - 1], tags[i - 1], tags[i], gaz) \
                and _pair_word(toks[i + 1], tags[i + 1], tags[i + 2] if i + 2 < n else "O", gaz) \
                and any(tags[j] != "O" or _foreign(toks[j].key, gaz) for j in (i - 1, i + 1)):
            for j in (i - 1, i + 1):
                _whole_word_org(toks[j], tags, j)
        # the word before "شركة" in apposition, or after a verb of business
        j = i - 1 if COMPANY in c and toks[i].key in ("شركه", "الشركه") else i + 1 if VERB in c else -1
        if j == i - 1 and toks[i].key == "الشركه":  # "توتال، الشركة الفرنسية"
            j = i - 2 if i > 1 and toks[i - 1].text == "،" else -1
        if j < 0 or tags[j] != "O" or toks[j].clitic or not _foreign(toks[j].key, gaz):
            continue
        if j == i + 1 and j + 1 < n and (tags[j + 1].endswith("PERS") or _foreign(toks[j + 1].key, gaz)):
            continue  # two foreign words: a person's name as likely as a company's
        tags[j] = "B-ORG"


def _pair_word(tok, tag: str, after: str, gaz: Gazetteer) -> bool:
    """One side of "X / Y" (`after`: the next word's tag): an organisation, a one-word "person"
    spelled like a foreign name, or an untagged word that is not definite, not a month, place
    or given name."""
    if tag.endswith("ORG") and not tag.startswith("I"):
        return True
    k = tok.key
    if tag == "B-PERS":  # a foreign word the tagger took for a one-word person
        return not (after.endswith("PERS") and after.startswith("I")) and _foreign(k, gaz)
    return tag == "O" and not _definite(k) and k not in words().months and k not in gaz.places \
        and k not in gaz.given_names and k not in gaz.common_words and len(k) >= 3


def _company_list(toks, tags: list[str], j: int, gaz: Gazetteer) -> None:
    """Tag the names from token j: one or more of up to three words each, joined by و or "،"
    ("تويوتا وجنرال موتورز"). A title word may start a name (جنرال موتورز)."""
    n = len(toks)
    first = True
    while j < n:
        conj = False
        if not first:
            comma = toks[j].text == "،"
            if comma:
                j += 1
                if j >= n:
                    return
            conj = toks[j].key[:1] == "و" and len(toks[j].key) > 3 and tags[j] == "O"
            if not (comma or conj or tags[j].startswith("B-ORG") and toks[j].clitic == 1):
                return
        if tags[j].startswith("B-ORG"):
            j += 1
            while j < n and tags[j] == "I-ORG":
                j += 1
            first = False
            continue
        k = j
        while k < n and k - j < 3 and tags[k] == "O" and _company_word(toks[k], k == j and conj, k == j, gaz):
            k += 1
        if k == j or not any(_brand_key(_word_key(toks[m], m == j and conj), gaz) for m in range(j, k)):
            return
        if conj:
            toks[j].clitic, toks[j].base = 1, toks[j].key[1:]
        set_span(tags, j, k, "ORG")
        first = False
        j = k


def _word_key(tok, conj: bool) -> str:
    return tok.key[1:] if conj else tok.key


def _company_word(tok, conj: bool, first: bool, gaz: Gazetteer) -> bool:
    k = _word_key(tok, conj)
    return _brand_key(k, gaz) or (first and not _definite(k) and (k in gaz.titles or k in gaz.role_heads))


def _brand_key(k: str, gaz: Gazetteer) -> bool:
    if _definite(k) or len(k) < 3 or k in gaz.common_words or k in gaz.function_words \
            or k in gaz.nationality or k in words().months:
        return False
    return k in gaz.orgs or gaz.translit.get(k, 0) > 0 or namelike.score(k) >= BRAND \
        or _LATIN.fullmatch(k) is not None


def outlets(toks, tags: list[str], cues, at: list[int], gaz: Gazetteer) -> None:
    """Newspapers, channels and agencies (see the module docstring)."""
    n = len(toks)
    for i in at:
        if i + 1 == n:
            break
        c, nxt = cues[i], toks[i + 1]
        if nxt.clitic or not _definite(nxt.key):
            continue
        if NEWSPAPER in c:
            if tags[i + 1] == "O" and _paper_name(toks, i + 1, gaz):
                tags[i + 1] = "B-ORG"
            elif tags[i + 1] == "B-LOC":  # a paper named for a place: "صحيفة الشرق الأوسط"
                end = i + 2
                while end < n and tags[end] == "I-LOC":
                    end += 1
                set_span(tags, i + 1, end, "ORG")
        elif CHANNEL in c and tags[i + 1] == "O" and _unlisted(nxt.key, gaz) and nxt.key[2:] not in gaz.places:
            tags[i + 1] = "B-ORG"
    for a in at:
        i = a - 1
        if i >= 0 and MEDIA_ADJECTIVE in cues[a] and tags[i] == "O" and not toks[i].clitic \
                and not _definite(toks[i].key) and len(toks[i].key) >= 3 and _unlisted(toks[i].key, gaz):
            tags[i] = "B-ORG"
    marks = [i for i in at if MARK in cues[i]]
    if marks:
        _dateline_agency(toks, tags)
        _quoted_outlets(toks, tags, marks)
        _acronyms(toks, tags, cues, marks, gaz)


def _paper_name(toks, j: int, gaz: Gazetteer) -> bool:
    """The definite word at j after a newspaper word names it: not a feminine adjective agreeing
    with صحيفة ("الصحيفة الرسمية"), a nationality or a function word; an ordinary word
    ("الرأي", "الحياة") only before the paper's nationality or city ("صحيفة الحياة اللندنية")."""
    k = toks[j].key
    if k.endswith("يه") or k in gaz.nationality or k in gaz.function_words:
        return False
    if k not in gaz.common_words:
        return True
    after = toks[j + 1].key if j + 1 < len(toks) else ""
    return after in gaz.nationality or after in gaz.city_adjectives


def _dateline_agency(toks, tags: list[str]) -> None:
    """"PLACE - AGENCY -" opening a sentence: the agency is an organisation."""
    for d in (1, 2):
        if len(toks) > d + 3 and toks[d].text == "-" and toks[d + 2].text == "-" \
                and all(t.text.isalpha() for t in toks[: d + 2 : 1] if t.text != "-") \
                and tags[d + 1] == "O" and not any(t.endswith("PERS") for t in tags[:d]):
            tags[d + 1] = "B-ORG"
            return


def _quoted_outlets(toks, tags: list[str], marks: list[int]) -> None:
    """A place's name in quotes after a dateline's colon or "لـ" is a newspaper named for it:
    "لندن: « الشرق الأوسط »", "وقال لـ « الشرق الأوسط »"."""
    for i in marks:
        if not 0 < i < len(toks) - 2 or toks[i].text not in _QUOTES or tags[i + 1] != "B-LOC" or not (
                toks[i - 1].text in (":", "ـ") or toks[i - 1].key == "ل"):
            continue
        end = i + 2
        while end < len(toks) and tags[end] == "I-LOC":
            end += 1
        if end < len(toks) and toks[end].text in _QUOTES:
            set_span(tags, i + 1, end, "ORG")


def _acronyms(toks, tags: list[str], cues, marks: list[int], gaz: Gazetteer) -> None:
    """"( X )" after the name of a body that starts with an organisation, media or force word
    at most eight words back, or right after an organisation; "« X »" after such a word and
    definite words ("وكالة الأنباء الرسمية « سونا »"): X is the body's acronym."""
    for i in marks:
        if not 0 < i < len(toks) - 2:
            continue
        bracket = toks[i].text == "("
        if not (bracket or toks[i].text in _QUOTES) or tags[i + 1] != "O" \
                or toks[i + 2].text not in (")", "\"", "»", "”") or not _foreign(toks[i + 1].key, gaz):
            continue
        if bracket and tags[i - 1].endswith("ORG"):
            _whole_word_org(toks[i + 1], tags, i + 1)
            continue
        j = i - 1
        while j >= 0 and i - j <= 8 and toks[j].text not in _STOPS:
            if cues[j] and BODY_HEAD in cues[j]:
                if bracket or all(_definite(t.key) for t in toks[j + 1 : i]):
                    _whole_word_org(toks[i + 1], tags, i + 1)
                break
            if not bracket and not _definite(toks[j].key):
                break
            j -= 1


@lru_cache(maxsize=1)
def _head_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Every key a bank head or an eponym head may have, with its proclitics (a cheap
    test before `_reading`)."""
    w = words()
    return with_proclitics(w.bank_heads), with_proclitics(w.eponym_heads)


def banks(toks, tags: list[str], gaz: Gazetteer) -> None:
    """Tag a bank named by its place, or by its kind and nationality, with the bank word, over
    what the name alone was read as (the place "لبنان", the club "الأهلي"); run after the
    club rules."""
    w, heads = words(), _head_keys()[0]
    for i, tok in enumerate(toks):
        found = _reading(tok, w.bank_heads) if tok.key in heads else None
        if found is None or tags[i].startswith("I-"):
            continue
        definite = found[1].startswith("ال")
        j = i + 1
        place = not definite and j < len(toks) and tags[j] == "B-LOC"
        if place:
            j += 1
            while j < len(toks) and tags[j] == "I-LOC":
                j += 1
        k = j
        while k < len(toks) and toks[k].key in w.bank_kinds:
            k += 1
        end = k
        while end < len(toks) and toks[end].key in gaz.nationality:
            end += 1
        if not (place or (definite and j < k < end)):
            continue
        if (end < len(toks) and tags[end].startswith("I-")) or any(
                t != "O" and t[2:] not in ("ORG", "LOC") for t in tags[i:end]):
            continue
        set_span(tags, i, end, "ORG")


def eponym_head(tok) -> bool:
    """Whether `tok` is the head of a body named after a person (`eponyms`): the person in
    its name is no mention of that person."""
    return tok.key in _head_keys()[1] and _reading(tok, words().eponym_heads) is not None


def eponyms(toks, tags: list[str], gaz: Gazetteer) -> None:
    """Tag a university or institute in construct with a person's name, and any title before
    it ("جامعة الملك سعود", "جامعة جورج واشنطن"), as one organisation, over the person; a
    definite head is not in construct ("اتهمت الجامعة ترامب")."""
    for i, tok in enumerate(toks):
        if tags[i] != "O" or not eponym_head(tok):
            continue
        j = i + 1
        while j < len(toks) and tags[j] == "O" and toks[j].base in gaz.titles:
            j += 1
        if j >= len(toks) or tags[j] != "B-PERS":
            continue
        j += 1
        while j < len(toks) and tags[j] == "I-PERS":
            j += 1
        set_span(tags, i, j, "ORG")


def repeats(sents, gaz: Gazetteer) -> None:
    """A party or movement found with its head word ("حزب الليكود") is the same organisation
    where the article names it without the head ("الليكود", "بالقاعدة"); not after a
    demonstrative ("هذه القاعدة") nor before a definite adjective ("القاعدة العسكرية")."""
    w = words()
    bodies: set[tuple[str, ...]] = set()
    for _, toks, tags in sents:
        if "B-ORG" not in tags:
            continue
        for typ, s, e in spans(tags):
            body = [t.key for t in toks[s + 1 : e]]
            if typ == "ORG" and body and toks[s].base in w.movement_heads and _definite(body[0]) \
                    and not any(k in gaz.nationality or k in gaz.common_words or k in gaz.places for k in body):
                bodies.add(tuple(body))
    if not bodies:
        return
    firsts = {b[0]: b for b in bodies}
    for _, toks, tags in sents:
        for i, tok in enumerate(toks):
            if tags[i] != "O":
                continue
            for clitic, base in proclitic_splits(tok.key):
                body = firsts.get(base)
                if body is None:
                    continue
                end = i + len(body)
                if end > len(toks) or tuple([base] + [t.key for t in toks[i + 1 : end]]) != body \
                        or not _untagged(tags, i, end) \
                        or (i > 0 and toks[i - 1].key in _DEMONSTRATIVES) \
                        or (end < len(toks) and _definite(toks[end].key) and toks[end].key.endswith(("ي", "يه"))):
                    continue
                tok.clitic, tok.base = clitic, base
                set_span(tags, i, end, "ORG")
                break
