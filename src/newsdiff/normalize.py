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

from functools import lru_cache

_DROP = set(
    "\u0640"  # tatweel
    "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"  # zero-width, LRM/RLM, BOM
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"  # bidi controls
)
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}
_DIGITS.update({chr(0x06F0 + i): str(i) for i in range(10)})
_EXTRA = {"ؤ": "و", "ئ": "ي", "\u00a0": " ", "ـ": ""}


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The key form of one character (possibly empty or several characters)."""
    if ch in _DROP:
        return ""
    if ch in _DIGITS:
        return _DIGITS[ch]
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    out = normalize_unicode(ch)
    out = dediac_ar(out)
    out = normalize_alef_ar(out)
    out = normalize_alef_maksura_ar(out)
    out = normalize_teh_marbuta_ar(out)
    out = "".join(_EXTRA.get(c, _DIGITS.get(c, c)) for c in out if c not in _DROP)
    return out.lower()


def fold(text: str) -> tuple[str, list[int]]:
    """Key of `text` and, per key character, the offset of its source character.

    The returned list has one extra final entry, `len(text)`, so that a key span
    [i, j) maps back to the original span [offsets[i], offsets[j]) -- use
    `original_span` rather than indexing by hand.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for out in fold_char(ch):
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
    return " ".join("".join(fold_char(c) for c in text).split())
