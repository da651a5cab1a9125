"""Match keys: the fast folding path gives what per-character folding gives, and maps back."""
import random

from newsdiff.normalize import fold, fold_char, key, original_span, span_keys

EVERY_BMP_CHARACTER = "".join(chr(i) for i in range(1, 0xD800)) + "".join(chr(i) for i in range(0xE000, 0x10000))


def _by_character(text: str) -> str:
    return "".join(fold_char(c) for c in text)


def test_key_of_arabic_news_text():
    text = "قالَ الرئيسُ إنّ المحادثاتِ في «ميامي» ستُستأنف يوم ١٢ كانون الأول/ديسمبر ــ مع CNN…"
    assert key(text) == "قال الرييس ان المحادثات في «ميامي» ستستانف يوم 12 كانون الاول/ديسمبر مع cnn..."
    assert key(text) == " ".join(_by_character(text).split())


def test_every_character_folds_as_on_its_own():
    for text in (EVERY_BMP_CHARACTER, "بة" * 40 + EVERY_BMP_CHARACTER[::-1]):
        assert key(text) == " ".join(_by_character(text).split())
    rng = random.Random(7)
    pool = EVERY_BMP_CHARACTER[:0x800] + "ةىأإآؤئ" * 50 + "".join(map(chr, range(0xFB50, 0xFF00)))
    for _ in range(500):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 90)))
        folded, offsets = fold(text)
        assert folded == _by_character(text)
        assert len(offsets) == len(folded) + 1


def test_fold_maps_key_spans_back_to_the_text_as_written():
    text = "وصل الوفدُ الأوكرانيّ إلى ميامي ــ فلوريدا"
    folded, offsets = fold(text)
    i = folded.index("الاوكراني")
    s, e = original_span(offsets, i, i + len("الاوكراني"))
    assert text[s:e] == "الأوكراني"  # up to its last letter


def test_span_keys_equal_the_key_of_each_span():
    plain = "قال الرئيس إن المحادثات في «ميامي» ستستأنف.\nوأكدت الوزارة ذلك  في بيان."
    marked = "قالَ الرئيسُ إنّ المحادثاتِ في ﻻ «ميامي» ستُستأنف.\nوأكدت الوزارة ــ ذلك."  # forms that change length
    rng = random.Random(3)
    for text in (plain, marked):
        spans = [(0, len(text))] + [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(200)]
        assert span_keys(text, spans) == [key(text[s:e]) for s, e in spans]
