"""Reported speech: who said what ("قال X إن ...", "وصف X ... بأنها", "X قال إن").

A speech verb (with an attached و/ف) opens a quote. Its speaker is the person or
organisation mention that follows the verb, either at once or after the title the
tagger recorded as that mention's role ("قال وزير الخارجية ماركو روبيو"); failing
that, one that ends just before the verb ("زيلينسكي قال"). When no named speaker
is found, the words between the verb and the complementiser are kept as an unnamed
source ("مسؤول في البيت الأبيض"). The quote is what follows إن/أن/بأن or a colon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, islice
from typing import Optional

from ..model import Mention
from ..normalize import key
from .text import STOPWORDS, words

SPEECH_VERBS = frozenset(key(v) for v in """
قال قالت أكد أكدت أوضح أوضحت أشار أشارت صرح صرحت أضاف أضافت ذكر ذكرت وصف وصفت أعلن أعلنت
اعتبر اعتبرت رأى رأت شدد شددت حذر حذرت نفى نفت تابع تابعت أفاد أفادت لفت لفتت كشف كشفت أعرب أعربت
""".split())
_TOKEN = re.compile(r"\S+")
# The words of a sentence's key that may be a speech verb: the cheap test before tokenising it.
_VERB_WORDS = SPEECH_VERBS | {clitic + v for v in SPEECH_VERBS for clitic in "وف"}
_COMPLEMENT = re.compile(r"(?:^|\s)(?:إن|أن|بأن|إنه|أنه|بأنه|إنها|أنها|بأنها|إنهم|أنهم|بأنهم|إنهما|أنهما)(?=\s|$)|:")
MAX_GAP = 8  # longest unnamed source kept ("مصدر ثان، غير مخول بالحديث إلى الإعلام")
_ADJUNCT = frozenset(key(w) for w in "في عن على إلى من خلال أمام".split())
_MEDIA_NOUNS = frozenset(key(w) for w in "صحيفة جريدة وكالة قناة موقع مجلة شبكة منصة".split())


@dataclass
class Quote:
    """One reported statement."""

    speaker: Optional[Mention]  # the named speaker's mention, if any
    source_text: Optional[str]  # the words naming an unnamed source
    verb: str
    text: str  # what was said, as written
    start: int  # offsets of `text` in the article
    end: int


@lru_cache(maxsize=65536)
def _is_verb(token: str) -> bool:
    """Whether a token as written is a speech verb (with an attached و/ف, in quotes or not)."""
    word = key(token.strip("،,.:\"“”«»"))
    base = word[1:] if word[:1] in ("و", "ف") and word[1:] in SPEECH_VERBS else word
    return base in SPEECH_VERBS


def _verb_tokens(sentence: str, offset: int) -> list[tuple[int, int, str]]:
    verbs = list(map(_is_verb, sentence.split()))  # the tokens of _TOKEN, without match objects
    if True not in verbs:
        return []
    last = len(verbs) - verbs[::-1].index(True)  # match objects only up to the last verb
    return [(offset + m.start(), offset + m.end(), m.group())
            for m in compress(islice(_TOKEN.finditer(sentence), last), verbs)]


def find_quotes(text: str, start: int, end: int, names: list[Mention], key_words: Optional[list[str]] = None
                ) -> list[Quote]:
    """Quotes in the sentence text[start:end]; `names` are its person/org mentions,
    `key_words` the words of its match key (`text.words`) when the caller has them."""
    sentence = text[start:end]
    if _VERB_WORDS.isdisjoint(words(key(sentence)) if key_words is None else key_words):
        return []
    quotes = []
    for v_start, v_end, verb in _verb_tokens(sentence, start):
        comp = _COMPLEMENT.search(text, v_end, end)
        if not comp:
            continue
        speaker = _speaker_after(text, v_end, comp.start(), names) or _speaker_before(text, v_start, names)
        source_text = None
        if speaker is None:
            source_text = _unnamed_source(text[v_end:comp.start()])
            if source_text is None:
                continue
        q_start = comp.end()
        while q_start < end and text[q_start] in " \"“«":
            q_start += 1
        if q_start >= end:
            continue
        quotes.append(Quote(speaker, source_text, verb, text[q_start:end], q_start, end))
    return quotes


def _unnamed_source(between: str) -> Optional[str]:
    """The words naming an unnamed source ("مصدر ثان"), without the prepositions the
    verb governs ("أشار إلى", "أكد على"); None when nothing but those is left."""
    words = between.replace("،", " ، ").split()
    if words and (key(words[0]) in _ADJUNCT or (words[0][0] in "لب" and len(words[0]) > 3)):
        return None  # "قال للتلفزيون", "أعلن في كلمته": an adjunct, the speaker was named before
    while words and (key(words[0]) in STOPWORDS or words[0] == "،"):
        words.pop(0)
    while words and (key(words[-1]) in STOPWORDS or words[-1] == "،"):
        words.pop()
    if not words or len(words) > MAX_GAP:
        return None
    return " ".join(words).replace(" ، ", "، ")


def _speaker_after(text: str, after: int, limit: int, names: list[Mention]) -> Optional[Mention]:
    for m in names:
        if not (after <= m.start < limit):
            continue
        gap = key(text[after:m.start].strip(" ،,"))
        if not gap or (m.role and gap.endswith(key(m.role))) or (m.type == "org" and gap in _MEDIA_NOUNS):
            return m
    return None


def _speaker_before(text: str, verb_start: int, names: list[Mention]) -> Optional[Mention]:
    for m in names:
        if m.type == "person" and 0 <= verb_start - m.end <= 2 and not text[m.end:verb_start].strip():
            return m
    return None
