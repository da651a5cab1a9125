"""Dates and figures: every example of GUIDELINES.md (dates, figures) and of the design
brief, on sentences written for these tests, published on Saturday 2025-12-06.

`dates()` and `figures()` go through the CLI: the sentences become an article file
(a one-word title, a dateline unless unpublished), `newsdiff ingest` stores it and
`newsdiff entities --json` reports what was found.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdiff.cli import main
from newsdiff.model import Article, Sentence
from newsdiff.tagging.figures import extract_figures
from newsdiff.tagging.numbers import parse_number

SATURDAY = "2025-12-06"


def article(*sentences: str, published: str | None = SATURDAY) -> Article:
    text, parts = "", []
    for i, s in enumerate(sentences):
        parts.append(Sentence(i, len(text), len(text) + len(s), s))
        text += s + "\n"
    return Article(file="t.txt", path="t.txt", text=text, encoding="utf-8", sha256="",
                   published=published, sentences=parts)


def through_cli(sentences: tuple[str, ...], published: str | None, etype: str) -> list[dict]:
    """Mentions of `etype` found by `newsdiff ingest` + `newsdiff entities --json`."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "t.txt"
        dateline = f"نشر في: {published}\n" if published else ""
        page.write_text("خبر\n" + dateline + "\n".join(sentences) + "\n", encoding="utf-8")
        db = str(Path(tmp) / "s.db")
        runner = CliRunner()
        done = runner.invoke(main, ["ingest", str(page), "--db", db])
        assert done.exit_code == 0, done.output
        listed = runner.invoke(main, ["entities", "--json", "--type", etype, "--db", db])
        assert listed.exit_code == 0, listed.output
        text = page.read_text(encoding="utf-8")
        mentions = [m for e in json.loads(listed.stdout) for m in e["mentions"]]
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["surface"]
    return sorted(mentions, key=lambda m: m["start"])


def dates(*sentences: str, published: str | None = SATURDAY) -> dict[str, str | None]:
    return {m["surface"]: m["value"] for m in through_cli(sentences, published, "date")}


def figures(*sentences: str) -> list[tuple]:
    return [(m["surface"], m["value"], m["unit"], m["kind"], m["qualifier"])
            for m in through_cli(sentences, SATURDAY, "figure")]


# ---------------------------------------------------------------- numbers

@pytest.mark.parametrize("text, value", [
    ("خمس", 5), ("ثلاثة", 3), ("أربع", 4), ("ثلاثمائة وخمسون", 350), ("ثلاثمئة وخمسين", 350),
    ("خمسة وعشرون", 25), ("ثلاثة عشر", 13), ("إحدى عشرة", 11), ("مائة وخمسون ألفا", 150000),
    ("ثلاثة آلاف وخمسمائة", 3500), ("ألفين", 2000), ("نصف مليون", 500000),
    ("800 ألف", 800000), ("2.5 مليون", 2500000), ("5 ملايين", 5000000), ("3 مليارات", 3_000_000_000),
    ("1,500", 1500), ("١٬٥٠٠", 1500), ("٢٫٥", 2.5), ("1.500.000", 1500000), ("١٣٧", 137), ("۱۳۷", 137),
    ("الأول", 1), ("الثانية", 2), ("الثالث", 3), ("العاشر", 10), ("الحادي عشر", 11),
    ("الثاني عشر", 12), ("الحادي والعشرون", 21), ("لخمس", 5),
])
def test_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["أحد", "آلاف", "نصف", "ثلاثة وأربعة", "ثاني"])
def test_not_one_number(text):
    assert parse_number(text) is None


# ---------------------------------------------------------------- dates: absolute

@pytest.mark.parametrize("sentence, surface, value", [
    ("وصل الوزير إلى عمّان في 3 ديسمبر 2025 في زيارة رسمية.", "3 ديسمبر 2025", "2025-12-03"),
    ("اندلعت الاشتباكات في فبراير 2022 ولم تتوقف.", "فبراير 2022", "2022-02"),
    ("وصف الرئيس عام 2025 بأنه عام التحديات.", "عام 2025", "2025"),
    ("صدر المرسوم في 6/12/2025 بعد مشاورات.", "6/12/2025", "2025-12-06"),
    ("أعلن البيان في 6/12/2025 – 11:10 ص عن الهدنة.", "6/12/2025 – 11:10 ص", "2025-12-06T11:10"),
    ("انتهت الانتخابات في كانون الأول 2025 بفوز المعارضة.", "كانون الأول 2025", "2025-12"),
    ("وقعت الهدنة في 15 شباط 2024 بوساطة قطرية.", "15 شباط 2024", "2024-02-15"),
    ("جرت المعركة في الثالث عشر من تشرين الثاني/نوفمبر 2023.",
     "الثالث عشر من تشرين الثاني/نوفمبر 2023", "2023-11-13"),
    ("أعلن المجلس القرار في 10 رمضان 1446 هـ بعد الصلاة.", "10 رمضان 1446 هـ", "2025-03-10"),
    ("وضعت الخطة في عام 1446 هجرية.", "عام 1446 هجرية", None),  # straddles 2024 and 2025
    ("وقعت الحادثة يوم الجمعة 5 ديسمبر 2025 عند الظهر.", "يوم الجمعة 5 ديسمبر 2025", "2025-12-05"),
    ("لم يتغير الوضع منذ 2014 في الإقليم.", "2014", "2014"),
])
def test_absolute_dates(sentence, surface, value):
    assert dates(sentence) == {surface: value}


# ---------------------------------------------------------------- dates: relative to Saturday 2025-12-06

@pytest.mark.parametrize("sentence, surface, value", [
    ("وأصدرت الرئاسة بيانا مساء الجمعة حول التطورات.", "مساء الجمعة", "2025-12-05"),
    ("وصل المبعوث أمس إلى الرياض.", "أمس", "2025-12-05"),
    ("يلتقي الوزيران اليوم في القاهرة.", "اليوم", "2025-12-06"),
    ("يستأنف البرلمان جلساته اليوم السبت.", "اليوم السبت", "2025-12-06"),
    ("صرح الوزير أمس الجمعة بأن المفاوضات مستمرة.", "أمس الجمعة", "2025-12-05"),
    ("انفجرت عبوة صباح اليوم قرب السوق.", "صباح اليوم", "2025-12-06"),
    ("التقى الرئيس نظيره الخميس في باريس.", "الخميس", "2025-12-04"),
    ("تظاهر الآلاف يوم الجمعة في الساحات.", "يوم الجمعة", "2025-12-05"),
    ("زار الوفد المنطقة الأسبوع الماضي.", "الأسبوع الماضي", "2025-11"),
    ("يعود الوفد الأسبوع المقبل إلى العاصمة.", "الأسبوع المقبل", "2025-12"),
    ("اجتمع القادة في وقت سابق من هذا الأسبوع في روما.", "في وقت سابق من هذا الأسبوع", "2025-12"),
    ("أعلنت الشرطة في وقت سابق من اليوم توقيف المشتبه به.", "في وقت سابق من اليوم", "2025-12-06"),
    ("بدأت الأمطار مطلع ديسمبر في الشمال.", "مطلع ديسمبر", "2025-12"),
    ("عادت البعثة أوائل ديسمبر إلى مقرها.", "أوائل ديسمبر", "2025-12"),
    ("تنتهي الدراسة منتصف ديسمبر في معظم المدارس.", "منتصف ديسمبر", "2025-12"),
    ("تعلن النتائج أواخر ديسمبر عادة.", "أواخر ديسمبر", "2025-12"),
    ("تكتمل الأشغال نهاية ديسمبر وفق الوزارة.", "نهاية ديسمبر", "2025-12"),
    ("يدخل الطراز الجديد الخدمة بحلول نهاية العام الجاري.", "نهاية العام الجاري", "2025"),
    ("تراجعت الصادرات العام الماضي بشكل حاد.", "العام الماضي", "2024"),
    ("ارتفع التضخم الشهر الماضي في المدن الكبرى.", "الشهر الماضي", "2025-11"),
    ("زار الملك المصنع في أغسطس الماضي.", "أغسطس الماضي", "2025-08"),
    ("أعلنت الوزارة في بيان يوم 12 من الشهر الجاري فتح المعابر.", "يوم 12 من الشهر الجاري", "2025-12-12"),
    ("يصوت المجلس في 20 يناير المقبل على الموازنة.", "20 يناير المقبل", "2026-01-20"),
    ("زار الوفد المدينة في الأول من ديسمبر.", "الأول من ديسمبر", "2025-12-01"),
    ("عاد الأسرى ليلة أمس إلى ديارهم.", "ليلة أمس", "2025-12-05"),
    ("ستعلن النتائج غداً في مؤتمر صحفي.", "غداً", "2025-12-07"),
])
def test_relative_dates(sentence, surface, value):
    assert dates(sentence) == {surface: value}


@pytest.mark.parametrize("sentence, surface, value", [
    # a month glued to the time after it, or after a proclitic: its rules must still run
    ("أعلن البيان في 6 ديسمبر10:30 عن الهدنة.", "6 ديسمبر10:30", "2025-12-06T10:30"),
    ("وقعت الاتفاقية وبآب 2024 بدأ تنفيذها.", "آب 2024", "2024-08"),
    # "اب" (August) begins words such as أبو and أبرز: not a date
    ("وصل أبو محمد إلى أبرز المعابر.", None, None),
])
def test_month_words_inside_and_against_other_words(sentence, surface, value):
    assert dates(sentence) == ({surface: value} if surface else {})


@pytest.mark.parametrize("sentence, surface", [
    ("من المتوقع أن يجتمع وزراء الخارجية الخميس في جنيف.", "الخميس"),
    ("ومن المقرر أن تستأنف اللجنة أعمالها الخميس بعد التوقف.", "الخميس"),
    ("سيعقد المجلس جلسة طارئة الخميس لبحث الأزمة.", "الخميس"),
    ("تجري الجولة الثانية الخميس المقبل في الدوحة.", "الخميس المقبل"),
])
def test_future_weekday_is_the_next_one(sentence, surface):
    assert dates(sentence) == {surface: "2025-12-11"}


def test_overlapping_expressions_give_the_longest():
    assert dates("قد يلتقي الطرفان خلال عطلة نهاية هذا الأسبوع في لندن.") == {"عطلة نهاية هذا الأسبوع": "2025-12"}
    assert dates("تنطلق المباحثات نهاية هذا الأسبوع في لندن.") == {"نهاية هذا الأسبوع": "2025-12"}


def test_no_publication_date_leaves_relative_dates_null():
    found = dates("أعلنت الشرطة مساء الجمعة توقيف ثلاثة.", "وقال الناطق اليوم الأربعاء إن التحقيق مستمر.",
                  "وبدأت العملية في وقت سابق من هذا الأسبوع.", "وكان الخلاف قد بدأ في مارس 2021.",
                  published=None)
    assert found == {"مساء الجمعة": None, "اليوم الأربعاء": None, "في وقت سابق من هذا الأسبوع": None,
                     "مارس 2021": "2021-03"}


def test_the_text_anchors_the_current_year_without_publication():
    found = dates("وصف الوزير عام 2024 بأنه عام النمو.", "وتوقع افتتاح المصنع قبل نهاية العام الجاري.",
                  published=None)
    assert found == {"عام 2024": "2024", "نهاية العام الجاري": "2024"}
    # a start (منذ) or a deadline (بحلول) is no current year
    found = dates("تستمر الحرب منذ عام 2014.", "ويأمل الطرفان في اتفاق قبل نهاية العام الجاري.",
                  published=None)
    assert found == {"عام 2014": "2014", "نهاية العام الجاري": None}


def test_quoted_yesterday_after_a_named_weekday():
    found = dates("وكان مسؤول قال إن الوفدين اجتمعا في الدوحة الأربعاء.",
                  'وقال المسؤول إن "اجتماع أمس كان بناء وسيتواصل".')
    assert found == {"الأربعاء": "2025-12-03", "أمس": "2025-12-03"}
    # unquoted, or with no weekday before it, أمس is the day before publication
    assert dates("قال المسؤول إن اجتماع أمس كان بناء.") == {"أمس": "2025-12-05"}


@pytest.mark.parametrize("sentence", [
    "واصل المحتجون اعتصامهم لليوم الثالث على التوالي.",
    "وقال الأمين العام السابق للمنظمة إن الحل سياسي.",
    "وستنتصر الإرادة الشعبية في نهاية المطاف.",
    "استمر الحصار على مدى يومين كاملين.",
    "دام الاجتماع خمس ساعات متواصلة.",
])
def test_not_dates(sentence):
    assert dates(sentence) == {}


# ---------------------------------------------------------------- figures

@pytest.mark.parametrize("sentence, expected", [
    ("أطلقت القوات 137 مسيّرة باتجاه المدينة.", [("137 مسيّرة", 137, "drones", "count", None)]),
    ("رصدت الدفاعات 137 طائرة مسيّرة فوق الساحل.", [("137 طائرة مسيّرة", 137, "drones", "count", None)]),
    ("أطلق المسلحون 60 مسيّرة أسقط الجيش 45 منها.",
     [("60 مسيّرة", 60, "drones", "count", None), ("45 منها", 45, "drones", "count", None)]),
    ("استمرت المشاورات خمس ساعات في القصر.", [("خمس ساعات", 5, "hours", "duration", None)]),
    ("اجتمع الطرفان لمدة 5 ساعات في الفندق.", [("5 ساعات", 5, "hours", "duration", None)]),
    ("يبلغ قوام الجيش 800 ألف جندي حسب الخطة.", [("800 ألف جندي", 800000, "soldiers", "count", None)]),
    ("تفاوض الوفدان على مدى يومين في المنتجع.", [("يومين", 2, "days", "duration", None)]),
    ("تراجعت الاشتباكات خلال اليومين الماضيين.", [("اليومين", 2, "days", "duration", None)]),
    ("أضرب العمال لليوم الثالث على التوالي.", [("لليوم الثالث", 3, "days", "ordinal", None)]),
    ("سلمت اللجنة أربع وثائق إلى المحكمة.", [("أربع وثائق", 4, "documents", "count", None)]),
    ("تستمر الأزمة منذ أكثر من 3 سنوات.", [("3 سنوات", 3, "years", "duration", "more_than")]),
    ("بدأت الخطة قبل نحو ثلاثة أسابيع.", [("ثلاثة أسابيع", 3, "weeks", "duration", "about")]),
    ("تضرر حوالي 40 منزلاً في الزلزال.", [("40 منزلاً", 40, "homes", "count", "about")]),
    ("أسر المسلحون قرابة 12 جنديا.", [("12 جنديا", 12, "soldiers", "count", "about")]),
    ("نزح ما يقرب من مليوني شخص.", [("مليوني شخص", 2000000, "people", "count", "about")]),
    ("قتل زهاء 70 مدنيا في القصف.", [("70 مدنيا", 70, "civilians", "count", "about")]),
    ("سيطرت القوات على ما يزيد عن 20 قرية.", [("20 قرية", 20, "villages", "count", "more_than")]),
    ("دمرت الغارات ما يزيد على 15 مبنى.", [("15 مبنى", 15, "buildings", "count", "more_than")]),
    ("أصيب أقل من 10 أشخاص في الحادث.", [("10 أشخاص", 10, "people", "count", "less_than")]),
    ("شارك في المسيرة ما يقل عن 500 طالب.", [("500 طالب", 500, "students", "count", "less_than")]),
    ("ارتفعت الأسعار 30% في المدن.", [("30%", 30, "percent", "percent", None)]),
    ("تراجع الإنتاج 12 في المئة هذا الموسم.", [("12 في المئة", 12, "percent", "percent", None)]),
    ("انخفضت البطالة ٤٫٥ بالمائة.", [("٤٫٥ بالمائة", 4.5, "percent", "percent", None)]),
    ("قدم الصندوق 5 ملايين دولار للإغاثة.", [("5 ملايين دولار", 5000000, "USD", "money", None)]),
    ("خصص الاتحاد 2.5 مليون يورو للمدارس.", [("2.5 مليون يورو", 2500000, "EUR", "money", None)]),
    ("بلغت الخسائر 3 مليارات جنيه مصري.", [("3 مليارات جنيه مصري", 3_000_000_000, "EGP", "money", None)]),
    ("وصل إلى المخيم 1,500 لاجئ.", [("1,500 لاجئ", 1500, "refugees", "count", None)]),
    ("وصل إلى المخيم ١٬٥٠٠ لاجئ.", [("١٬٥٠٠ لاجئ", 1500, "refugees", "count", None)]),
    ("أطلقت البحرية ١٣٧ صاروخا.", [("١٣٧ صاروخا", 137, "missiles", "count", None)]),
    ("دام الإضراب ثلاثمائة وخمسين يوما.", [("ثلاثمائة وخمسين يوما", 350, "days", "duration", None)]),
    ("احتجز الجيش اثنين من الصحفيين.", [("اثنين من الصحفيين", 2, "journalists", "count", None)]),
    ("تواصلت الاحتجاجات خلال الأيام الثلاثة الماضية.", [("الأيام الثلاثة", 3, "days", "duration", None)]),
    ("وصل خمسة من أعضاء البعثة إلى المطار.", [("خمسة من أعضاء", 5, "members", "count", None)]),
    ("قتل 4 عمال وأصيب 9 آخرون في الانهيار.",
     [("4 عمال", 4, "workers", "count", None), ("9 آخرون", 9, "workers", "count", None)]),
    ("انعقدت الجولة الرابعة للمرة الثانية في فيينا.",
     [("الجولة الرابعة", 4, "rounds", "ordinal", None), ("للمرة الثانية", 2, "times", "ordinal", None)]),
    ("دام الحصار ساعتين ونصف قبل الانسحاب.", [("ساعتين ونصف", 2.5, "hours", "duration", None)]),
    ("قتل أكثر من 70 ألف فلسطيني منذ بدء الحرب.", [("70 ألف فلسطيني", 70000, "people", "count", "more_than")]),
    ("سجلت الوزارة 1200 إصابة جديدة.", [("1200 إصابة", 1200, "cases", "count", None)]),
    ("تظاهر أكثر من 10 آلاف محتج في الساحة.", [("10 آلاف محتج", 10000, "protesters", "count", "more_than")]),
    ("اقتحم 300 مستوطن باحات المسجد.", [("300 مستوطن", 300, "settlers", "count", None)]),
    ("اعتقلت الشرطة 20 سوريا و3 إسرائيليين.",
     [("20 سوريا", 20, "people", "count", None), ("3 إسرائيليين", 3, "people", "count", None)]),
])
def test_figures(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("word, unit", [
    ("ساعتين", "hours"), ("شخصين", "people"), ("أسبوعين", "weeks"), ("شهرين", "months"),
    ("عامين", "years"), ("سنتين", "years"),
])
def test_duals(word, unit):
    found = figures(f"انتظر الوفد {word} قبل الرد.")
    assert [(f[0], f[1], f[2]) for f in found] == [(word, 2, unit)]


@pytest.mark.parametrize("sentence", [
    "يلتزم الطرفان بأحكام المادة 5 من الميثاق.",  # article number
    "بدأ القصف الساعة 11:10 ليلا.",  # clock time
    "تسلم الجيش مقاتلات إف-16 حديثة.",  # number inside a name
    "أعلنت الحكومة خطتها في 3 ديسمبر 2025.",  # day and year of a date
    "تحتفل المدينة بذكرى تأسيسها عام 1920.",  # year of a date
    "اتفق البلدين والطرفين على التهدئة.",  # definite duals that point back
    "2 دقيقة قراءة\nوأكد الوزير أن المحادثات ستستمر في العاصمة الأسبوع المقبل.",  # page widget line
    "قتل عشرات الآلاف من المدنيين.",  # vague quantity
    "عقد الاجتماع الثاني في القرن الحادي والعشرين.",  # ordinals that rank or name
    "أصيب 3 في القصف الإسرائيلي على المدينة.",  # a nationality adjective not right after the number
])
def test_not_figures(sentence):
    assert figures(sentence) == []


def test_dates_and_figures_do_not_overlap():
    sentence = "قتل 25 شخصا في 3 ديسمبر 2025 خلال خمس ساعات من القصف."
    assert list(dates(sentence)) == ["3 ديسمبر 2025"]
    assert [f[0] for f in figures(sentence)] == ["25 شخصا", "خمس ساعات"]


def test_widget_in_the_text_is_not_a_figure():
    """Even when a reading-time widget reaches a sentence, it is not a figure."""
    assert extract_figures(article("2 دقيقة قراءة")) == []
