"""Dates: expressions that place something on the calendar, resolved to ISO 8601.

Who does what:
- dateparser (maintained library) gives the value of absolute dates: numeric forms
  ("6/12/2025", "2025-12-06", day-month-year order) and Gregorian month names
  ("3 ديسمبر 2025", "فبراير 2022") with their precision (day, month, year). It has no
  character offsets and no Levantine month names, so spans are found here with patterns
  built from `seeds/calendar.yaml`, and كانون الأول/شباط/... are passed to it as
  ديسمبر/فبراير/... .
- hijridate (maintained, Umm al-Qura tables) converts Hijri dates to Gregorian; a Hijri
  month or year that straddles two Gregorian months/years keeps the coarser value or null.
- Written here, because no library has it: the Arabic relative grammar resolved against
  `Article.published` -- أمس، اليوم، غدا، "اليوم السبت"، "أمس الجمعة"، "مساء الجمعة"،
  bare weekdays (the most recent on or before publication, the next one in a future
  context: من المتوقع أن، من المقرر أن، سوف، a سـ verb just before, المقبل)، هذا الأسبوع /
  الأسبوع الماضي (-> the month of that week's Thursday)، "في وقت سابق من ..."، parts of a
  period (مطلع/منتصف/نهاية ...: the period's precision)، الشهر/العام الماضي/الجاري/المقبل،
  "أغسطس الماضي".
Rules: the longest expression wins where two overlap ("عطلة نهاية هذا الأسبوع" is one
date); an attached proclitic (و، ف، ب) stays outside the span. With no publication date,
relative expressions are null, except that year-level ones (العام الجاري، نهاية العام) and
month names without a year take the article's current year when its text gives one: the
latest year of its absolute dates that is not a start or deadline (منذ، حتى، بحلول) nor in
a future sentence. A quoted "أمس" whose previous sentence places the reported event on
an earlier weekday takes that weekday's date (the quote was said the day after it).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..model import Article, Mention, Sentence
from ..normalize import fold, fold_char, key, original_span
from ..resources import seeds_dir
from .numbers import scan

_DIGIT = re.compile(r"\d")
_QUOTES = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]')


def _alt(words) -> str:
    """Regex alternation of folded `words`, longest first, spaces as \\s+."""
    folded = sorted({key(w) for w in words if key(w)}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in folded) + ")"


@lru_cache(maxsize=None)
def calendar() -> dict:
    """`seeds/calendar.yaml`, loaded once."""
    import yaml

    with open(seeds_dir() / "calendar.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


@dataclass(frozen=True)
class _Grammar:
    patterns: tuple[tuple[str, re.Pattern], ...]
    # rule -> (needs a digit, words one of which it needs where a pattern reads it: see
    # `_starts_word`): a sentence without them cannot match the rule, which is then not
    # run (most sentences have no date)
    triggers: dict[str, tuple[bool, tuple[str, ...]]]
    months: dict[str, int]  # folded name -> month
    msa: dict[int, str]  # month -> a name dateparser reads
    hijri: dict[str, int]
    weekdays: dict[str, int]
    days: dict[str, int]
    relative: dict[str, int]
    future: re.Pattern
    not_future: frozenset
    general: frozenset
    non_anchoring: frozenset


@lru_cache(maxsize=None)
def _grammar() -> _Grammar:
    cal = calendar()
    months: dict[str, int] = {}
    msa = {}
    for m, names in cal["months"].items():
        for name in names["msa"] + names["levantine"]:
            months[key(name)] = int(m)
        msa[int(m)] = names["msa"][0]
    hijri = {key(n): int(m) for m, names in cal["hijri_months"].items() for n in names}
    weekdays = {key(n): int(d) for d, names in cal["weekdays"].items() for n in names}
    relative = {key(w): int(k) for k, words in cal["relative"].items() for w in words}
    unambiguous = [n for n in months if n not in {key(a) for a in cal["ambiguous_months"]}]

    B, E = r"(?<!\w)", r"(?!\w)"
    PRO = r"(?:[وف]?[بلك]?)"
    MONTH = _alt(months)
    MONTHX = rf"(?P<month>{MONTH})(?:\s*/\s*{MONTH}|\s*\(\s*{MONTH}\s*\))?"
    BARE_MONTH = rf"(?P<month>{_alt(unambiguous)})(?:\s*/\s*{MONTH})?"
    YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)(?!\d)"
    YEARWORD = r"(?:عام|العام|سنه|السنه)"
    GMARK = rf"(?:\s*{_alt(cal['gregorian_markers'])}{E})?"
    HMARK = rf"\s*{_alt(cal['hijri_markers'])}{E}"
    DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?!\d)"
    ORD = r"(?P<ord>ال\w+(?:\s+(?:عشر|وال\w+))?)"
    WD = rf"(?P<wd>{_alt(weekdays)})"
    WDPRE = rf"(?:(?:يوم\s+)?{_alt(weekdays)}\s*[،,]?\s+)?"
    REL = rf"(?P<rel>{_alt(relative)})"
    PART = rf"(?P<part>{_alt(cal['period_parts'])})"
    DAYPART = _alt(cal["day_parts"])
    PERIODS = _alt(w for ws in cal["periods"].values() for w in ws)
    PERIOD = rf"(?P<period>{PERIODS})"
    THIS = _alt(cal["this"])
    TIME = rf"(?:\s*(?:[-–—،,]|الساعه)?\s*(?P<time>\d{{1,2}}:\d\d)(?:\s*(?P<ampm>[صم]){E})?)?"
    YEAR_PREP = _alt(cal["year_prepositions"])

    raw = {
        "numeric": rf"(?P<x>(?:(?P<d1>\d{{1,2}})(?P<s1>[/.\-])(?P<m1>\d{{1,2}})(?P=s1)(?P<y1>\d{{4}})"
                   rf"|(?P<y2>\d{{4}})(?P<s2>[/\-])(?P<m2>\d{{1,2}})(?P=s2)(?P<d2>\d{{1,2}})){TIME})(?!\d)",
        "dmy": rf"(?P<x>{WDPRE}(?:{DAY}|{ORD})\s+(?:من\s+)?(?:شهر\s+)?{MONTHX}"
               rf"(?:\s*[،,]?\s+(?:من\s+)?(?:{YEARWORD}\s+)?{YEAR}{GMARK}|\s+{REL})?{TIME})",
        "my": rf"(?P<x>(?:شهر\s+)?{MONTHX}\s+(?:من\s+)?(?:{YEARWORD}\s+)?{YEAR}{GMARK})",
        "part_month": rf"(?P<x>{PART}\s+(?:شهر\s+)?{MONTHX}(?:\s+(?:{REL}|(?:من\s+)?(?:{YEARWORD}\s+)?{YEAR}{GMARK}))?)",
        "month_rel": rf"(?P<x>(?:شهر\s+)?{MONTHX}\s+{REL})",
        "bare_month": rf"(?:{YEAR_PREP})\s+(?P<x>{BARE_MONTH})",
        "month_word": rf"(?P<x>شهر\s+{MONTHX})",
        "day_of_month": rf"(?P<x>(?:يوم\s+)?(?:{DAY}|{ORD})\s+من\s+(?:الشهر\s+{REL}|{THIS}\s+الشهر))",
        "year": rf"(?P<x>(?:{PART}\s+)?{YEARWORD}\s+{YEAR}{GMARK})",
        "bare_year": rf"(?P<prep>{YEAR_PREP})\s+(?P<x>{YEAR}{GMARK})(?!\s*[%٪.,]\d)",
        "hijri": rf"(?P<x>(?:(?P<hday>[12]\d|3[01]|0?[1-9])\s+)?(?P<hmonth>{_alt(hijri)})\s+(?P<hyear>1[34]\d\d)(?!\d)(?:{HMARK})?"
                 rf"|(?:{YEARWORD}\s+)?(?P<hyear2>1[34]\d\d){HMARK})",
        "weekday": rf"(?P<x>(?:(?P<pre>اليوم|امس|الامس|يوم|(?:{DAYPART})(?:\s+يوم)?)\s+)?{WD}(?:\s+{REL})?)",
        "day": rf"(?P<x>(?:(?:{DAYPART})\s+|يوم\s+)?(?P<dw>{_alt(cal['days'])}))",
        "period": rf"(?P<x>(?:(?P<el>{_alt(cal['earlier_later'])})\s+)?(?:{PART}\s+)?"
                  rf"(?:{THIS}\s+{PERIOD}|(?P<period2>{PERIODS})\s+{REL}))",
        "part_period": rf"(?P<x>{PART}\s+{PERIOD}){E}(?!\s+(?:{REL}|\d))",
        "earlier_today": rf"(?P<x>(?P<el>{_alt(cal['earlier_later'])})\s+اليوم)",
    }
    patterns = tuple((name, re.compile(B + PRO + "(?:" + p + ")" + E)) for name, p in raw.items())
    future = re.compile(_alt(cal["future_markers"]))

    def firsts(words) -> tuple[str, ...]:
        return tuple({key(w).split()[0] for w in words if key(w)})

    month_words = firsts(months)
    period_words = firsts(w for ws in cal["periods"].values() for w in ws)
    triggers = {rule: (False, month_words) for rule in
                ("dmy", "my", "part_month", "month_rel", "bare_month", "month_word")}
    triggers.update({
        "numeric": (True, ()), "year": (True, ()), "bare_year": (True, ()),
        "hijri": (True, firsts(hijri)), "day_of_month": (False, ("الشهر",)),
        "weekday": (False, firsts(weekdays)), "day": (False, firsts(cal["days"])),
        "period": (False, period_words), "part_period": (False, period_words),
        "earlier_today": (False, ("اليوم",)),
    })
    assert set(triggers) == set(raw), "every date rule needs its trigger words"
    return _Grammar(
        patterns=patterns, triggers=triggers, months=months, msa=msa, hijri=hijri, weekdays=weekdays,
        days={key(w): int(v) for w, v in cal["days"].items()}, relative=relative, future=future,
        not_future=frozenset(key(w) for w in cal["not_future_verbs"]),
        general=frozenset(key(w) for w in cal["general_nouns"]),
        non_anchoring=frozenset(key(w) for w in cal["non_anchoring"]),
    )


@dataclass
class _Found:
    rule: str
    start: int  # folded offsets within the sentence
    end: int
    m: re.Match
    sentence: Sentence
    text: str  # folded sentence


def _candidates(sentence: Sentence, text: str) -> list[_Found]:
    """All matches of all rules in a folded sentence; the longest wins where they overlap."""
    g = _grammar()
    found = []
    has_digit = _DIGIT.search(text) is not None
    present: dict[tuple[str, ...], bool] = {}  # trigger words -> whether one starts a word
    for rule, pattern in g.patterns:
        needs_digit, words = g.triggers[rule]
        if not (needs_digit and has_digit):
            hit = present.get(words)
            if hit is None:
                hit = present[words] = any(_starts_word(text, w) for w in words if w in text)
            if not hit:
                continue
        for m in pattern.finditer(text):
            s, e = m.span("x")
            f = _Found(rule, s, e, m, sentence, text)
            if _plausible(f):
                found.append(f)
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken: list[_Found] = []
    for f in found:
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    return sorted(taken, key=lambda f: f.start)


def _starts_word(text: str, word: str) -> bool:
    """Whether `word` occurs in `text` where a rule's pattern can read it: at the start of
    a word (no word character before it, as `(?<!\\w)`), perhaps after a proclitic (و ف
    then ب ل ك, as the patterns' prefix), and not followed by a letter other than the ا of
    الساعة (a time glued to a date) -- "اب" (August) begins many words."""
    at = text.find(word)
    while at >= 0:
        start, end = at, at + len(word)
        if start and text[start - 1] in "بلك":
            start -= 1
        if start and text[start - 1] in "وف":
            start -= 1
        if (not start or not _word_char(text[start - 1])) \
                and (end == len(text) or not _word_char(text[end]) or text[end].isdecimal() or text[end] == "ا"):
            return True
        at = text.find(word, at + 1)
    return False


def _word_char(ch: str) -> bool:
    """Whether `ch` is a word character (`\\w`)."""
    return ch.isalnum() or ch == "_"


def _plausible(f: _Found) -> bool:
    """Reject readings that are not dates in context (اليوم الثالث, الأمين العام السابق)."""
    g, text, m = _grammar(), f.text, f.m
    gd = m.groupdict()
    after = text[f.end:].lstrip()
    before = text[:f.start].split()
    if f.rule == "day" and m.group("dw") == "اليوم":
        nxt = after.split()[0] if after.split() else ""
        if nxt.startswith("ال") and key(nxt) not in g.weekdays:
            return False  # اليوم الثالث، اليوم الوطني
        if before and before[-1] in ("هذا", "ذلك", "نفس", "ذات"):
            return False
    if f.rule == "weekday":
        if m.group("wd") == "الاحد" and after.startswith("عشر"):
            return False
        if m.group("wd") == "الاثنين" and before and before[-1] in ("كلا", "بين"):
            return False
    if f.rule in ("period", "part_period") and (gd.get("period") or gd.get("period2")) == "العام":
        if not gd.get("part") and not gd.get("el") and before and before[-1] in g.general:
            return False
    if f.rule in ("dmy", "day_of_month") and m.group("ord"):
        day = _ordinal_day(m.group("ord"))
        if day is None:
            return False
    if f.rule == "bare_year" and _counts_something(after):
        return False
    return True


def _ordinal_day(text: str) -> Optional[int]:
    found = scan(text)
    if len(found) == 1 and found[0].end == len(text) and 1 <= found[0].value <= 31:
        return int(found[0].value)
    return None


def _counts_something(after: str) -> bool:
    """True if the words after a number are a counted noun ("في 2000 موقع")."""
    from .figures import unit_after

    return unit_after(after) is not None


# ---------------------------------------------------------------- values

@dataclass
class _Context:
    published: Optional[dt.date]
    precision: Optional[str]  # "datetime", "day", "month", "year" or None
    anchor_year: Optional[int]  # the article's current year from its text (no publication)

    def base(self, level: str) -> Optional[dt.date]:
        """The publication date if it is known at least to `level` (day/month/year)."""
        order = {"year": 1, "month": 2, "day": 3, "datetime": 3}
        if self.published and order.get(self.precision or "", 0) >= order[level]:
            return self.published
        return None

    def year(self) -> Optional[int]:
        base = self.base("year")
        return base.year if base else self.anchor_year


def _parse_published(article: Article) -> tuple[Optional[dt.date], Optional[str]]:
    p = article.published
    if not p:
        return None, None
    precision = article.published_precision or {4: "year", 7: "month", 10: "day"}.get(len(p), "datetime")
    parts = [int(x) for x in p[:10].split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2]), precision


@lru_cache(maxsize=1)
def _dateparser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["ar"], settings={
        "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
        "RELATIVE_BASE": dt.datetime(2000, 1, 1)})


@lru_cache(maxsize=4096)  # a corpus repeats its dates; dateparser costs ~1 ms a string
def _dateparser_value(text: str, time: Optional[str] = None) -> Optional[str]:
    data = _dateparser().get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj
    if data.period == "year":
        return f"{d.year:04d}"
    if data.period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if time:
        return f"{d:%Y-%m-%d}T{d:%H:%M}"
    return f"{d:%Y-%m-%d}"


def _weekday(base: dt.date, wd: int, direction: str) -> dt.date:
    """Most recent `wd` on or before base ("past"), strictly before ("before"),
    on or after ("future"), strictly after ("after")."""
    back = (base.weekday() - wd) % 7
    if direction == "past":
        return base - dt.timedelta(days=back)
    if direction == "before":
        return base - dt.timedelta(days=back or 7)
    ahead = (wd - base.weekday()) % 7
    return base + dt.timedelta(days=ahead if direction == "future" else (ahead or 7))


def _week_month(base: dt.date, weeks: int) -> str:
    thursday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=3 + 7 * weeks)
    return f"{thursday.year:04d}-{thursday.month:02d}"


def _shift_month(year: int, month: int, k: int) -> str:
    n = year * 12 + month - 1 + k
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def _future_context(f: _Found) -> bool:
    """A future marker before the mention in its sentence, or a سـ verb just before it."""
    g = _grammar()
    before = f.text[:f.start]
    if g.future.search(before):
        return True
    for word in before.split()[-4:]:
        word = word.lstrip("و")
        if re.fullmatch(r"س[يتنا]\w{3,}", word) and word not in g.not_future:
            return True
    return False


def _value(f: _Found, ctx: _Context) -> tuple[Optional[str], str]:
    """(ISO value or None, kind) of one found expression."""
    g, m, rule = _grammar(), f.m, f.rule
    gd = m.groupdict()
    if rule == "numeric":
        text = m.group("x")
        return _dateparser_value(text, gd.get("time")), "absolute"
    if rule in ("dmy", "my", "part_month", "month_rel", "bare_month", "month_word"):
        month = g.months[re.sub(r"\s+", " ", m.group("month"))]
        day = gd.get("day") or (gd.get("ord") and _ordinal_day(gd["ord"]))
        year = gd.get("year")
        kind = "absolute" if year else "relative"
        if not year:
            rel = g.relative.get(gd.get("rel") or "", None)
            base = ctx.base("month")
            if rel is not None and base:
                cur = base.year * 12 + base.month
                y = base.year
                if rel < 0 and y * 12 + month >= cur:
                    y -= 1
                elif rel > 0 and y * 12 + month <= cur:
                    y += 1
                year = y
            elif rel is None or rel == 0:
                year = ctx.year()
        if not year:
            return None, kind
        if rule == "part_month" or not day:
            return f"{int(year):04d}-{month:02d}", kind
        text = f"{int(day)} {g.msa[month]} {int(year)}"
        if gd.get("time"):
            text += " " + gd["time"] + (" " + gd["ampm"] if gd.get("ampm") else "")
        return _dateparser_value(text, gd.get("time")), kind
    if rule == "day_of_month":
        base = ctx.base("day")
        if not base:
            return None, "relative"
        day = int(gd.get("day") or _ordinal_day(gd["ord"]))
        month = _shift_month(base.year, base.month, g.relative.get(gd.get("rel") or "", 0))
        return _dateparser_value(f"{day} {g.msa[int(month[5:])]} {month[:4]}"), "relative"
    if rule in ("year", "bare_year"):
        return _dateparser_value("عام " + m.group("year")), "absolute"
    if rule == "hijri":
        return _hijri_value(gd), "absolute"
    if rule == "weekday":
        base = ctx.base("day")
        if not base:
            return None, "relative"
        wd = g.weekdays[m.group("wd")]
        pre, rel = gd.get("pre") or "", g.relative.get(gd.get("rel") or "")
        if pre in ("امس", "الامس") or (rel is not None and rel < 0):
            direction = "before"
        elif pre == "اليوم":
            direction = "past"
        elif rel is not None and rel > 0:
            direction = "after"
        else:
            direction = "future" if _future_context(f) else "past"
        return _weekday(base, wd, direction).isoformat(), "relative"
    if rule == "day":
        base = ctx.base("day")
        offset = g.days[re.sub(r"\s+", " ", m.group("dw"))]
        return ((base + dt.timedelta(days=offset)).isoformat() if base else None), "relative"
    if rule == "earlier_today":
        base = ctx.base("day")
        return (base.isoformat() if base else None), "relative"
    if rule in ("period", "part_period"):
        period = gd.get("period") or gd.get("period2")
        rel = g.relative.get(gd.get("rel") or "", 0)
        if period == "الاسبوع":
            base = ctx.base("day")
            return (_week_month(base, rel) if base else None), "relative"
        if period == "الشهر":
            base = ctx.base("month")
            return (_shift_month(base.year, base.month, rel) if base else None), "relative"
        year = ctx.year()
        return (f"{year + rel:04d}" if year else None), "relative"
    raise ValueError(rule)


def _hijri_value(gd: dict) -> Optional[str]:
    """Gregorian value of a Hijri date (hijridate, Umm al-Qura), at the precision it allows."""
    from hijridate import Hijri

    g = _grammar()
    try:
        if gd.get("hyear2"):
            y = int(gd["hyear2"])
            first, last = Hijri(y, 1, 1).to_gregorian(), Hijri(y, 12, Hijri(y, 12, 1).month_length()).to_gregorian()
            return f"{first.year:04d}" if first.year == last.year else None
        y, mo = int(gd["hyear"]), g.hijri[re.sub(r"\s+", " ", gd["hmonth"])]
        if gd.get("hday"):
            return Hijri(y, mo, int(gd["hday"])).to_gregorian().isoformat()
        first = Hijri(y, mo, 1).to_gregorian()
        last = Hijri(y, mo, Hijri(y, mo, 1).month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}" if first.year == last.year else None


# ---------------------------------------------------------------- article

def _anchor_year(found: list[_Found]) -> Optional[int]:
    """The article's current year from its own text (see the module docstring)."""
    g = _grammar()
    years = []
    for f in found:
        year = f.m.groupdict().get("year")
        if not year or f.rule not in ("dmy", "my", "part_month", "month_word", "year", "bare_year"):
            continue
        before = f.text[:f.start].split()
        if (before and before[-1] in g.non_anchoring) or f.m.groupdict().get("prep") in g.non_anchoring:
            continue
        if _future_context(f):
            continue
        years.append(int(year))
    return max(years) if years else None


def _in_quote(f: _Found) -> bool:
    return any(q.start() < f.start and f.end < q.end() for q in _QUOTES.finditer(f.text))


Folded = list[tuple[str, list[int]]]  # fold() of each sentence of an article


def fold_sentences(article: Article) -> Folded:
    """`fold` of each of the article's sentences (shared by dates and figures)."""
    return [fold(sentence.text) for sentence in article.sentences]


def find_dates(article: Article, folded: Optional[Folded] = None) -> list[list["_Found"]]:
    """The date expressions of each sentence (folded offsets), before their values."""
    folded = folded or fold_sentences(article)
    return [_candidates(sentence, text) for sentence, (text, _) in zip(article.sentences, folded)]


def extract_dates(article: Article, folded: Optional[Folded] = None,
                  found_by_sentence: Optional[list[list["_Found"]]] = None) -> list[Mention]:
    """Date mentions of the article's sentences, with ISO values (see module docstring).

    `folded` and `found_by_sentence` (from `fold_sentences` and `find_dates`) may be
    passed when the caller already has them.
    """
    folded = folded or fold_sentences(article)
    if found_by_sentence is None:
        found_by_sentence = find_dates(article, folded)
    found = [f for fs in found_by_sentence for f in fs]
    offsets_of = {sentence.index: offsets for sentence, (_, offsets) in zip(article.sentences, folded)}
    published, precision = _parse_published(article)
    ctx = _Context(published, precision, None if published else _anchor_year(found))
    mentions: list[Mention] = []
    weekday_dates: dict[int, list[str]] = {}
    for f in found:
        value, kind = _value(f, ctx)
        if f.rule == "weekday" and value:
            weekday_dates.setdefault(f.sentence.index, []).append(value)
        s, e = written_span(article.text, offsets_of[f.sentence.index], f.start, f.end, f.sentence.start)
        surface = article.text[s:e]
        mentions.append(Mention(type="date", start=s, end=e, surface=surface,
                                sentence=f.sentence.index, key=key(surface), value=value,
                                kind=kind, source="dates"))
        if f.rule == "day" and f.m.group("dw") in ("امس", "الامس") and value and _in_quote(f):
            earlier = [v for v in weekday_dates.get(f.sentence.index - 1, []) if v < value]
            if earlier:  # the quote was said the day after the weekday just named
                mentions[-1].value = earlier[-1]
    return mentions


def written_span(text: str, offsets: list[int], start: int, end: int, base: int) -> tuple[int, int]:
    """Article offsets of a folded span of a sentence starting at `base`, with the marks that
    folding dropped after its last letter (tanween in "عاماً", tatweel in "هـ") kept."""
    s, e = original_span(offsets, start, end)
    s, e = s + base, e + base
    while e < len(text) and not text[e].isspace() and not fold_char(text[e]):
        e += 1
    return s, e


def date_spans(found: list["_Found"]) -> list[tuple[int, int]]:
    """Folded-text spans of one sentence's date expressions (from `find_dates`), for figures."""
    return [(f.start, f.end) for f in found]
