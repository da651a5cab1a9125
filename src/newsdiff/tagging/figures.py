"""Figures: quantities stated in the text, with value, unit, kind and qualifier.

A figure is a number (`numbers.scan`: digits or words) with the noun it counts, taken
from `seeds/units.yaml` ("137 مسيّرة", "137 طائرة مسيّرة", "800 ألف جندي", "3 من الجنود"),
or a dual noun alone (يومين، الأسبوعين; a definite dual only for durations, since
"البلدين" points back rather than counts), or a definite ordinal after its noun
("لليوم الثالث": kind ordinal), or a definite cardinal after a definite plural
("الأيام الثلاثة"), or a percentage ("30%", "30 في المئة"), or a number of nationals,
counted as people ("70 ألف فلسطيني", "3 إسرائيليين", "20 سوريا": the indefinite forms of
the gazetteer's nationality adjectives). "80 منها" and "10 آخرين" take the unit of the
figure before them in the sentence. The qualifier is read from the words
just before the number (أكثر من، نحو، أقل من ...). Not figures: numbers inside date
expressions (`dates.date_spans`), clock times, numbers after المادة/البند/القرار/رقم/الساعة
and the like, model names (F-16), and reading-time widgets ("2 دقيقة قراءة").
Money units are ISO 4217 codes where the noun names one currency (see units.yaml).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..model import Article, Mention
from ..normalize import key
from ..resources import seeds_dir
from .dates import Folded, date_spans, find_dates, fold_sentences, written_span
from .numbers import Number, scan


@dataclass(frozen=True)
class Unit:
    unit: str
    kind: str  # count, duration, money


@lru_cache(maxsize=None)
def _units() -> tuple[dict[str, tuple[Unit, bool]], re.Pattern, re.Pattern]:
    """Folded noun form -> (unit, is dual); a regex for a form at a position; one for duals."""
    import yaml

    with open(seeds_dir() / "units.yaml", encoding="utf-8") as f:
        data = yaml.safe_load(f)
    forms: dict[str, tuple[Unit, bool]] = {}
    for entry in data["units"]:
        unit = Unit(entry["unit"], entry.get("kind", "count"))
        for form in entry.get("forms", []):
            forms.setdefault(key(form), (unit, False))
        for form in entry.get("dual", []):
            forms.setdefault(key(form), (unit, True))

    def alt(words):
        words = sorted(words, key=len, reverse=True)
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)

    noun = re.compile(r"\s*(?P<u>" + alt(forms) + r")(?!\w)")
    duals = [w for w, (_, d) in forms.items() if d]
    dual = re.compile(r"(?<!\w)(?:[وف]?[بلك]?)(?P<x>(?P<def>ال)?(?:" + alt(duals) + r"))(?!\w)")
    return forms, noun, dual


def unit_after(text: str) -> Optional[Unit]:
    """The unit whose noun starts `text` (folded), if any."""
    forms, noun, _ = _units()
    m = noun.match(text)
    return forms[re.sub(r"\s+", " ", m.group("u"))][0] if m else None


_QUALIFIERS = [
    ("more_than", "أكثر من|ما يزيد عن|ما يزيد على|يزيد عن|يزيد على|أزيد من|ما لا يقل عن|لا يقل عن|ما يربو على|يربو على|ما يفوق|يفوق"),
    ("about", "نحو|حوالي|حوالى|قرابة|ما يقرب من|يقرب من|زهاء|ما يناهز|يناهز|تقريبا|ما يقارب|يقارب"),
    ("less_than", "أقل من|ما يقل عن|يقل عن"),
]
_NUMBERING = ("المادة الفقرة البند القرار رقم الفصل المرسوم القانون الساعة اللواء الكتيبة الفرقة "
              "الطريق الصفحة الجزء الدائرة الطابق الغرفة العدد النسخة الإصدار الموسم")
_INHERIT = re.compile(r"\s+(?P<u>منها|منهم|منهن|آخرين|آخرون|أخرى|اخرين|اخرون|اخري)(?!\w)")
_PERCENT = re.compile(r"\s*(?P<u>[%٪]|(?:في\s+|ب)(?:الميه|المايه))(?!\w)")
_READING = re.compile(r"\s*(?:قراءه|للقراءه)(?!\w)")
_DEFINITE = re.compile(r"^(?P<pro>[وف]?[بك]?)(?:ال|لل)(?P<stem>\w+)$")
_HALF = re.compile(r"\s+ونصف(?!\w)")
# Ordinals count elapsed time and repetitions ("لليوم الثالث", "للمرة الثانية", "الجولة الرابعة");
# "الاجتماع الثاني" or "القرن الحادي والعشرين" rank or name things and are left out.
_ORDINAL_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
                  "times", "rounds"}
_OF_THE = re.compile(r"\s+من\s+(?:ال)?(?P<u>\w+)")
_WORD_AFTER = re.compile(r"\s+(?P<u>\w+)")


def _nationals(word: str) -> bool:
    """Whether a folded word after a number names people of a nationality: an indefinite
    form of a nationality adjective, or its accusative in -ا ("فلسطينيا")."""
    from .gazetteer import load

    nationality = load().nationality
    return not word.startswith("ال") and (word in nationality or (word.endswith("يا") and word[:-1] in nationality))


@lru_cache(maxsize=None)
def _qualifier_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for name, words in _QUALIFIERS:
        alts = "|".join(r"\s+".join(map(re.escape, key(w).split())) for w in words.split("|"))
        out.append((name, re.compile(r"(?:^|(?<=\s)|(?<=[وفبل]))(?:" + alts + r")\s*$")))
    return tuple(out)


@lru_cache(maxsize=None)
def _numbering() -> frozenset:
    return frozenset(key(w) for w in _NUMBERING.split())


def _qualifier(before: str) -> Optional[str]:
    tail = before[-24:]
    for name, pattern in _qualifier_patterns():
        if pattern.search(tail):
            return name
    return None


def _prev_word(text: str, pos: int) -> tuple[int, str]:
    """Start and text of the word just before `pos` (skipping spaces)."""
    m = re.search(r"(\w+)\s*$", text[:pos])
    return (m.start(1), m.group(1)) if m else (pos, "")


def _excluded(text: str, n: Number) -> bool:
    """Clock times, model names, and numbers that label rather than count."""
    before, after = text[:n.start], text[n.end:]
    if n.digits and (before.endswith(":") or re.match(r":\d", after)):
        return True
    if n.digits and re.search(r"[A-Za-z\w]-$", before) or re.match(r"-[A-Za-z\w]", after):
        return True
    _, word = _prev_word(text, n.start)
    return re.sub(r"^[وفبل](?=ال)", "", word) in _numbering()


@dataclass
class _Fig:
    start: int
    end: int
    value: float | int
    unit: Optional[str]
    kind: str
    qualifier: Optional[str]


def _sentence_figures(text: str, spans: list[tuple[int, int]]) -> list[_Fig]:
    """Figures of one folded sentence; `spans` are its date expressions."""
    forms, noun, dual = _units()
    figs: list[_Fig] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in spans) and all(e <= f.start or s >= f.end for f in figs)

    for n in scan(text):
        if not free(n.start, n.end) or _excluded(text, n):
            continue
        start, end, unit, kind = n.start, n.end, None, "count"
        if n.ordinal:
            ps, word = _prev_word(text, n.start)
            head = _DEFINITE.match(word)
            u, is_dual = forms.get(head.group("stem"), (None, True)) if head else (None, True)
            if not is_dual and u.unit in _ORDINAL_UNITS:
                # "لليوم الثالث": ل + ال written لل stays in the span; و/ف/ب before it do not
                start, unit, kind = ps + len(head.group("pro")), u.unit, "ordinal"
            elif n.digits and (m := noun.match(text, n.end)):
                u = forms[re.sub(r"\s+", " ", m.group("u"))][0]
                start = text.index(text[n.start:n.end].split()[-1], n.start)  # "الـ 5 ساعات"
                end, unit, kind = m.end("u"), u.unit, u.kind
            else:
                continue
        elif (m := _PERCENT.match(text, n.end)):
            end, unit, kind = m.end("u"), "percent", "percent"
        elif n.start and text[n.start - 1] in "%٪":
            start, unit, kind = n.start - 1, "percent", "percent"
        elif (m := noun.match(text, n.end)):
            u, is_dual = forms[re.sub(r"\s+", " ", m.group("u"))]
            if u.unit == "minutes" and _READING.match(text, m.end("u")):
                continue
            end, unit, kind = m.end("u"), u.unit, u.kind
        elif (m := _WORD_AFTER.match(text, n.end)) and _nationals(m.group("u")):
            end, unit, kind = m.end("u"), "people", "count"
        elif (m := _OF_THE.match(text, n.end)) and m.group("u") in forms \
                and forms[m.group("u")][0].kind != "duration":  # "12 من الشهر الجاري" is a date
            u = forms[m.group("u")][0]
            end, unit, kind = m.end("u"), u.unit, u.kind
        elif (m := _INHERIT.match(text, n.end)) and figs:
            end, unit, kind = m.end("u"), figs[-1].unit, figs[-1].kind
        elif n.definite or (not n.digits and n.value in (1, 2)):
            ps, word = _prev_word(text, n.start)
            head = _DEFINITE.match(word) if n.definite else None
            stem = head.group("stem") if head else word
            if stem not in forms or (n.definite and not head):
                continue  # "الأيام الثلاثة", "يوم واحد"
            u = forms[stem][0]
            start, unit, kind = ps + (len(head.group("pro")) if head else 0), u.unit, u.kind
        else:
            continue
        if n.start and text[n.start - 1] == "$" and unit is None:
            start, unit, kind = n.start - 1, "USD", "money"
        value = n.value
        if kind == "duration" and (m := _HALF.match(text, end)):
            value, end = value + 0.5, m.end()  # "ساعتين ونصف" below, "5 ساعات ونصف" here
        figs.append(_Fig(start, end, value, unit, kind, _qualifier(text[:start])))
    for m in dual.finditer(text):
        s, e = m.span("x")
        u = forms[m.group("x")[2:] if m.group("def") else m.group("x")][0]
        if m.group("def") and u.kind != "duration":
            continue
        if free(s, e):
            value = 2
            if u.kind == "duration" and (h := _HALF.match(text, e)):
                value, e = 2.5, h.end()
            figs.append(_Fig(s, e, value, u.unit, u.kind, _qualifier(text[:s])))
    return sorted(figs, key=lambda f: f.start)


def extract_figures(article: Article, folded: Optional[Folded] = None,
                    dates_by_sentence: Optional[list] = None) -> list[Mention]:
    """Figure mentions of the article's sentences (see the module docstring).

    `folded` and `dates_by_sentence` (from `dates.fold_sentences` and `dates.find_dates`)
    may be passed when the caller already has them.
    """
    folded = folded or fold_sentences(article)
    if dates_by_sentence is None:
        dates_by_sentence = find_dates(article, folded)
    mentions = []
    for sentence, (text, offsets), found in zip(article.sentences, folded, dates_by_sentence):
        for f in _sentence_figures(text, date_spans(found)):
            s, e = written_span(article.text, offsets, f.start, f.end, sentence.start)
            surface = article.text[s:e]
            mentions.append(Mention(type="figure", start=s, end=e, surface=surface,
                                    sentence=sentence.index, key=key(surface), value=f.value,
                                    unit=f.unit, kind=f.kind, qualifier=f.qualifier,
                                    source="figures"))
    return mentions
