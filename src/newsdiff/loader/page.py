"""Page parsing: scraped page text -> title, byline, dateline, body and excluded blocks.

The page is read line by line. Before the title come site banners; the title is the
first real line and any repeat of it is dropped; the lines between the title and
the first paragraph (the header) are tried as byline, outlet, dateline and widgets;
everything from a "read also" marker on is another article's text. Each line kept
out of the body is recorded as a `Block` with the reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Block, Sentence
from ..normalize import key
from .published import dateline
from .sentences import split_sentences

READ_ALSO = re.compile(
    r"^[\s\-•·*>|]*(?:[إا]قر[أا]\s*(?:[أا]يضا[ًً]?|المزيد)|شاهد\s+[أا]يضا[ًً]?|طالع\s+[أا]يضا[ًً]?|"
    r"(?:مواضيع|أخبار|اخبار|مقالات)\s+(?:ذات\s+صلة|متعلقة)|read\s+(?:also|more))\s*:?",
    re.IGNORECASE,
)
_WIDGETS: list[tuple[str, re.Pattern]] = [
    ("share widget", re.compile(
        r"^[\s•·*|:\-]*(?:مشاركة|شارك|شاركها|شارك\s+الخبر|share|tweet|فيسبوك|تويتر|واتساب|"
        r"facebook|twitter|whatsapp|telegram|تيليجرام|نسخ\s+الرابط|طباعة|print)"
        r"(?:[\s•·*|:\-]+(?:مشاركة|share|فيسبوك|تويتر|واتساب|facebook|twitter|whatsapp|"
        r"telegram|x|email|بريد|طباعة|print|نسخ\s+الرابط))*[\s•·*|:\-]*$", re.IGNORECASE)),
    ("loading widget", re.compile(r"^\s*(?:loading|جار[يٍ]?\s+التحميل|تحميل)\s*(?:\.\.\.|…)?\s*$",
                                  re.IGNORECASE)),
    ("comment counter", re.compile(
        r"^[\s\-•]*(?:\d+\s*)?(?:تعليقات|تعليق|التعليقات|comments?|أضف\s+تعليق(?:ا|اً)?)"
        r"(?:\s*\(?\d+\)?)?\s*$", re.IGNORECASE)),
    ("reading time", re.compile(
        r"^[\s\-•]*(?:وقت\s+القراءة\s*:?\s*)?\d+\s*(?:دقيقة|دقائق|د)\s*(?:قراءة|للقراءة)?\s*$|"
        r"^[\s\-•]*\d+\s*min(?:ute)?s?\s+read\s*$", re.IGNORECASE)),
    ("advertisement label", re.compile(r"^\s*(?:إعلان|اعلان|advertisement|ad)\s*$", re.IGNORECASE)),
    ("page artifact", re.compile(r"^\s*[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+\s*$")),
    ("tag list", re.compile(r"^[\s\-•]*(?:كلمات\s+دلالية|الكلمات\s+(?:الدلالية|المفتاحية)|"
                            r"وسوم|الوسوم|tags)\s*[:：]", re.IGNORECASE)),
]
SOURCE_LINE = re.compile(r"^[\s\-•]*(?:ال)?مصدر\s*[:：]\s*(?P<source>.+?)\s*$")
_BYLINE_LABEL = re.compile(r"^[\s\-•]*(?:بقلم|كتب|كتبت|كتبه|إعداد|اعداد|تقرير|تحرير|بواسطة|by)\s*[:：]?\s+",
                           re.IGNORECASE)
_SITE_LABEL = re.compile(r"الموقع\s+الرسمي|الصفحة\s+الرئيسية|الرئيسية|home|official\s+site",
                         re.IGNORECASE)
_OUTLET_WORD = re.compile(
    r"(?:^|\s)(?:قناة|صحيفة|جريدة|وكالة|موقع|بوابة|مجلة|شبكة|راديو|إذاعة)\s|"
    r"(?:الإخبارية|الاخبارية|نيوز|اليوم|الآن|عربي|العربية|برس)$|"
    r"\b(?:news|times|post|press|daily|tv|today|online|arabia|agency|herald|tribune|journal)\b",
    re.IGNORECASE)
# News agencies named in a byline ("الخرطوم - وكالات", "(أ ف ب)"): the original source.
AGENCY = re.compile(
    r"^\(?\s*(?:وكالات|وكالة\s+\S+(?:\s+\S+)?|رويترز|أ\s*ف\s*ب|ا\s*ف\s*ب|فرانس\s*برس|أسوشيتد\s*برس|"
    r"الأناضول|د\s*ب\s*أ|واس|وام|سانا|قنا|كونا|بترا|شينخوا|reuters|afp|ap|dpa|xinhua)\s*\)?$",
    re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?؟…]['\"”»)]*\s*$")
_GLUED = re.compile(
    r"(?P<head>[\u0621-\u064A]{2,})(?P<next>و(?:كان|كانت|قال|قالت|أضاف|أضافت|أكد|أكدت|أوضح|"
    r"أوضحت|أشار|أشارت|تابع|تابعت|ذكر|ذكرت|أعلن|أعلنت|أفاد|أفادت|شدد|شددت|بحسب|وفق|يأتي|تأتي|"
    r"يذكر|يشار|جاء|جاءت)(?![\u0621-\u064A]))")
_LATIN_OR_ARABIC_WORD = re.compile(r"[\w\u0621-\u064A]+")


@dataclass
class Page:
    """What page parsing found; offsets index the text it was given."""

    title: Optional[str] = None
    author: Optional[str] = None
    outlet: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    published_precision: Optional[str] = None
    sentences: list[Sentence] = field(default_factory=list)
    excluded: list[Block] = field(default_factory=list)


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        if stripped:
            s = pos + lead
            out.append(_Line(s, s + len(stripped), stripped))
        pos += len(raw)
    return out


def _widget(line: str) -> Optional[str]:
    for reason, pattern in _WIDGETS:
        if pattern.search(line):
            return reason
    return None


def _words(line: str) -> int:
    return len(_LATIN_OR_ARABIC_WORD.findall(line))


def _is_paragraph(line: str) -> bool:
    """A line that reads as running text rather than page furniture."""
    n = _words(line)
    return n >= 12 or (n >= 6 and bool(_TERMINAL.search(line)))


def _banner_site(line: str) -> Optional[str]:
    """The site name of a banner line such as "الموقع الرسمي | القاهرة الاخبارية"."""
    parts = [p.strip() for p in re.split(r"\s[|｜]\s|\s[-–—]\s", line) if p.strip()]
    if len(parts) < 2 or not any(_SITE_LABEL.search(p) for p in parts):
        return None
    rest = [p for p in parts if not _SITE_LABEL.search(p)]
    return rest[0] if rest else None


def _looks_like_name(text: str) -> bool:
    """A personal name as bylines give it: 2-4 words, letters only, no sentence words."""
    words = text.split()
    return (2 <= len(words) <= 4 and all(re.fullmatch(r"[\u0621-\u064A]+", w) for w in words)
            and not _OUTLET_WORD.search(text))


def _byline(line: str, site: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(author, outlet) named by a header line, or (None, None)."""
    text = line.strip(" -•·*")
    labelled = _BYLINE_LABEL.match(text)
    if labelled:
        text = text[labelled.end():].strip()
    parts = [p.strip() for p in re.split(r"\s[-–—|/]\s", text) if p.strip()]
    if len(parts) == 2:
        a, b = parts
        site_key = key(site) if site else None
        if site_key and key(a) == site_key or (_OUTLET_WORD.search(a) and not _OUTLET_WORD.search(b)):
            return b, a
        if site_key and key(b) == site_key or (_OUTLET_WORD.search(b) and not _OUTLET_WORD.search(a)):
            return a, b
    if labelled or _looks_like_name(text):
        return text, None
    if len(parts) == 1 and _OUTLET_WORD.search(text) and _words(text) <= 4:
        return None, text
    return None, None


def parse_page(text: str) -> Page:
    """Parse the text of a scraped news page."""
    page = Page()
    lines = _lines(text)
    tail = next((i for i, ln in enumerate(lines) if READ_ALSO.match(ln.text)), None)
    if tail is not None:
        page.excluded.append(Block(lines[tail].start, lines[-1].end, "read-also tail",
                                   text[lines[tail].start:lines[-1].end]))
        lines = lines[:tail]

    def exclude(ln: _Line, reason: str) -> None:
        page.excluded.append(Block(ln.start, ln.end, reason, ln.text))

    site = None
    title_line: Optional[_Line] = None
    title_key = ""
    body: list[_Line] = []
    in_header = True
    for ln in lines:
        reason = _widget(ln.text)
        source = SOURCE_LINE.match(ln.text)
        if reason:
            exclude(ln, reason)
        elif source and _words(source.group("source")) <= 6:
            page.source = page.source or source.group("source").strip(" .")
            exclude(ln, "source line")
        elif title_line is None:
            banner = _banner_site(ln.text)
            if banner:
                site = banner
                page.outlet = page.outlet or banner
                exclude(ln, "site banner")
            else:
                title_line, title_key = ln, key(ln.text)
                page.title = ln.text
        elif key(ln.text) == title_key:
            exclude(ln, "repeated title")
        elif in_header and _is_paragraph(ln.text):
            in_header = False
            body.append(ln)
        elif in_header and (meta := _header_meta(ln, page, site)):
            exclude(ln, meta)
        else:
            body.append(ln)

    if title_line is not None:
        page.sentences.append(Sentence(0, title_line.start, title_line.end, title_line.text, "title"))
    for ln in body:
        for start, end, part in _split_glued(text, ln, page):
            for s, e in split_sentences(text, start, end):
                page.sentences.append(Sentence(len(page.sentences), s, e, text[s:e], part))
    page.excluded.sort(key=lambda b: b.start)
    return page


def _header_meta(ln: _Line, page: Page, site: Optional[str]) -> Optional[str]:
    """Record what a header line says about the article; the block reason if it was metadata."""
    value, precision = dateline(ln.text)
    if value:
        if not page.published:
            page.published, page.published_precision = value, precision
        return "dateline"
    parts = [p.strip() for p in re.split(r"\s[-–—|/]\s", ln.text.strip(" -•·*")) if p.strip()]
    agency = next((p for p in parts if AGENCY.match(p)), None)
    if agency and len(parts) <= 2 and _words(ln.text) <= 6:
        page.source = page.source or agency.strip("() ")
        return "dateline place and agency"
    author, outlet = _byline(ln.text, site)
    if author and not page.author:
        page.author = author
    if outlet:
        page.outlet = outlet
    return "byline" if author else "outlet line" if outlet else None


def _split_glued(text: str, ln: _Line, page: Page) -> list[tuple[int, int, str]]:
    """Split a heading glued to the next sentence ("تفاؤل بالبيت الأبيضوكان ...");
    a short line without closing punctuation is a heading itself."""
    first = _GLUED.search(ln.text)
    if not first or _words(ln.text[: first.start("next")]) > 8:
        short = _words(ln.text) <= 8 and not _TERMINAL.search(ln.text)
        return [(ln.start, ln.end, "heading" if short else "body")]
    cut = ln.start + first.start("next")
    head = text[ln.start:cut]
    if _widget(head):
        page.excluded.append(Block(ln.start, cut, _widget(head), head))
        return [(cut, ln.end, "body")]
    return [(ln.start, cut, "heading"), (cut, ln.end, "body")]
