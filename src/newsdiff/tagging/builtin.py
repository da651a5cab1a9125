"""The built-in name tagger: a CRF trained on ANERcorp plus gazetteers and rules.

    tagger = BuiltinTagger()
    mentions = tagger.tag(article)          # persons, places, orgs as Mentions
    tags = tagger.tag_tokens(["قال", "بوتين"])  # BIO tags for CoNLL evaluation

The model (`newsdiff/data/ner.crfsuite`) and the gazetteers are loaded once, on
first use.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from ..conll import spans
from ..model import Article, Mention, Sentence
from ..normalize import fold, key
from ..resources import data_dir
from . import gazetteer, not_names, organisations, person_bounds, person_slots, person_split, rules, sports
from .crf import CRFTagger
from .features import base_form, proclitic_splits, with_proclitics

MODEL_PATH = data_dir() / "ner.crfsuite"
TYPES = {"PERS": "person", "LOC": "place", "ORG": "org"}
# a word is a run of letters and marks (runs of each, which the regex engine reads faster)
_TOKEN = re.compile(r"(?:[^\W\d_]+|[\u064b-\u065f\u0670\u0640]+)+|\d+(?:[.,]\d+)*|\S")

__all__ = ["BuiltinTagger", "available", "tokenize"]


def available() -> tuple[bool, str]:
    """Whether the shipped CRF model is present, with a one-line explanation."""
    if MODEL_PATH.is_file():
        return True, f"built-in CRF model {MODEL_PATH.name} ({MODEL_PATH.stat().st_size // 1024} KB)"
    return False, f"built-in CRF model missing: {MODEL_PATH} (run scripts/train_tagger.py)"


def tokenize(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[str, int, int]]:
    """Words, numbers and single punctuation marks of text[start:end], with offsets in `text`."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


@lru_cache(maxsize=1 << 16)
def _token_key(token: str) -> str:
    """The match key of one token (the token itself if it has none), cached: words repeat."""
    return key(token) or token


def _tokens(text: str, start: int, end: int, gaz: gazetteer.Gazetteer) -> list[rules.Token]:
    """`rules.make_tokens` of `tokenize(text, start, end)` with `_token_key`s, each word's key
    and reading worked out once."""
    cache = gaz.word_cache("token")
    out = []
    for t, s, e in tokenize(text, start, end):
        word = cache.get(t)
        if word is None:
            k = _token_key(t)
            word = cache[t] = (k, *base_form(k, gaz))
        out.append(rules.Token(t, s, e, *word))
    return out


class BuiltinTagger:
    """CRF + gazetteers + rules; persons get the role their sentence gives them."""

    name = "builtin"

    def __init__(self, model_path: Optional[str | Path] = None):
        """The shipped model is loaded on first use; another one (`model_path`) at once, so that
        a model without its tag dictionary fails here (FileNotFoundError), not mid-ingest."""
        self._model_path = Path(model_path) if model_path else MODEL_PATH
        self._crf: Optional[CRFTagger] = None
        if model_path:
            self._model()

    @property
    def gaz(self) -> gazetteer.Gazetteer:
        return gazetteer.load()

    def _model(self) -> CRFTagger:
        if self._crf is None:
            self._crf = CRFTagger(self._model_path, self.gaz)
        return self._crf

    def tag_tokens(self, tokens: Sequence[str], institutions: bool = True) -> list[str]:
        """BIO tags (PERS/LOC/ORG/MISC) for one sentence of whole-word tokens.

        `institutions=False` follows ANERcorp, which leaves ministries, armed forces
        and their metonyms untagged (see `rules.apply`). Names found in the sentence are
        propagated to their repeats in it, as `tag` does across an article.
        """
        items, pos = [], 0
        for tok in tokens:
            items.append((tok, pos, pos + len(tok), _token_key(tok)))
            pos += len(tok) + 1
        toks = rules.make_tokens(items, self.gaz)
        tags = rules.apply(toks, self._model().tag_many([[t.key for t in toks]], keys=True)[0], self.gaz,
                           institutions)
        person_slots.lone_names(toks, tags, self.gaz)
        person_slots.places_after_roles(toks, tags, self.gaz)
        person_slots.foreign_pairs(toks, tags, self.gaz)
        person_bounds.person_bounds(toks, tags, self.gaz)
        not_names.drop_common_words(toks, tags, self.gaz)
        _propagate([(None, toks, tags)], self.gaz)
        organisations.repeats([(None, toks, tags)], self.gaz)
        return tags

    def tag(self, article: Article) -> list[Mention]:
        """Person, place and organisation mentions in the article's sentences."""
        return self.tag_many([article])[0]

    def tag_many(self, articles: Sequence[Article]) -> list[list[Mention]]:
        """`tag` of each article; the CRF decodes all their sentences as one batch, which
        costs less per article than one batch each (numpy's cost per call dominates)."""
        gaz = self.gaz
        tokens = [[_tokens(a.text, sent.start, sent.end, gaz) for sent in a.sentences] for a in articles]
        flat = self._model().tag_many([[t.key for t in toks] for toks_of in tokens for toks in toks_of], keys=True)
        out, at = [], 0
        for article, toks_of in zip(articles, tokens):
            out.append(self._tag_article(article, toks_of, flat[at : at + len(toks_of)]))
            at += len(toks_of)
        return out

    def _tag_article(self, article: Article, tokens: list[list[rules.Token]],
                     all_crf_tags: list[list[str]]) -> list[Mention]:
        """The rules, propagation and mentions of one article after the CRF."""
        gaz = self.gaz
        sport = sports.article_evidence(zip(tokens, all_crf_tags), gaz)
        sents: list[tuple[Sentence, list[rules.Token], list[str]]] = []
        crf_spans: list[set] = []
        for sent, toks, crf_tags, sp in zip(article.sentences, tokens, all_crf_tags, sport):
            tags = rules.apply(toks, crf_tags, gaz, sport=sp) if toks else []
            person_slots.lone_names(toks, tags, gaz)
            person_slots.places_after_roles(toks, tags, gaz)
            person_slots.foreign_pairs(toks, tags, gaz)
            person_bounds.person_bounds(toks, tags, gaz)
            not_names.drop_common_words(toks, tags, gaz)
            sents.append((sent, toks, tags))
            crf_spans.append(set(spans(crf_tags)))
        _propagate(sents, gaz)
        organisations.repeats(sents, gaz)
        mentions: list[Mention] = []
        for (sent, toks, tags), from_crf in zip(sents, crf_spans):
            found = spans(tags)
            people = {sp for sp in found if sp[0] == "PERS"} | {sp for sp in from_crf if sp[0] == "PERS"}
            changed = rules.administrations(toks, tags, gaz)  # names known only after propagation
            if rules.index_names(toks, tags, gaz) or changed:  # "مؤشر داو جونز" after "مارك جونز"
                found = spans(tags)
            # a person named inside an organisation's name after its head word ("إدارة الرئيس
            # دونالد ترامب"); not a "person" the rules read as a club ("الوداد البيضاوي"), nor
            # the one a university is named after ("جامعة الملك سعود")
            orgs = [(s, e) for typ, s, e in found if typ == "ORG"
                    and (toks[s].base in gaz.administration or toks[s].base in gaz.org_triggers)
                    and not organisations.eponym_head(toks[s])]
            found += sorted(sp for sp in people if sp not in found
                            and any(s < sp[1] and sp[2] <= e for s, e in orgs))
            for n, (typ, s, e) in enumerate(found):
                if typ not in TYPES:
                    continue
                m = _mention(article.text, sent, toks, s, e, TYPES[typ])
                if m is None:
                    continue
                if (typ, s, e) in from_crf:
                    m.source = "crf"
                else:
                    m.source = "gazetteer" if gaz.lookup(m.key) else "rule"
                if typ == "PERS":
                    m.role = _role(article.text, toks, tags, found, n, gaz)
                mentions.append(m)
        return mentions


def _span_key(toks: list[rules.Token], s: int, e: int) -> str:
    return " ".join([toks[s].base] + [t.key for t in toks[s + 1 : e]])


def _propagate(sents, gaz: gazetteer.Gazetteer) -> None:
    """Tag untagged repeats of names found elsewhere in the article.

    A person's last name alone (ويتكوف after ستيف ويتكوف) is the same person; a
    name's form with or without a proclitic is the same name. Two people read as one
    name are split first (`person_split`).
    """
    person_split.split_people(sents, gaz)
    known: dict[str, str] = {}
    for _, toks, tags in sents:
        for typ, s, e in spans(tags):
            if typ in TYPES:
                known.setdefault(_span_key(toks, s, e), typ)
                last = toks[e - 1]
                if typ == "PERS" and e - s > 1 and (not last.key.startswith("ال")
                                                    or last.key not in gaz.common_words):
                    known.setdefault(last.base, "PERS")
    for k in list(known):
        if k in gaz.nationality or k in gaz.function_words or k in gaz.titles or len(k) < 3 \
                or k in gaz.ambiguous_places:  # a place by its context only (مدينة بورصة)
            del known[k]
    # first word -> number of words -> the other words -> type
    by_first: dict[str, dict[int, dict[tuple[str, ...], str]]] = {}
    for k, typ in known.items():
        first, *rest = k.split(" ")
        by_first.setdefault(first, {}).setdefault(len(rest) + 1, {})[tuple(rest)] = typ
    # word key -> (number of words, [(proclitic chars, base, other words -> type)]) of the
    # known names that may start with it, longest first
    starting: dict[str, list[tuple[int, list[tuple[int, str, dict[tuple[str, ...], str]]]]]] = {}
    maybe = with_proclitics(by_first)
    for _, toks, tags in sents:
        i = 0
        while i < len(toks):
            k = toks[i].key
            if k not in maybe:  # most words
                i += 1
                continue
            names = starting.get(k)
            if names is None:
                names = starting[k] = _names_starting(k, by_first)
            for n, readings in names:
                if n > len(toks) - i:
                    continue
                rest = tuple([t.key for t in toks[i + 1 : i + n]]) if n > 1 else ()
                typ = None
                for clitic, base, table in readings:
                    typ = table.get(rest)
                    if typ:
                        toks[i].clitic, toks[i].base = clitic, base
                        break
                if typ and (tags[i] == "O" if n == 1 else all(t == "O" for t in tags[i : i + n])):
                    tags[i] = "B-" + typ
                    for j in range(i + 1, i + n):
                        tags[j] = "I-" + typ
                    i += n
                    break
            else:
                i += 1


def _names_starting(k: str, by_first: dict[str, dict[int, dict[tuple[str, ...], str]]]) \
        -> list[tuple[int, list[tuple[int, str, dict[tuple[str, ...], str]]]]]:
    """For `_propagate`: the lengths of the known names that may start with word key `k`,
    longest first, each with the readings of `k` (proclitic chars, base) that start one
    and the table of their other words."""
    splits = proclitic_splits(k)
    if len(splits) == 1 and k not in by_first:  # most words
        return []
    splits = [(clitic, base, by_first[base]) for clitic, base in splits if base in by_first]
    if not splits:
        return []
    lengths = sorted({n for _, _, by_length in splits for n in by_length}, reverse=True)
    return [(n, [(clitic, base, by_length[n]) for clitic, base, by_length in splits if n in by_length])
            for n in lengths]


def _strip(text: str, tok: rules.Token) -> int:
    """Original-text offset where a token's name starts, after its proclitic."""
    if not tok.clitic:
        return tok.start
    _, offsets = fold(text[tok.start : tok.end])
    return tok.start + offsets[tok.clitic]


def _mention(text: str, sent: Sentence, toks: list[rules.Token], s: int, e: int, typ: str) -> Optional[Mention]:
    while s < e and toks[s].text in rules.QUOTES:
        s += 1
    while e > s and toks[e - 1].text in rules.QUOTES:
        e -= 1
    if s >= e:
        return None
    start, end = _strip(text, toks[s]), toks[e - 1].end
    surface = text[start:end]
    k = _span_key(toks, s, e)
    return Mention(type=typ, start=start, end=end, surface=surface, sentence=sent.index,
                   key=k)


def _role(text: str, toks, tags, found, n: int, gaz) -> Optional[str]:
    """The title/role phrase the sentence attaches to person span `n`, as written."""
    _, s, e = found[n]
    rng = rules.right_role(toks, tags, e, gaz)
    if rng is None:
        rng = rules.left_role(toks, tags, s, gaz)
    if rng is None and s >= 2 and toks[s - 1].text == "،" and n > 0 and found[n - 1][0] == "PERS" \
            and found[n - 1][2] == s - 1:
        prev = rules.left_role(toks, tags, found[n - 1][1], gaz)
        outer = rules.left_role(toks, tags, found[n - 1][1], gaz, inner=False)
        rng = outer if outer and (prev is None or outer[0] < prev[0]) else None
        if rng:  # the phrase with the possessor's name: "مبعوث الرئيس الأمريكي دونالد ترامب"
            rng = (rng[0], found[n - 1][2])
    if rng is None and s >= 2 and toks[s - 1].text == "،":  # "كبير المساعدين في الكرملين، يوري أوشاكوف"
        rng = rules.left_role(toks, tags, s - 1, gaz)
    if rng is None:
        return None
    a, b = rng
    while b > a and toks[b - 1].text == "،":
        b -= 1
    start = _strip(text, toks[a])
    role = " ".join(text[start : toks[b - 1].end].split())
    # "للرئيس" is ل + الرئيس: give the role its article back
    return "ا" + role if toks[a].key.startswith("لل") and toks[a].clitic else role or None

