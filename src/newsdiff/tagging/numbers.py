"""Numbers written in Arabic news: digits and number words, with their values.

`scan` reads a folded text (`normalize.fold`: ASCII digits, no diacritics, alef/hamza
forms as ا, teh marbuta as ه, alef maqsura as ي) and returns every number in it:
- digits, with thousands separators (1,500 / 1٬500 / 1.500.000) and decimals (2.5 / 2٫5);
- cardinal words and compounds (خمس، ثلاثة عشر، ثلاثمائة وخمسون، مائة وخمسون ألفا);
- scale words alone or after a number (ألف، آلاف، مليون، ملايين، مليار; "800 ألف",
  "2.5 مليون", "نصف مليون"), their duals (ألفين، مليونا) = 2 x scale;
- definite ordinals (الأول .. العاشر، الحادي عشر، الحادي والعشرون، العشرون, "الـ 12").
A leading proclitic (و، ف، ل، ب، ك) is left outside the span ("لخمس" -> "خمس").
Duals of counted nouns (يومين) belong to the unit lexicon, not here.
No library was used: pyarabic's text2number misreads "800 ألف" and duals (FACTS.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalize import key

_UNITS = {
    1: "واحد واحدة واحدا",
    2: "اثنان اثنين اثنتان اثنتين",
    3: "ثلاث ثلاثة",
    4: "أربع أربعة",
    5: "خمس خمسة",
    6: "ست ستة",
    7: "سبع سبعة",
    8: "ثمان ثماني ثمانية",
    9: "تسع تسعة",
}
_TEEN_HEADS = {1: "أحد إحدى", 2: "اثنا اثني اثنتا اثنتي"}
_ORDINAL_HEADS = "حادي حادية"  # only in الحادي عشر، الحادي والعشرون
_TEN_WORDS = "عشر عشرة"
_TENS = {
    20: "عشرون عشرين", 30: "ثلاثون ثلاثين", 40: "أربعون أربعين", 50: "خمسون خمسين",
    60: "ستون ستين", 70: "سبعون سبعين", 80: "ثمانون ثمانين", 90: "تسعون تسعين",
}
_HUNDRED_STEMS = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع"}
_HUNDREDS = {100: "مائة مئة", 200: "مائتان مائتين مئتان مئتين مائتا مئتا مائتي مئتي"}
# scale value -> (singular forms, dual forms, plural forms used after 3..10)
_SCALES = {
    1_000: ("ألف ألفا", "ألفان ألفين ألفي", "آلاف"),
    1_000_000: ("مليون مليونا", "مليونان مليونين مليوني", "ملايين"),
    1_000_000_000: ("مليار مليارا بليون", "ملياران مليارين ملياري", "مليارات بلايين"),
    1_000_000_000_000: ("تريليون", "تريليونان تريليونين", "تريليونات"),
}
_FRACTIONS = {"نصف": 0.5, "ربع": 0.25}
_ORDINAL_UNITS = {
    1: "أول أولى", 2: "ثاني ثانية", 3: "ثالث ثالثة", 4: "رابع رابعة", 5: "خامس خامسة",
    6: "سادس سادسة", 7: "سابع سابعة", 8: "ثامن ثامنة", 9: "تاسع تاسعة", 10: "عاشر عاشرة",
}

_DIGITS = re.compile(
    r"\d{1,3}(?:\.\d{3}){2,}(?![\d.])"  # 1.500.000
    r"|\d{1,3}(?:[,\u066c]\d{3})+(?:[.\u066b]\d+)?(?!\d)"  # 1,500 / 1٬500.5
    r"|\d+(?:[.\u066b]\d+)?(?!\d)"  # 137 / 2.5 / 2٫5
)
_TOKEN = re.compile(_DIGITS.pattern + r"|[^\W\d_]+")
_PROCLITIC = re.compile(r"^(?:[وف]?[لبك]|[وف])")


@dataclass(frozen=True)
class Number:
    """A number found in a folded text: span [start, end), value, and how it was written."""

    start: int
    end: int
    value: float | int
    ordinal: bool = False
    definite: bool = False  # written with the article: الثلاثة، الثالث
    digits: bool = False  # written (at least partly) in digits


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def digits_value(text: str) -> float | int:
    """Value of a digit string (ASCII digits; separators as in `_DIGITS`)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", text):
        return int(text.replace(".", ""))
    text = text.replace(",", "").replace("\u066c", "").replace("\u066b", ".")
    return _tidy(float(text))


@lru_cache(maxsize=None)
def _lexicon() -> dict[str, tuple[str, float]]:
    """Folded word -> (role, value). Roles: unit, teen_head, ten, tens, hundred,
    scale, scale_dual, scale_plural, fraction, ord_unit, ord_head."""
    lex: dict[str, tuple[str, float]] = {}

    def add(words: str, role: str, value: float) -> None:
        for w in words.split():
            lex.setdefault(key(w), (role, value))

    for v, words in _UNITS.items():
        add(words, "unit", v)
    for v, words in _TEEN_HEADS.items():
        add(words, "teen_head", v)
    add(_TEN_WORDS, "ten", 10)
    for v, words in _TENS.items():
        add(words, "tens", v)
    for v, words in _HUNDREDS.items():
        add(words, "hundred", v)
    for v, stem in _HUNDRED_STEMS.items():
        add(stem + "مائة " + stem + "مئة", "hundred", v * 100)
    for v, (one, dual, plural) in _SCALES.items():
        add(one, "scale", v)
        add(dual, "scale_dual", v)
        add(plural, "scale_plural", v)
    for w, v in _FRACTIONS.items():
        add(w, "fraction", v)
    for v, words in _ORDINAL_UNITS.items():
        add(words, "ord_unit", v)
    add(_ORDINAL_HEADS, "ord_head", 1)
    return lex


@lru_cache(maxsize=65536)
def _word(token: str) -> tuple[str, float, int, bool] | None:
    """(role, value, proclitic length, definite) of a word token, or None."""
    lex = _lexicon()
    candidates = [(token, 0)]
    m = _PROCLITIC.match(token)
    if m:
        candidates += [(token[len(p):], len(p)) for p in sorted({m.group(0)[:1], m.group(0)}, key=len)]
    if token.startswith("لل"):
        candidates.append(("ال" + token[2:], 1))  # ل + ال written لل
    for word, skip in candidates:
        for article, stem in ((False, word), (True, word[2:] if word.startswith("ال") else "")):
            if stem in lex:
                role, value = lex[stem]
                if role in ("ord_unit", "ord_head") and not article:
                    continue  # indefinite ordinals (ثاني، أول) are adjectives, not figures
                return role, value, skip, article
    return None


def definite_ordinal(word_key: str) -> bool:
    """Whether a folded word is a definite ordinal (الأول .. العاشر) with no proclitic."""
    found = _word(word_key)
    return found is not None and found[0] == "ord_unit" and found[2] == 0


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


class _Starts(dict):
    """Word -> whether a number can start with it (`scan`), memoised (emptied past LIMIT
    words, as the other word memos are)."""

    LIMIT = 500_000

    def __missing__(self, word: str) -> bool:
        if len(self) >= self.LIMIT:
            self.clear()
        self[word] = start = word[0].isdigit() or word == "ال" or _word(word) is not None
        return start


_STARTS = _Starts()
_WORD_OR_DIGIT = re.compile(r"\d|[^\W\d_]+")


def scan(text: str) -> list[Number]:
    """All numbers in a folded `text`, left to right, not overlapping."""
    words = _WORD_OR_DIGIT.findall(text)
    if not any(map(_STARTS.__getitem__, words)):  # most sentences: no digit, no number word
        return []
    toks = _tokens(text)
    out: list[Number] = []
    i = 0
    while i < len(toks):
        tok = toks[i][2]
        # only these can start a number (see _read); most words are none
        found = _read(text, toks, i) if tok[0].isdigit() or tok == "ال" or _word(tok) else None
        if found is None:
            i += 1
            continue
        number, i = found
        out.append(number)
    return out


def _adjacent(text: str, toks, j: int) -> bool:
    """True if token j follows token j-1 with only spaces between."""
    return not text[toks[j - 1][1]:toks[j][0]].strip()


def _read(text: str, toks, i: int) -> tuple[Number, int] | None:
    """The number starting at token i, and the index of the token after it."""
    s, e, tok = toks[i]
    if tok[0].isdigit():
        value = digits_value(tok)
        j = i + 1
        if j < len(toks) and _adjacent(text, toks, j):
            w = _word(toks[j][2])
            if w and not w[2] and not w[3] and w[0] in ("scale", "scale_plural", "scale_dual"):
                return Number(s, toks[j][1], _tidy(value * w[1]), digits=True), j + 1
        return Number(s, e, value, digits=True), j
    if tok == "ال" and i + 1 < len(toks) and toks[i + 1][2][0].isdigit() and _adjacent(text, toks, i + 1):
        ns, ne, nt = toks[i + 1]  # "الـ 12": an ordinal in digits
        return Number(s, ne, digits_value(nt), ordinal=True, definite=True, digits=True), i + 2
    first = _word(tok)
    if first is None:
        return None
    role, value, skip, definite = first
    if role in ("ord_unit", "ord_head"):
        return _read_ordinal(text, toks, i, s + skip, role, value)
    if role == "scale_plural":
        return None  # "آلاف الجنود": thousands, not a number
    return _read_cardinal(text, toks, i, s + skip, first)


# roles that may follow without "و" ("ثلاثة عشر", "ثلاث مائة", "ثلاثة آلاف", "نصف مليون")
_NEXT = {
    "unit": {"ten", "hundred", "scale", "scale_plural", "scale_dual"},
    "teen_head": {"ten"},
    "ten": {"scale", "scale_dual"},
    "tens": {"scale", "scale_dual"},
    "hundred": {"scale", "scale_dual"},
    "fraction": {"scale"},
}
_JOINABLE = {"unit", "tens", "hundred", "teen_head", "scale", "scale_dual"}
_MAGNITUDE = {"unit": 1, "teen_head": 1, "ten": 10, "tens": 10, "hundred": 100}


def _read_cardinal(text, toks, i, start, first) -> tuple[Number, int] | None:
    """Cardinal words: units, teens, tens joined by و, hundreds, scales."""
    role, value, _, definite = first
    total, current, last_role, last_value, magnitude = 0.0, 0.0, "", 0.0, float("inf")
    j, end = i, toks[i][1]
    while j < len(toks):
        if j > i:
            if not _adjacent(text, toks, j):
                break
            tok = toks[j][2]
            w = _word(tok)
            joined = False
            if w is None or w[2] or w[0] not in _NEXT.get(last_role, ()):
                w = _word(tok[1:]) if tok.startswith("و") and len(tok) > 1 else None
                joined = True
            if w is None or w[2] or (w[3] and not definite):
                break
            role, value = w[0], w[1]
            if joined:
                if role not in _JOINABLE:
                    break
                small = value if role != "scale_dual" else 2 * value
                if not (role == "tens" and last_role == "unit") and small >= magnitude:
                    break  # "خمسة وعشرون" and "مائة وخمسون" join; "ثلاثة وأربعة" does not
            elif role not in _NEXT.get(last_role, ()):
                break
        if role == "ten" and last_role in ("unit", "teen_head"):
            current += 10
        elif role == "hundred" and last_role == "unit" and value == 100:
            current += last_value * 99  # "ثلاث مائة"
        elif role in ("unit", "tens", "hundred", "ten", "teen_head", "fraction"):
            current += value
        elif role == "scale_dual" and not current:
            total += 2 * value  # "ألفين", "مليونا شخص"; after a number "عشرون ألفا" is one scale
        else:  # scale, scale_plural, scale_dual after a number
            total += (current or 1) * value
            current = 0
        magnitude = value if role.startswith("scale") else _MAGNITUDE.get(role, magnitude)
        if role == "unit" and last_role in ("tens",):
            magnitude = 1
        last_role, last_value = role, value
        end = toks[j][1]
        j += 1
    if last_role == "fraction" or (first[0] == "teen_head" and j == i + 1):
        return None  # "نصف" alone; "أحد" alone means "one of"
    result = total + current
    if not result:
        return None
    return Number(start, end, _tidy(result), definite=definite), j


def _read_ordinal(text, toks, i, start, role, value) -> tuple[Number, int] | None:
    """Definite ordinal: الثالث، الثالث عشر، الحادي عشر، الحادي والعشرون."""
    j = i + 1
    if j < len(toks) and _adjacent(text, toks, j):
        tok = toks[j][2]
        w = _word(tok)
        if w and w[0] == "ten" and not w[2]:
            return Number(start, toks[j][1], value + 10, ordinal=True, definite=True), j + 1
        if tok.startswith("وال"):
            w = _word(tok[1:])
            if w and w[0] == "tens":
                return Number(start, toks[j][1], value + w[1], ordinal=True, definite=True), j + 1
    if role == "ord_head":
        return None
    return Number(start, toks[i][1], value, ordinal=True, definite=True), j


def parse_number(text: str) -> float | int | None:
    """The value of `text` if it is exactly one number (digits or words), else None."""
    folded = key(text)
    found = scan(folded)
    if len(found) == 1 and found[0].start <= 2 and found[0].end == len(folded):
        return found[0].value
    return None
