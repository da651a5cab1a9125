"""Match keys for Arabic text, with a map back to the original offsets.

A key is for matching only: Unicode compatibility forms unfolded (camel-tools'
`normalize_unicode`, e.g. the ligature ﻻ -> لا), diacritics removed (`dediac_ar`),
tatweel, bidi and zero-width marks dropped, alef/hamza forms folded to ا, ؤ -> و,
ئ -> ي, alef maqsura -> ي, teh marbuta -> ه (camel-tools' `normalize_*_ar`),
Arabic-Indic and Persian digits to ASCII, Latin lower-cased. Display always uses
the original text: `fold()` returns, for every key character, the index of the
original character it came from.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterable

_DROP = set(
    "\u0640"  # tatweel
    "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"  # zero-width, LRM/RLM, BOM
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"  # bidi controls
)
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}
_DIGITS.update({chr(0x06F0 + i): str(i) for i in range(10)})
_EXTRA = {"ؤ": "و", "ئ": "ي", "\u00a0": " ", "ـ": ""}


# The camel-tools normalisers (camel_tools.utils.normalize and .dediac, v1.6) applied
# per character, written out so that `key` does not import camel-tools (whose charsets
# module costs ~0.3 s of start-up). `bench/check_fold.py` checks every code point
# against camel-tools itself.
_CAMEL_UNICODE_FIX = {"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"}  # normalize_unicode
_CAMEL_AR_DIAC = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")  # dediac_ar
_CAMEL_LETTERS = {"\u0625": "\u0627", "\u0623": "\u0627", "\u0671": "\u0627", "\u0622": "\u0627",  # alef
                  "\u0649": "\u064a",  # alef maksura -> yeh
                  "\u0629": "\u0647"}  # teh marbuta -> heh


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The key form of one character (possibly empty or several characters)."""
    if ch in _DROP:
        return ""
    if ch in _DIGITS:
        return _DIGITS[ch]
    import unicodedata

    out = unicodedata.normalize("NFKC", _CAMEL_UNICODE_FIX.get(ch, ch))  # normalize_unicode
    out = "".join(c for c in out if c not in _CAMEL_AR_DIAC)  # dediac_ar
    out = "".join(_CAMEL_LETTERS.get(c, c) for c in out)  # normalize_alef/alef_maksura/teh_marbuta_ar
    out = "".join(_EXTRA.get(c, _DIGITS.get(c, c)) for c in out if c not in _DROP)
    return out.lower()


class _FoldTable(dict):
    """`str.translate` table: code point -> its key form, filled on first sight; `single`
    holds the characters known to have a one-character key form."""

    def __init__(self) -> None:
        super().__init__()
        self.single: set[str] = set()

    def __missing__(self, code: int) -> str:
        out = self[code] = fold_char(chr(code))
        if len(out) == 1:
            self.single.add(chr(code))
        return out


_TABLE = _FoldTable()


def fold(text: str) -> tuple[str, list[int]]:
    """Key of `text` and, per key character, the offset of its source character.

    The returned list has one extra final entry, `len(text)`, so that a key span
    [i, j) maps back to the original span [offsets[i], offsets[j]) -- use
    `original_span` rather than indexing by hand.
    """
    folded = _fold_text(text)
    if len(folded) == len(text) and _TABLE.single.issuperset(text):
        offsets = list(range(len(text) + 1))  # one key character per character
        return folded, offsets
    chars: list[str] = []
    offsets = []
    for i, ch in enumerate(text):
        for out in _TABLE[ord(ch)]:
            chars.append(out)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(chars), offsets


def original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a key span [start, end) back to original offsets [s, e)."""
    s = offsets[start]
    e = offsets[end - 1] + 1 if end > start else s
    return s, e


def key(text: str) -> str:
    """The match key of `text` (whitespace runs collapsed, ends stripped)."""
    return " ".join(_fold_text(text).split())


def span_keys(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """`key(text[start:end])` for each span, folding the text once: spans without a
    character whose key form is not one character (a diacritic, tatweel, a ligature)
    are cut from that, the others keyed on their own."""
    kept: list[int] = []  # offsets of the characters left as written

    def one_for_one(match: re.Match) -> str:
        out = _TABLE[ord(match.group())]
        if len(out) == 1:
            return out
        kept.append(match.start())
        return match.group()

    aligned = text
    for ch, folded in _FREQUENT:
        aligned = aligned.replace(ch, folded)
    aligned = _OTHER.sub(one_for_one, aligned)
    out = []
    for start, end in spans:
        if kept and bisect_left(kept, start) < bisect_left(kept, end):
            out.append(key(text[start:end]))
        else:
            out.append(" ".join(aligned[start:end].split()))
    return out


# `str.translate` looks every character up in the table (~150 ns each on Arabic
# text). Most characters of Arabic news are their own key, and most of the others
# are a few letters (ة ى أ إ آ ؤ ئ): those are folded by `str.replace`, which scans
# at C speed, and the rare other characters one by one.
_OWN_KEY_CANDIDATES = ("\t\n\r" + "".join(map(chr, range(0x20, 0x7F)))
                       + "".join(map(chr, range(0x0600, 0x0700))) + "«»“”‘’–—")
_OWN_KEY = "".join(c for c in _OWN_KEY_CANDIDATES if fold_char(c) == c)
_FREQUENT = tuple((c, fold_char(c)) for c in "ةىأإآؤئ")
_OTHER = re.compile(f"[^{re.escape(_OWN_KEY)}]")
_TABLE.single.update(_OWN_KEY, (c for c, _ in _FREQUENT))
_SHORT = 32  # shorter texts are translated directly


def _fold_text(text: str) -> str:
    """`text` with every character replaced by its key form (`text.translate(_TABLE)`)."""
    if len(text) < _SHORT:
        return text.translate(_TABLE)
    for ch, folded in _FREQUENT:
        text = text.replace(ch, folded)
    return _OTHER.sub(_fold_match, text)


def _fold_match(match: re.Match) -> str:
    return _TABLE[ord(match.group())]
