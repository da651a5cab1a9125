"""Two people side by side read as one name, split where the article names each of them.

Arabic puts the verb first, so subject and object names meet: "التقى ترامب ماكرون في باريس",
"وهنأ ماكرون ترامب". The CRF reads such a pair as one name. A person span is split in two
where each part is a person the article names elsewhere: a name of several words found as it
is ("كيم جونغ أون"), or one word that ends a longer name there ("ترامب" after "دونالد ترامب")
or, for the second person, is found alone. The first person's word must be a surname: a word
found only alone may be a first name ("كريستيانو" beside "رونالدو"), and a word that also
starts a name, a listed given name or a frequent foreign-name token may be this very person's
first name ("جون كيري" beside "إلتون جون", "محمود عباس" beside "أحمد محمود").
"""
from __future__ import annotations

from ..conll import spans
from .gazetteer import Gazetteer
from .rules import Token

FIRST_NAME_COUNT = 100  # foreign-name tokens counted this often are mostly first names (محمود، حسن، جون)
# words that join the parts of one name: a split never falls after or before them
_JOINERS = frozenset({"بن", "ابن", "بنت", "ابو", "ابي", "ام", "ال", "عبد", "فان", "فون", "دي", "دا", "دو",
                      "لا", "لو", "ولد", "سيدي", "مولاي"})


def _key(toks: list[Token], s: int, e: int) -> str:
    """The match key of tokens s..e as the tagger keys a name: the first without its proclitic."""
    return " ".join([toks[s].base] + [t.key for t in toks[s + 1 : e]])


class _Evidence:
    """The person names of an article: whole names of several words, and for each word the
    names it starts (with their second word) or ends, and whether it is a name alone."""

    def __init__(self, found) -> None:
        self.whole: set[str] = set()
        self.first: dict[str, list[tuple[str, str]]] = {}
        self.last: dict[str, set[str]] = {}
        self.alone: set[str] = set()
        for toks, _, people in found:
            for s, e in people:
                if e - s == 1:
                    self.alone.add(toks[s].base)
                    continue
                k = _key(toks, s, e)
                self.whole.add(k)
                self.first.setdefault(toks[s].base, []).append((k, toks[s + 1].key))
                self.last.setdefault(toks[e - 1].key, set()).add(k)

    def _surname(self, w: str, whole: str) -> bool:
        """`w` ends a name other than `whole`."""
        return bool(self.last.get(w, set()) - {whole})

    def person(self, toks: list[Token], s: int, e: int, whole: str, left: bool, gaz: Gazetteer) -> bool:
        """Whether tokens s..e, the `left` or right part of the span keyed `whole`, name a
        person found elsewhere: a left word must end another name and start none (but names
        that are pairs themselves, "ترامب ميركل"); a right one may also stand alone."""
        if e - s > 1:
            return _key(toks, s, e) in self.whole
        w = toks[s].base if left else toks[s].key
        if w in _JOINERS:
            return False
        given = w in gaz.given_names or gaz.translit.get(w, 0) >= FIRST_NAME_COUNT
        if left:
            return not given and self._surname(w, whole) and not any(
                k != whole and not (second in self.alone or self._surname(second, k))
                for k, second in self.first.get(w, ()))
        return self._surname(w, whole) or (w in self.alone and not given)


def split_people(sents, gaz: Gazetteer) -> None:
    """Split person spans made of two persons the article names elsewhere (see the module's
    docstring). `sents`: (sentence, tokens, tags) of one article; tags are changed in place."""
    found = [(toks, tags, [(s, e) for typ, s, e in spans(tags) if typ == "PERS"])
             for _, toks, tags in sents if "B-PERS" in tags]
    multi = [(toks, tags, s, e) for toks, tags, people in found for s, e in people if e - s > 1]
    if not multi:
        return
    evidence = _Evidence(found)
    for toks, tags, s, e in multi:
        whole = _key(toks, s, e)
        for k in range(s + 1, e):
            if toks[k - 1].key in _JOINERS or toks[k].key in _JOINERS:
                continue
            if evidence.person(toks, s, k, whole, True, gaz) and evidence.person(toks, k, e, whole, False, gaz):
                tags[k] = "B-PERS"
                break
