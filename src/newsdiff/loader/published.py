"""Publication dates of pages and records: the dateline, not dates in the text.

dateparser does the parsing (Arabic and English month names, numeric forms with
day-first order, ISO 8601, AM/PM); this module only cleans what it cannot read
("6th, December 2025 GMT", "11:10 ص", "كانون الأول") and reports the precision.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

# Labels that introduce a dateline ("تاريخ النشر: ...", "نشر في ...", "Published: ...").
DATELINE_LABEL = re.compile(
    r"^\s*(?:[-•·*|]\s*)*(?:تاريخ\s+النشر|تاريخ\s+الخبر|نُ?شِ?ر\s+(?:في|بتاريخ)|نشر|بتاريخ|"
    r"آخر\s+تحديث|تم\s+النشر|published(?:\s+on)?|updated|date|في)\s*[:：]?\s*",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_TZ = re.compile(r"\b(?:GMT|UTC|بتوقيت\s+\S+)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?", re.IGNORECASE)
_AMPM = re.compile(r"(\d{1,2}[:.]\d{2})\s*(ص|صباحا|صباحاً|م|مساء|مساءً)(?=\s|$)")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
# What a date with a year shows once cleaned: a year, a day/month/two-digit year, a Unix time
_WITH_YEAR = re.compile(r"(?<!\d)(?:(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d\d|1\d{9})(?!\d)")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["ar", "en"],
        settings={"DATE_ORDER": "DMY", "RETURN_TIME_AS_PERIOD": True,
                  "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"],
                  # "منذ 3 ساعات" names no date: read against the clock, it would date the
                  # article by the day it was ingested
                  "PARSERS": ["timestamp", "custom-formats", "absolute-time"]},
    )


@lru_cache(maxsize=1)
def _levantine() -> tuple[re.Pattern, dict[str, str]]:
    """Levantine month names (seeds/calendar.yaml), with and without hamza, -> the name
    dateparser reads."""
    from ..tagging.dates import calendar

    table = {}
    for names in calendar()["months"].values():
        for name in names.get("levantine", []):
            for form in (name, name.replace("أ", "ا").replace("آ", "ا")):
                table[form] = names["msa"][0]
    names = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    return re.compile(rf"(?<![\u0621-\u064A])(?:{names})(?![\u0621-\u064A])"), table


def _clean(text: str) -> str:
    text = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))
    pattern, table = _levantine()
    text = pattern.sub(lambda m: table[m.group(0)], text)
    text = _ORDINAL.sub(r"\1", text)
    text = _TZ.sub(" ", text)
    text = _AMPM.sub(lambda m: m.group(1) + (" AM" if m.group(2).startswith("ص") else " PM"), text)
    text = re.sub(r"[–—|,،]", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=4096)  # datelines repeat across a corpus; dateparser costs 1-3 ms a string
def parse_published(text: str) -> tuple[Optional[str], Optional[str]]:
    """ISO value and precision ("datetime", "day", "month", "year") of a date string.

    Returns (None, None) when `text` is not a date.
    """
    text = text.strip()
    if not text or not _DIGIT.search(text):
        return None, None
    if _ISO.match(text):
        if len(text) == 10:
            return text, "day"
        return text[:10] + "T" + text[11:16], "datetime"
    cleaned = _clean(text)
    if not _WITH_YEAR.search(cleaned):
        return None, None  # "نسخة رقم 3017", "عدد القراءات 1520": no year, so no date (dateparser is slow to say so)
    data = _parser().get_date_data(cleaned)
    if data.date_obj is None:
        return None, None
    d = data.date_obj
    if data.period == "time" and _TIME.search(cleaned):
        return d.strftime("%Y-%m-%dT%H:%M"), "datetime"
    if data.period in ("day", "time"):
        return d.strftime("%Y-%m-%d"), "day"
    if data.period == "month":
        return d.strftime("%Y-%m"), "month"
    return d.strftime("%Y"), "year"


def dateline(line: str) -> tuple[Optional[str], Optional[str]]:
    """If `line` is a dateline (a date, perhaps labelled, and little else), its date."""
    rest = DATELINE_LABEL.sub("", line, count=1).strip(" -•·*:")
    if not rest or len(rest.split()) > 9:
        return None, None
    return parse_published(rest)
