"""Contextual rules on top of the CRF: gazetteer phrases, organisation patterns,
titles and apposition for persons, adjectives that are never places, and roles.

Rules work on `Token`s of one sentence and a BIO tag list (PERS/LOC/ORG/MISC).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..conll import clear, set_span, spans
from . import context_words, namelike, sports
from . import organisations as named_by_context
from .features import base_form, known, proclitic_splits
from .gazetteer import Gazetteer
from .marks import DEFINITE, PUNCT_STOP, QUOTES
# إن/أن with a conjunction, preposition or pronoun, written with its hamza (فإن، وأن، لأنه):
# never part of a name. Match keys drop the hamza, and "فان" may then be "Van".
_PARTICLE = re.compile(r"[وفبلك]?[أإ]ن(?:ه|ها|هم|هما|هن)?")
_MARKS = re.compile(r"[\u064b-\u0652\u0640]")


@dataclass(slots=True)
class Token:
    """A word or punctuation mark: text as written, offsets, key and proclitic split."""

    text: str
    start: int
    end: int
    key: str
    clitic: int  # key characters of proclitic (و ف ب ل ك, لل counts one)
    base: str  # key without the proclitic (لل + X gives الX)


def make_tokens(items: list[tuple[str, int, int, str]], gaz: Gazetteer) -> list[Token]:
    """Tokens from (text, start, end, key) tuples."""
    out = []
    for text, start, end, k in items:
        n, base = base_form(k, gaz)
        out.append(Token(text, start, end, k, n, base))
    return out


def _name_like(tok: Token, tag: str, gaz: Gazetteer, unknown_ok: bool = False) -> bool:
    """Could this token be part of a person's name? (`unknown_ok`: unlisted words too)"""
    how = _likeness(tok, gaz, gaz.word_cache("name_like"))
    return how == _NAME or (how != _NEVER and (tag.endswith("PERS") or (unknown_ok and how == _UNLISTED)))


# What `_likeness` says of a word: never a name; one only where tagged a person; also
# as an unlisted word (`unknown_ok`); a name word (untagged too).
_NEVER, _IF_PERSON, _UNLISTED, _NAME = range(4)


def _likeness(tok: Token, gaz: Gazetteer, cache: dict) -> int:
    """How `_name_like` reads a token, memoised in `cache` (gaz.word_cache("name_like"))."""
    word = (tok.text, tok.key, tok.base)
    how = cache.get(word)
    if how is None:
        how = cache[word] = _name_likeness(tok, gaz)
    return how


def _name_likeness(tok: Token, gaz: Gazetteer) -> int:
    b = tok.base
    if not b or tok.text in PUNCT_STOP or b in gaz.function_words or not b[0].isalpha() or _particle(tok.text):
        return _NEVER
    if b in gaz.nationality or b in gaz.titles or b in gaz.role_heads or b in gaz.strong_places \
            or b in gaz.common_words or tok.key in gaz.common_words:
        return _IF_PERSON
    if b.startswith("ال") and b not in gaz.given_names:
        return _IF_PERSON
    if b in gaz.given_names or gaz.translit.get(b, 0) > 0:
        return _NAME
    return _UNLISTED if len(b) > 2 and not DEFINITE.match(tok.key) else _IF_PERSON


@lru_cache(maxsize=1 << 14)
def _particle(text: str) -> bool:
    """Whether a token as written is إن/أن with its hamza (see _PARTICLE)."""
    return _PARTICLE.fullmatch(_MARKS.sub("", text)) is not None


def particles_not_names(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """A name span never starts with a particle written with its hamza ("فإن ترامب"). What
    follows stays a name if it is two words or more, or a given name: a lone word the
    tagger took for a surname after "فان" (Van) is not one ("فإن لوبي")."""
    if tags.count("O") == len(tags):
        return  # no span (most sentences after the rules have few)
    for typ, s, e in spans(tags):
        if _particle(toks[s].text):
            keep = e - s > 2 or (e - s == 2 and (typ != "PERS" or toks[s + 1].base in gaz.given_names))
            clear(tags, s, e)
            if keep:
                set_span(tags, s + 1, e, typ)


def _free(tags: list[str], i: int, j: int) -> bool:
    """No existing span crosses the boundaries of [i, j) or covers more than it."""
    for _, s, e in spans(tags):
        if s < j and i < e and (s < i or e > j):
            return False
    return True


def _only_inside(found: list[tuple[str, int, int]], i: int, j: int) -> bool:
    """Every span of `found` (the sentence's spans) overlapping [i, j) lies inside it and is
    shorter or MISC (or there is none)."""
    return all(
        (i <= s and e <= j and (e - s < j - i or typ == "MISC"))
        for typ, s, e in found if s < j and i < e
    )


def _phrase_splits(k: str, gaz: Gazetteer) -> tuple[tuple[tuple[int, str], ...], tuple[int, ...]]:
    """The readings (proclitic chars, base) of a word key that start a gazetteer phrase,
    and the numbers of words of the phrases they start, longest first."""
    splits = [(c, b) for c, b in proclitic_splits(k) if b in gaz.phrase_lengths]
    if any(c for c, _ in splits) and (k in gaz.common_words or k in gaz.places):
        # a word that is itself a common word or a place (كبيرا، وجده) is not read as
        # proclitic + place (ك + بيرا، و + جده)
        splits = [(c, b) for c, b in splits if not c]
    return tuple(splits), tuple(sorted({n for _, b in splits for n in gaz.phrase_lengths[b]}, reverse=True))


def gazetteer_phrases(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """Longest strong-place / known-organisation phrases where nothing else is tagged."""
    i = 0
    cache = gaz.word_cache("phrase_splits")
    found_spans = None  # spans(tags), until tags change
    while i < len(toks):
        k = toks[i].key
        hit = cache.get(k)
        if hit is None:
            hit = cache[k] = _phrase_splits(k, gaz)
        splits, lengths = hit
        if not splits:
            i += 1
            continue
        for n in lengths:  # a phrase of another length cannot start here
            if n > len(toks) - i:
                continue
            rest = [t.key for t in toks[i + 1 : i + n]]
            found = [(c, b, gaz.lookup(" ".join([b] + rest))) for c, b in splits]
            found = [f for f in found if f[2] and not (n == 1 and _needs_context(toks, i, f[1], gaz))]
            if found and found_spans is None:
                found_spans = spans(tags)
            if found and _only_inside(found_spans, i, i + n):
                toks[i].clitic, toks[i].base, label = found[0]
                set_span(tags, i, i + n, label)
                found_spans = None
                i += n
                break
            if found and _exactly(tags, i, i + n):
                # the tagger found this very phrase: its first word takes the gazetteer's
                # reading, so that the name starts after the proclitic (للأمم = ل + الأمم)
                toks[i].clitic, toks[i].base, _ = found[0]
                i += n
                break
        else:
            i += 1


def _exactly(tags: list[str], i: int, j: int) -> bool:
    """Tokens [i, j) are one whole span."""
    label = tags[i][2:]
    return tags[i].startswith("B-") and all(t == "I-" + label for t in tags[i + 1 : j]) \
        and (j == len(tags) or tags[j] != "I-" + label)


def _needs_context(toks: list[Token], i: int, base: str, gaz: Gazetteer) -> bool:
    """A place name that is also an ordinary word (بورصة، الزاوية، ينبع) is a place by the
    gazetteer only after a place word (مدينة بورصة), before a direction (بعقوبة شمال بغداد)
    or before a nationality adjective (بورصة التركية); the CRF may still find it from context."""
    if base not in gaz.ambiguous_places:
        return False
    if i > 0 and toks[i - 1].base in gaz.place_triggers:
        return False
    if i + 1 < len(toks) and toks[i + 1].base in gaz.place_directions:
        return False
    # a town is feminine: its adjective agrees (بورصة التركية; not الزاوية اليمنى)
    return not (i + 1 < len(toks) and toks[i + 1].key in gaz.nationality and toks[i + 1].key.endswith("ه"))


def _adjectives(toks: list[Token], j: int, gaz: Gazetteer) -> int:
    """Index after the nationality adjectives starting at j."""
    while j < len(toks) and toks[j].key in gaz.nationality:
        j += 1
    return j


_FIRST_WORDS: dict[int, tuple[set[str], frozenset[str]]] = {}


def _first_words(table: set[str]) -> frozenset[str]:
    """The first words of a phrase table's entries (computed once per table)."""
    hit = _FIRST_WORDS.get(id(table))
    if hit is None or hit[0] is not table:
        hit = (table, frozenset(k.split(" ", 1)[0] for k in table))
        _FIRST_WORDS[id(table)] = hit
    return hit[1]


def _phrase_end(toks: list[Token], i: int, table: set[str], max_words: int = 3,
                firsts: frozenset[str] | None = None) -> int:
    """End index of the longest phrase of `table` starting at token i (base form first);
    `firsts` is `_first_words(table)` when the caller has it."""
    if toks[i].base not in (firsts if firsts is not None else _first_words(table)):
        return i  # no entry starts with this word (a base is one word)
    for n in range(max_words, 0, -1):
        if i + n <= len(toks):
            words = [toks[i].base] + [t.key for t in toks[i + 1 : i + n]]
            if " ".join(words) in table:
                return i + n
    return i


def organisations(toks: list[Token], tags: list[str], gaz: Gazetteer, institutions: bool = True) -> None:
    """Trigger + name phrases; with `institutions`, also ministries, armed forces and
    metonyms of a named state (وزارة الطاقة، الجيش الروسي، الخارجية الأمريكية)."""
    i = 0
    heads, starts = _org_heads(gaz, institutions)
    while i < len(toks):
        if toks[i].base not in starts:
            i += 1
            continue
        end = _institution_end(toks, tags, i, gaz) if institutions and toks[i].base in heads else i
        if end > i:
            if _free(tags, i, end) or all(t == "O" or t.endswith("LOC") for t in tags[i:end]):
                set_span(tags, i, end, "ORG")
            i = end
            continue
        end = _administration_end(toks, tags, i, gaz) if institutions else i
        if end > i:
            set_span(tags, i, end, "ORG")
            i = end
            continue
        if toks[i].base in gaz.org_triggers and i + 1 < len(toks) \
                and not (i > 0 and toks[i - 1].base in gaz.place_triggers):  # "مدينة بورصة"
            start, end = _org_name(toks, tags, i, gaz, institutions)
            if end > start and _free(tags, start, end):
                set_span(tags, start, end, "ORG")
                i = end
                continue
        i += 1


def _org_heads(gaz: Gazetteer, institutions: bool) -> tuple[frozenset[str], frozenset[str]]:
    """(first words of armed forces and metonyms, every base at which `organisations` may
    find something), computed once."""
    cache = gaz.word_cache("org_heads")
    hit = cache.get(institutions)
    if hit is None:
        heads = _first_words(gaz.armed_forces) | _first_words(gaz.metonym_heads)
        starts = heads | gaz.administration | gaz.org_triggers if institutions else frozenset(gaz.org_triggers)
        hit = cache[institutions] = (heads, starts)
    return hit


def administrations(toks: list[Token], tags: list[str], gaz: Gazetteer) -> bool:
    """Tag "إدارة ترامب" as an organisation once the name in it is known as a person;
    whether any was."""
    found = False
    for i, tok in enumerate(toks):
        if tok.base in gaz.administration and tags[i] == "O":
            end = _administration_end(toks, tags, i, gaz)
            if end > i:
                set_span(tags, i, end, "ORG")
                found = True
    return found


def _administration_end(toks: list[Token], tags: list[str], i: int, gaz: Gazetteer) -> int:
    """"إدارة (الرئيس) ترامب": an administration named for its head, else i."""
    if toks[i].base not in gaz.administration:
        return i
    j = i + 1
    while j < len(toks) and tags[j] == "O" and toks[j].base in gaz.titles:
        j += 1
    if j < len(toks) and tags[j] == "B-PERS":
        j += 1
        while j < len(toks) and tags[j] == "I-PERS":
            j += 1
        return j
    return i


def _institution_end(toks: list[Token], tags: list[str], i: int, gaz: Gazetteer) -> int:
    """End of "armed force / ministry field + nationality adjective" at i, else i."""
    base = toks[i].base
    tables = [(table, metonym, firsts) for table, metonym in ((gaz.armed_forces, False), (gaz.metonym_heads, True))
              if base in (firsts := _first_words(table))]
    if not tables:
        return i
    prev = toks[i - 1] if i > 0 else None
    after_noun = prev is not None and (
        (prev.key.startswith("ال") and prev.clitic == 0) or prev.base in gaz.role_heads
    )
    for table, metonym, firsts in tables:
        end = _phrase_end(toks, i, table, firsts=firsts)
        if end > i and toks[end - 1].key.startswith("ال") and not (metonym and after_noun):
            adj_end = _adjectives(toks, end, gaz)
            adj = toks[adj_end - 1].key
            # a metonym is a feminine noun: its adjective agrees (الخارجية الأمريكية)
            if adj_end > end and gaz.nationality.get(adj, "") and (not metonym or adj.endswith("ه")):
                return adj_end
    return i


def _org_name(toks: list[Token], tags: list[str], i: int, gaz: Gazetteer,
              institutions: bool) -> tuple[int, int]:
    """Span of the organisation introduced by the trigger at i.

    "شركة نوكيا" names the company by a proper name: the span is the name alone.
    "وزارة الطاقة", "صندوق الثروة السيادية الروسي" are names made of the trigger and
    definite words or adjectives: the span includes the trigger.
    """
    nxt = toks[i + 1]
    definite_trigger = toks[i].base.startswith("ال")
    if not definite_trigger and not nxt.key.startswith("ال") and not nxt.base.startswith("ال"):
        k = i + 1
        while k < len(toks) and k - i <= 3 and tags[k][2:] in ("", "ORG", "MISC") \
                and (tags[k] != "O" or _name_like(toks[k], "O", gaz)) and not toks[k].key.startswith("ال"):
            k += 1
        return i + 1, k
    if institutions and nxt.clitic == 0:
        j = _phrase_end(toks, i + 1, gaz.ministry_domains)
        if j > i + 1:
            return i, _adjectives(toks, j, gaz)
    if definite_trigger:
        # الاتحاد الأوروبي: a definite trigger needs an adjective of place after it
        j = _adjectives(toks, i + 1, gaz)
        return (i, j) if j > i + 1 and gaz.nationality.get(toks[j - 1].key) is not None else (i, i)
    j = i + 1
    while j < len(toks) and j - i <= 4:
        t = toks[j]
        if t.text in PUNCT_STOP or t.base in gaz.function_words or t.base in gaz.org_triggers:
            break
        if tags[j] != "O" or not (t.key.startswith("ال") or t.base.startswith("ال")):
            break
        j += 1
        if t.key in gaz.nationality:
            break
    # a common noun after the trigger ("مجلس الإدارة") is weak evidence: need a listed
    # place or a nationality in the phrase
    body = toks[i + 1 : j]
    strong = any(t.key in gaz.nationality or t.base in gaz.places for t in body)
    return (i, j) if body and strong else (i, i)


class _ProcliticReadings(dict):
    """Word key -> whether the word with a proclitic read off (لمجلة، وشركة) is a word of
    `table` (memo). `tok.base` has the proclitic read off only for words of the lexicon
    `features.known` lists, which has no media triggers: adding them there would change
    the CRF's features and model."""

    def __init__(self, table: set[str]):
        super().__init__()
        self.table = table

    def __missing__(self, k: str) -> bool:
        self[k] = hit = k[:1] in "وفبلك" and any(b in self.table for _, b in proclitic_splits(k))
        return hit


def _trigger_words(gaz: Gazetteer, name: str) -> tuple[set[str], dict[str, bool]]:
    """(the word list `name` of the gazetteer, the memo of `_ProcliticReadings` in it): a
    token is a word of the list, with or without a proclitic, if its base is in the first
    or its key maps to True in the second."""
    table = getattr(gaz, name)
    return table, gaz.word_cache("readings:" + name, factory=lambda: _ProcliticReadings(table))


def media(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """صحيفة "X" / قناة X: the outlet's name after a media trigger, quotes excluded; likewise
    a quoted name after an organisation trigger (شركة "ياهو"، حزب "الأمة")."""
    media_words, media_readings = _trigger_words(gaz, "media_triggers")
    org_words, org_readings = _trigger_words(gaz, "org_triggers")
    for i, tok in enumerate(toks[:-1]):
        quoted = toks[i + 1].text in QUOTES
        if not (tok.base in media_words or media_readings[tok.key]) \
                and not (quoted and (tok.base in org_words or org_readings[tok.key])):
            continue
        j = i + 1
        if quoted:
            j += 1
        k = j
        while k < len(toks) and k - j < 4 and toks[k].text not in QUOTES and toks[k].text not in PUNCT_STOP:
            if not quoted and (toks[k].key.startswith("ال") or toks[k].base in gaz.function_words):
                break
            k += 1
        if k > j and (not quoted or (k < len(toks) and toks[k].text in QUOTES)):
            if quoted or tags[j][2:] in ("ORG", "MISC") or toks[j].key in gaz.orgs:
                if _free(tags, j, k) or all(tags[t] == "O" or tags[t].endswith("PERS") for t in range(j, k)):
                    set_span(tags, j, k, "ORG")


def _name_end(toks: list[Token], tags: list[str], start: int, gaz: Gazetteer) -> int:
    """End of up to three untagged name-like tokens from start."""
    end = start
    while end < len(toks) and end - start < 3 and tags[end] == "O" \
            and _name_like(toks[end], "O", gaz, unknown_ok=end > start):
        end += 1
    return end


def _merge_person(tags: list[str], end: int) -> int:
    """Extend a new name span over a person span that starts right after it."""
    if end < len(tags) and tags[end] == "B-PERS":
        end += 1
        while end < len(tags) and tags[end] == "I-PERS":
            end += 1
    return end


def _first_name(tok: Token, gaz: Gazetteer) -> bool:
    return tok.base in gaz.given_names or gaz.translit.get(tok.base, 0) >= 2


def persons(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """Names after a title or role phrase (+ adjectives), after a verb of saying,
    before an apposition, or made of a frequent first name and another name word."""
    n = len(toks)
    likeness = gaz.word_cache("name_like")
    given, translit = gaz.given_names, gaz.translit
    for i, tok in enumerate(toks):
        if tok.base not in given and not translit.get(tok.base) or i == 0 or tags[i] != "O" \
                or _likeness(tok, gaz, likeness) != _NAME:  # not _name_like(tok, "O"); _NAME needs either list
            continue
        prev = toks[i - 1]
        # a name right after a title or role carries no proclitic ("الفريق بكأس" is "the
        # team ... with the cup"); after a verb of saying it may ("قال لبوتين")
        introduced = prev.base in gaz.speech_verbs or not tok.clitic and (prev.base in gaz.titles or (
            (prev.key.startswith("ال") or prev.base in gaz.role_heads)
            and left_role(toks, tags, i, gaz, inner=False) is not None
        ))
        end = _name_end(toks, tags, i, gaz)
        if end > i and introduced and (end - i >= 2 or _first_name(tok, gaz)):
            set_span(tags, i, _merge_person(tags, end), "PERS")
    for i in range(n - 1):
        if tags[i] == "O" and tags[i + 1] == "O" and gaz.translit.get(toks[i].base, 0) >= 20 \
                and toks[i].base not in gaz.places and _name_like(toks[i], "O", gaz) \
                and _name_like(toks[i + 1], "O", gaz):
            set_span(tags, i, _merge_person(tags, _name_end(toks, tags, i, gaz)), "PERS")
    # apposition: "X Y، رئيس ..." with X Y unknown to the CRF but name-like
    for i in range(1, n - 1):
        if toks[i].text == "،" and toks[i + 1].base in gaz.role_heads and tags[i - 1] == "O":
            s = i
            while s > 0 and i - s < 3 and tags[s - 1] == "O" and _name_like(toks[s - 1], "O", gaz):
                s -= 1
            if s < i and (i - s >= 2) and (s == 0 or toks[s - 1].text in PUNCT_STOP
                                           or toks[s - 1].base in gaz.function_words):
                set_span(tags, s, i, "PERS")
    # clean-up: adjectives are not persons; a place right after a name is not part of it
    if "B-PERS" not in tags and "I-PERS" not in tags:
        return
    for typ, s, e in spans(tags):
        if typ != "PERS":
            continue
        if all(t.key in gaz.nationality or t.base in gaz.common_words for t in toks[s:e]):
            clear(tags, s, e)
        elif e - s > 1 and toks[e - 1].base in gaz.major_places:
            if any(_first_name(t, gaz) for t in toks[s : e - 1]):
                tags[e - 1] = "B-LOC"
            else:  # no name before the place: a club or company (دينامو كييف، سبارتاك موسكو)
                set_span(tags, s, e, "ORG")


_PRONOUNS = ("ها", "هم", "هما", "هن")


def _inflected_common_word(k: str, gaz: Gazetteer) -> bool:
    """A word that is a common word (or a title or role noun) with a conjunction before it
    (وسمو، وسوف), with the accusative ending ا (برنامجا), or with a possessive pronoun
    (رؤيتها): the word after a name, never its end."""
    if k[:1] in "وف" and len(k) > 3:
        rest = k[1:]
        if rest in gaz.common_words or rest in gaz.titles or rest in gaz.role_heads or rest in gaz.function_words:
            return True
    if k.endswith("ا") and k[:-1] in gaz.common_words:
        return True
    for suffix in _PRONOUNS:
        if k.endswith(suffix) and len(k) - len(suffix) >= 3:
            stem = k[: -len(suffix)]
            noun = stem[:-1] + "ه" if stem.endswith("ت") else stem  # رؤيت+ها is رؤيه
            if stem in gaz.common_words or noun in gaz.common_words or "ال" + noun in gaz.common_words:
                return True
    return False


def person_ends(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """A person's name spanning two words or more does not end with an inflected common
    word (`_inflected_common_word`): "مها أحمد [برنامجا]", "آل مكتوم [وسمو] الشيخ"."""
    if "B-PERS" not in tags:
        return
    for typ, s, e in spans(tags):
        if typ != "PERS":
            continue
        while e - s > 1 and toks[e - 1].key not in gaz.given_names and gaz.translit.get(toks[e - 1].key, 0) < 2 \
                and _inflected_common_word(toks[e - 1].key, gaz):
            e -= 1
            tags[e] = "O"


def person_starts(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """A person's name of two words or more does not start with a definite adjective of
    nationality or direction: "الرئيس الكوري [الجنوبي] مون جاي إن", "[النرويجي] كارستن فولدال"."""
    if "B-PERS" not in tags:
        return
    adjectives = context_words.load().direction_adjectives
    for typ, s, e in spans(tags):
        if typ != "PERS":
            continue
        while e - s > 1 and toks[s].key.startswith("ال") and (toks[s].key in gaz.nationality
                                                             or toks[s].key in adjectives):
            tags[s] = "O"
            s += 1
        tags[s] = "B-PERS"


def conjunctions_off_names(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """A name that starts with و/ف before the article ال of a word no list knows keeps the
    conjunction out of its span ("فريقي الرجاء البيضاوي [و]الدفاع الجديدي"); the CRF tags whole
    words, and only a listed word gets its proclitic read off when the tokens are made. An
    organisation keeps a preposition out too ("[ب]القاعدة", "[ل]لقاعدة") where the word after
    the article is spelled like an Arabic word (`namelike`), not like a foreign name (كالديرون)."""
    for typ, s, _ in spans(tags):
        tok = toks[s]
        k = tok.key
        if tok.clitic or len(k) < 6 or known(k, gaz):
            continue
        if k[0] in "وف" and k[1:3] == "ال":
            tok.clitic, tok.base = 1, k[1:]
        elif typ == "ORG":
            for clitic, base in reversed(proclitic_splits(k)):
                if clitic and base.startswith("ال") and namelike.score(base[2:]) < 0:
                    tok.clitic, tok.base = clitic, base
                    break


def adjectives_not_places(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """A nationality adjective tagged alone as a place is not a name.

    A word that is also a country's name (السعودية، سورية) is an adjective only
    after a definite noun (الخارجية السعودية).
    """
    if "B-LOC" not in tags and "I-LOC" not in tags:
        return
    for typ, s, e in spans(tags):
        if typ != "LOC" or not all(t.key in gaz.nationality for t in toks[s:e]):
            continue
        after_noun = s > 0 and toks[s - 1].key.startswith("ال") and toks[s - 1].clitic == 0
        if toks[s].base not in gaz.strong_places or after_noun:
            clear(tags, s, e)


def _foreign_token(tok: Token, gaz: Gazetteer) -> bool:
    """A token spelled like a foreign name (transliteration gazetteer) and not an Arabic given name."""
    return gaz.translit.get(tok.key, 0) >= 2 and tok.key not in gaz.given_names


def foreign_name_starts(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """A foreign person's name whose first word is also an ordinary word ("بان كي مون":
    بان is also "appeared" and بأن without its hamza) starts at that word when the rest
    of the name is foreign-name tokens and a title or role comes before it, or the sentence's
    start or a punctuation mark and two more name words. After a verb "بان" is the particle
    ("أكد بان ...")."""
    if "B-PERS" not in tags:
        return
    for typ, s, e in spans(tags):
        if typ != "PERS" or s == 0 or tags[s - 1] != "O" or e - s > 3:
            continue
        p = toks[s - 1]
        if p.clitic or p.key.startswith("ال") or _particle(p.text) or not _foreign_token(p, gaz) \
                or p.key in gaz.function_words or p.key in gaz.titles or p.key in gaz.role_heads \
                or p.key in gaz.nationality or p.key in gaz.places \
                or not all(_foreign_token(t, gaz) for t in toks[s:e]):
            continue
        q = s - 2
        if q >= 0 and toks[q].key == "في":
            continue  # "مسؤول في X": the role's institution, not its holder, follows
        # at the start of a sentence a two-word foreign name must follow ("بان كي مون")
        if (e - s > 1 and (q < 0 or toks[q].text in PUNCT_STOP or toks[q].text in QUOTES)) \
                or (q >= 0 and toks[q].base in gaz.titles) or left_role(toks, tags, s - 1, gaz, inner=False) is not None:
            set_span(tags, s - 1, e, "PERS")


def _introduces_clitic_name(toks: list[Token], tags: list[str], s: int, gaz: Gazetteer) -> bool:
    """Whether what comes before token s introduces a name written with a proclitic: a verb
    of saying ("قال لتيسير علوني") or another person in a list ("علي ومحمد"، "علي، ومحمد").
    A title or role does not: the name right after it carries none ("الوزير لتيسير ...")."""
    if s == 0:
        return False
    return toks[s - 1].base in gaz.speech_verbs or tags[s - 1].endswith("PERS") \
        or (s > 1 and toks[s - 1].text in ("،", ",") and tags[s - 2].endswith("PERS"))


def proclitic_given_names(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """A proclitic + given name ("لتيسير" is "to facilitate", not ل + تيسير) is a person only
    with another name word in the span or a context that introduces it (`_introduces_clitic_name`)."""
    if "B-PERS" not in tags:
        return
    for typ, s, e in spans(tags):
        t = toks[s]
        if typ != "PERS" or not t.clitic or t.base not in gaz.given_names:
            continue
        if any(u.key not in gaz.common_words and u.base not in gaz.common_words and u.base not in gaz.function_words
               and u.text not in PUNCT_STOP for u in toks[s + 1 : e]):
            continue
        if not _introduces_clitic_name(toks, tags, s, gaz):
            clear(tags, s, e)


def index_names(toks: list[Token], tags: list[str], gaz: Gazetteer) -> bool:
    """A "person" right after an index, share, currency or model noun, or one name word
    after it, is the thing's name ("مؤشر داو جونز الصناعي", "سهم أرامكو"): not a person.
    Returns whether it changed a tag."""
    if "B-PERS" not in tags:
        return False
    heads = context_words.load().index_heads
    changed = False
    for i, tok in enumerate(toks[:-1]):
        if tok.base not in heads:
            continue
        s = i + 1
        if tags[s] == "O" and s + 1 < len(toks) and _name_like(toks[s], "O", gaz, unknown_ok=True):
            s += 1
        if tags[s] == "B-PERS":
            changed = True
            tags[s] = "O"
            s += 1
            while s < len(tags) and tags[s] == "I-PERS":
                tags[s] = "O"
                s += 1
    return changed


def _people_group(k: str, groups: frozenset[str], gaz: Gazetteer) -> bool:
    """Whether a span key names a group of people: a listed sect or people (الشيعة، الأكراد)
    or a definite plural nationality adjective (الفلسطينيون، الأمريكيين)."""
    return k in groups or (k.endswith(("يون", "يين")) and k.startswith("ال") and k in gaz.nationality)


def groups_not_organisations(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """A group of people tagged alone as an organisation or a place is neither."""
    if "B-ORG" not in tags and "B-LOC" not in tags:
        return  # only spans opened by B- are looked at
    groups = context_words.load().people_groups
    for typ, s, e in spans(tags):
        if typ in ("ORG", "LOC") and tags[s][0] == "B" and e - s <= 3 \
                and _people_group(" ".join([toks[s].base] + [t.key for t in toks[s + 1 : e]]), groups, gaz):
            clear(tags, s, e)


def apply(toks: list[Token], tags: list[str], gaz: Gazetteer, institutions: bool = True,
          sport: float | None = None) -> list[str]:
    """All tag rules, in order; returns a new tag list.

    `institutions=False` leaves out ministries, armed forces and their metonyms,
    which newsdiff's guidelines count as organisations and ANERcorp does not.
    `sport`: the sentence's evidence of sport in its article (`sports.article_evidence`).
    """
    tags = list(tags)
    gazetteer_phrases(toks, tags, gaz)
    organisations(toks, tags, gaz, institutions)
    media(toks, tags, gaz)
    named_by_context.apply(toks, tags, gaz)
    persons(toks, tags, gaz)
    foreign_name_starts(toks, tags, gaz)
    proclitic_given_names(toks, tags, gaz)
    index_names(toks, tags, gaz)
    groups_not_organisations(toks, tags, gaz)
    sports.clubs(toks, tags, gaz, sport)
    sports.named_clubs(toks, tags, gaz, sport)
    sports.place_clubs(toks, tags, gaz, sport)
    sports.lone_clubs(toks, tags, gaz, sport)
    named_by_context.banks(toks, tags, gaz)
    named_by_context.eponyms(toks, tags, gaz)
    particles_not_names(toks, tags, gaz)
    person_ends(toks, tags, gaz)
    person_starts(toks, tags, gaz)
    conjunctions_off_names(toks, tags, gaz)
    adjectives_not_places(toks, tags, gaz)
    return tags


def _role_head(tok: Token, gaz: Gazetteer) -> bool:
    return tok.base in gaz.role_heads or tok.base in gaz.titles


def _genitive_link(tok: Token) -> bool:
    """A noun with ل linking a role to its possessor: "لإدارة", "للرئيس"."""
    return tok.key.startswith("ل") and len(tok.key) >= 4 and not tok.key.startswith("لا ")


def left_role(toks: list[Token], tags: list[str], s: int, gaz: Gazetteer,
              inner: bool = True) -> tuple[int, int] | None:
    """Token range of the title/role phrase just before a person span starting at s.

    The phrase starts at a role head; between it and the name come only definite
    words, adjectives, other heads, names in the genitive, "في" or a noun right
    after a head (رئيس أركان الجيش). "مبعوث الرئيس الأمريكي X" gives X the inner
    "الرئيس الأمريكي"; the outer phrase belongs to a person in apposition after X.
    """
    first = None
    j = s - 1
    while j >= 0 and s - j <= 7:
        t = toks[j]
        if t.text in PUNCT_STOP or tags[j].endswith("PERS"):
            break
        if _role_head(t, gaz):
            first = j
        elif not (t.key.startswith("ال") or t.base.startswith("ال") or t.key == "في" or _genitive_link(t)
                  or (j > 0 and _role_head(toks[j - 1], gaz))):
            break
        j -= 1
    if first is None:
        return None
    if inner and first == s - 1 and not toks[first].base.startswith("ال") and toks[first].base in gaz.role_heads:
        return None  # "صهر ترامب", "مبعوث بوتين": the name is the possessor, not the holder
    before = toks[s - 1]
    if inner and _genitive_link(before) and not _role_head(before, gaz) and before.key not in gaz.nationality \
            and not gaz.lookup(before.base):  # "للكرملين يوري أوشاكوف": the Kremlin is no link
        return None  # "المبعوث الخاص لإدارة ترامب": the name is the possessor
    if inner and not toks[first].base.startswith("ال"):
        for k in range(first + 1, s):
            if toks[k].key.startswith("ال") and _role_head(toks[k], gaz):
                return k, s
    return first, s


def right_role(toks: list[Token], tags: list[str], e: int, gaz: Gazetteer) -> tuple[int, int] | None:
    """Token range of an apposition right after a person span ending at e: "، role ...،"
    ("، وصهر ترامب،" opens a new conjunct instead), or a bare relational head followed
    by its possessor's name ("جاريد كوشنر صهر الرئيس ترامب")."""
    if e < len(toks) and not toks[e].clitic and toks[e].key in gaz.role_heads \
            and not toks[e].key.startswith("ال"):
        for k in range(e + 1, min(e + 4, len(toks))):
            if tags[k].startswith("B-PERS"):
                end = k + 1
                while end < len(toks) and tags[end] == "I-PERS":
                    end += 1
                return e, end
    if e + 1 >= len(toks) or toks[e].text != "،" or not _role_head(toks[e + 1], gaz) \
            or toks[e + 1].key[:1] in ("و", "ف") and toks[e + 1].clitic:
        return None
    k = e + 1
    while k < len(toks) and toks[k].text not in PUNCT_STOP:
        k += 1
        if k - e > 9:
            return None
    return e + 1, k
