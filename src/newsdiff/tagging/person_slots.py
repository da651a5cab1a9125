"""A lone foreign name where a person stands: "ومرر غوتي كرة", "وهدد تروتنيف بوقف".

A word no list knows, spelled like a foreign name (`namelike`) or listed as a foreign name
token, without a proclitic or the article, is a person right after a verb whose subject or
object is a person in news (the gazetteer's verbs of saying and meeting, and the verbs of
`person_verbs` in seeds/context_words.yaml; with ه/ها for the ball or the cross it plays,
"تابعها رييس") or after a definite title or role ("الحارس شوفكوفسكيي"، "وزير الخارجية الروسي X";
an indefinite one governs a genitive: "رئيس فولكسفاغن" is the company's head). The article's
propagation then tags its other mentions.
"""
from __future__ import annotations

from . import context_words, namelike
from .gazetteer import Gazetteer
from .marks import PUNCT_STOP
from .person_bounds import _FUTURE
from .rules import Token, _particle, left_role

_NOT, _TOWN, _NAME = range(3)  # what `_lone_name` says of a word
_SPEECH_VERB, _PERSON_VERB = 1, 2  # what `_verb` says of the word before it
_OBJECT = ("ها", "ه")  # the pronoun of what the verb acts on ("تابعها": followed it)


def _verb(k: str, gaz: Gazetteer, verbs: frozenset[str]) -> int:
    """0, or a verb in the masculine, bare or after و/ف, or with an object pronoun: _PERSON_VERB
    for one of `verbs`, _SPEECH_VERB for the gazetteer's verbs of saying and meeting (زار: a
    place may follow). After a feminine verb a company, a newspaper or a country is as likely
    ("وقالت تايمز إن")."""
    for rest in (k, k[1:]) if k[:1] in "وف" and len(k) > 2 else (k,):
        for stem in (rest, *(rest[: -len(p)] for p in _OBJECT if rest.endswith(p) and len(rest) - len(p) >= 3)):
            if stem.endswith("ت") and (stem[:-1] in verbs or stem[:-1] in gaz.speech_verbs):
                continue
            if stem in verbs:
                return _PERSON_VERB
            if stem in gaz.speech_verbs:
                return _SPEECH_VERB
    return 0


def _lone_name(tok: Token, gaz: Gazetteer) -> int:
    """How a word may be a lone foreign name: _NAME, a word no list knows as anything else
    that is spelled like a foreign name or listed as a foreign name token; _TOWN, such a
    token that is also the name of a small place (not a strong one), a name only after a verb
    whose subject is a person ("وسدد فالفيردي"); else _NOT."""
    k = tok.key
    if len(k) < 4 or tok.clitic or k.startswith("ال") or not k[0].isalpha() or tok.text in PUNCT_STOP \
            or _particle(tok.text):
        return _NOT
    if k in gaz.common_words or k in gaz.function_words or k in gaz.titles or k in gaz.role_heads \
            or k in gaz.nationality or k in gaz.speech_verbs or k in gaz.org_triggers \
            or k in gaz.media_triggers or k in gaz.given_names or gaz.lookup(k):
        return _NOT
    if k[0] in "وفبلك" and (k[1:] in gaz.common_words or k[1:] in gaz.places or gaz.lookup(k[1:])):
        return _NOT  # a proclitic on a listed word ("وتركيا")
    listed = gaz.translit.get(k, 0) >= 2
    if k in gaz.places:
        return _TOWN if listed and k not in gaz.strong_places else _NOT
    if _FUTURE.fullmatch(k) and not listed:
        return _NOT  # a verb in the future ("سيرأس")
    return _NAME if listed or namelike.score(k) >= namelike.FOREIGN else _NOT


def lone_names(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """Tag the lone foreign names that stand where a person stands (see the module's docstring)."""
    verbs = context_words.load().person_verbs
    names = gaz.word_cache("lone_name")
    after_verb = gaz.word_cache("person_verb")
    known = names.get
    for i, tok in enumerate(toks):
        name = known(tok.text)
        if name is None:
            name = names[tok.text] = _lone_name(tok, gaz)
        if not name or not i or tags[i] != "O" or tags[i - 1] != "O":
            continue
        prev = toks[i - 1]
        verb = after_verb.get(prev.key)
        if verb is None:
            verb = after_verb[prev.key] = _verb(prev.key, gaz, verbs)
        if verb == _PERSON_VERB or (verb and name == _NAME) or (
                name == _NAME and prev.base.startswith("ال") and prev.key not in gaz.function_words
                and (prev.base in gaz.titles or left_role(toks, tags, i, gaz, inner=False))):
            tags[i] = "B-PERS"
            if i + 1 < len(toks) and tags[i + 1] == "O" and _surname(toks[i + 1], gaz):
                tags[i + 1] = "I-PERS"


def _surname(tok: Token, gaz: Gazetteer) -> bool:
    """A definite word no list knows, spelled like a name: an Arabic surname after a foreign-
    spelled first name ("نتشيرفان البارزاني")."""
    k = tok.key
    return k.startswith("ال") and len(k) > 5 and not tok.clitic and k not in gaz.common_words \
        and k[2:] not in gaz.common_words and k not in gaz.function_words and k not in gaz.nationality \
        and k not in gaz.titles and k not in gaz.role_heads and not gaz.lookup(k) and k not in gaz.places \
        and namelike.score(k[2:]) >= namelike.FOREIGN


FOREIGN_FIRST = 20  # a foreign-name token counted this often is a first name in practice (اوليغ، ديفيد)


def places_after_roles(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """A town's name right after a title or role and a nationality adjective is the holder's
    name ("أعرب النجم البرازيلي كافو"). Countries, regions and major places stay places: a
    role phrase without a name may be a subject with a place as object ("يذكر الرئيس
    الفنزويلي سوريا")."""
    for i in range(2, len(toks)):
        if tags[i] != "B-LOC" or (i + 1 < len(toks) and tags[i + 1].startswith("I-")) or toks[i].clitic:
            continue
        k = toks[i].key
        if toks[i - 1].key in gaz.nationality and tags[i - 1] == "O" and k not in gaz.major_places \
                and gaz.places.get(k, ("", 0))[0] not in ("country", "region") and left_role(toks, tags, i, gaz, inner=False):
            tags[i] = "B-PERS"


def foreign_pairs(toks: list[Token], tags: list[str], gaz: Gazetteer) -> None:
    """A frequent foreign first name (a foreign-name token counted FOREIGN_FIRST times or more,
    spelled like a foreign name) and then a foreign name no list knows (`_lone_name`) are one
    person's name, with no title or verb before them ("عرضية زاحفة من اوليغ غوسيف")."""
    names = gaz.word_cache("lone_name")
    for i in range(len(toks) - 1):
        if tags[i] != "O" or tags[i + 1] != "O" or toks[i].clitic:
            continue
        k = toks[i].key
        if gaz.translit.get(k, 0) < FOREIGN_FIRST or k.startswith("ال") or k in gaz.places \
                or k in gaz.common_words or k in gaz.function_words or namelike.score(k) < namelike.FOREIGN \
                or _particle(toks[i].text):  # "فإن ترامب": the particle folds to فان (Van)
            continue
        nxt = toks[i + 1]
        kind = names.get(nxt.text)
        if kind is None:
            kind = names[nxt.text] = _lone_name(nxt, gaz)
        if kind == _NAME:
            tags[i], tags[i + 1] = "B-PERS", "I-PERS"
