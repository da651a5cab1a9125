"""Built-in name tagger: clitics, titles, apposition roles, organisations, adjectives,
and conlleval-style scoring. The articles are written here, not taken from the seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.conll import score, spans
from newsdiff.model import Article, Sentence
from newsdiff.tagging import builtin

pytestmark = pytest.mark.skipif(not builtin.available()[0], reason="built-in model not built")


def article(*sentences: str) -> Article:
    text, sents, pos = "", [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(index=i, start=pos, end=pos + len(s), text=s))
        text += s + "\n"
        pos = len(text)
    return Article(file="t.txt", path="t.txt", text=text, encoding="utf-8", sha256="0", sentences=sents)


@pytest.fixture(scope="module")
def tagger():
    return builtin.BuiltinTagger()


def found(tagger, art, typ):
    ms = [m for m in tagger.tag(art) if m.type == typ]
    for m in ms:
        assert art.text[m.start : m.end] == m.surface
    return {m.surface: m for m in ms}


def test_proclitic_is_not_part_of_the_name(tagger):
    art = article("التقى الرئيس الروسي فلاديمير بوتين نظيره الصيني في بكين.",
                  "وقال مسؤولون إن اللقاء بين الصين وبوتين كان مثمرا.")
    persons = found(tagger, art, "person")
    assert "بوتين" in persons and "وبوتين" not in persons


def test_title_excluded_and_role_recorded(tagger):
    art = article("استقبل الرئيس الفرنسي إيمانويل ماكرون وفدا من رجال الأعمال في باريس.")
    persons = found(tagger, art, "person")
    assert "إيمانويل ماكرون" in persons
    assert persons["إيمانويل ماكرون"].role == "الرئيس الفرنسي"


def test_apposition_role(tagger):
    art = article("وقال جوزيب بوريل، مسؤول السياسة الخارجية في الاتحاد الأوروبي، إن الحوار ضروري.")
    persons = found(tagger, art, "person")
    assert persons["جوزيب بوريل"].role == "مسؤول السياسة الخارجية في الاتحاد الأوروبي"


def test_unseen_foreign_name_after_title(tagger):
    art = article("وصل المبعوث الأممي هانس غروندبرغ إلى عدن صباح الأحد.")
    assert "هانس غروندبرغ" in found(tagger, art, "person")


def test_new_ministry_and_armed_forces(tagger):
    art = article("أعلنت وزارة الزراعة البرازيلية خطة جديدة لدعم المزارعين.",
                  "وقال الجيش الإسرائيلي إن سلاح الجو الإسرائيلي نفذ غارات.")
    orgs = found(tagger, art, "org")
    assert "وزارة الزراعة البرازيلية" in orgs
    assert "الجيش الإسرائيلي" in orgs and "سلاح الجو الإسرائيلي" in orgs


def test_adjective_is_not_a_place(tagger):
    art = article("وصل الوفد الروسي إلى القاهرة بعد محادثات مع الحكومة الأوكرانية.")
    places = found(tagger, art, "place")
    assert "القاهرة" in places
    assert not {"الروسي", "الأوكرانية"} & set(places)


def test_article_kept_in_united_states(tagger):
    art = article("وتعهدت الولايات المتحدة بتقديم مساعدات جديدة إلى الأردن.")
    assert "الولايات المتحدة" in found(tagger, art, "place")


def test_tag_tokens_gives_bio():
    tags = builtin.BuiltinTagger().tag_tokens(["زار", "الرئيس", "جو", "بايدن", "العاصمة", "لندن", "."])
    assert ("LOC", 5, 6) in spans(tags)


def test_conll_score_is_conlleval_style():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["I-ORG", "I-ORG", "O"]]  # I- opening a span = B-
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "B-LOC"]]
    r = score(gold, pred)
    assert r["LOC"]["tp"] == 1 and r["LOC"]["pred"] == 2 and r["LOC"]["gold"] == 1
    assert r["PERS"]["tp"] == 0 and r["PERS"]["gold"] == 1
    assert r["ORG"]["tp"] == 1
    assert r["micro"]["precision"] == pytest.approx(2 / 4)
    assert r["micro"]["recall"] == pytest.approx(2 / 3)
    assert spans(["O", "I-ORG", "B-ORG", "I-LOC"]) == [("ORG", 1, 2), ("ORG", 2, 3), ("LOC", 3, 4)]


def test_numpy_decoder_gives_crfsuites_tags():
    """CRFTagger decodes with numpy on summed word weights: the tags must be crfsuite's own,
    whatever the batch (one sentence, several of different lengths, an empty one)."""
    import pycrfsuite

    from newsdiff.loader.files import load_file
    from newsdiff.tagging import gazetteer
    from newsdiff.tagging.crf import CRFTagger
    from newsdiff.tagging.features import sentence_features

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    sentences = [[t for t, _, _ in builtin.tokenize(s.text)]
                 for f in sorted(corpus.iterdir()) for a in load_file(f) for s in a.sentences]
    gaz = gazetteer.load()
    reference = pycrfsuite.Tagger()
    reference.open(str(builtin.MODEL_PATH))
    ours = CRFTagger(builtin.MODEL_PATH, gaz)
    assert ours.tags is not None  # the shipped model's tag dictionary, beside it
    expected = [list(reference.tag(sentence_features(s, gaz, ours.tags))) if s else [] for s in sentences]
    assert sum(map(len, sentences)) > 2000 and any(t != "O" for tags in expected for t in tags)
    assert ours.tag_many(sentences + [[]]) == expected + [[]]
    batch = [s for s in sentences if s][:40]
    by_string = [ours._weights[[ours._attrs.get(f, len(ours._attrs)) for f in feats]].sum(axis=0)
                 for s in batch for feats in sentence_features(s, gaz, ours.tags)]
    assert abs(ours.emissions(batch) - by_string).max() < 1e-9
    assert [ours.tag(s) for s in sentences[:20]] == expected[:20]
    ours.MAX_WORDS = 50  # words' weights forgotten between batches: the same tags
    assert [ours.tag_many(sentences[i : i + 7]) for i in range(0, 70, 7)] \
        == [expected[i : i + 7] for i in range(0, 70, 7)]


def test_a_name_does_not_end_with_an_inflected_common_word(tagger):
    """"بيانا" (a statement, accusative) after a name is the verb's object, not a surname."""
    art = article("وأصدر الوزير حسن خليل بيانا صحفيا حول الأزمة.",
                  "وأصدر رئيس الحزب جمال ولد أحمد بيانا يدعو فيه إلى الحوار.")
    assert set(found(tagger, art, "person")) == {"حسن خليل", "جمال ولد أحمد"}


def test_a_name_does_not_start_with_an_adjective_of_nationality_or_direction(tagger):
    """"الجنوبي" after "الكوري" belongs to the country's adjective, not to the president's name."""
    art = article("التقى الرئيس الكوري الجنوبي مون جاي إن نظيره الأمريكي في سيول أمس.",
                  "وصرح وزير الخارجية الكوري الشمالي ري يونغ هو للصحفيين في بيونغ يانغ.")
    persons = set(found(tagger, art, "person"))
    assert not any(p.split()[0] in ("الجنوبي", "الشمالي", "الكوري") for p in persons), persons
    assert any(p.startswith("مون جاي") for p in persons) and any(p.startswith("ري يونغ") for p in persons)


def test_a_name_does_not_start_with_a_nationality_adjective():
    """"الأمريكي" before "جون كيري" describes the person: the name starts after it."""
    from newsdiff.normalize import key
    from newsdiff.tagging import gazetteer, rules

    words = "وصرح الأمريكي جون كيري للصحفيين".split()
    gaz = gazetteer.load()
    toks = rules.make_tokens([(w, 0, len(w), key(w)) for w in words], gaz)
    tags = ["O", "B-PERS", "I-PERS", "I-PERS", "O"]
    rules.person_starts(toks, tags, gaz)
    assert tags == ["O", "O", "B-PERS", "I-PERS", "O"]
    alone = ["O", "B-PERS", "O", "O", "O"]  # a one-word span is left to the other rules
    rules.person_starts(toks, alone, gaz)
    assert alone == ["O", "B-PERS", "O", "O", "O"]


def test_spans_read_bio_as_conlleval_does():
    """An I- after O or after another type opens a span; B- always does; O closes."""
    import random

    def by_hand(tags):
        out, kind, start = [], None, 0
        for i, tag in enumerate(tags + ["O"]):
            prefix, _, label = tag.partition("-")
            if kind is not None and (tag == "O" or prefix == "B" or label != kind):
                out.append((kind, start, i))
                kind = None
            if tag != "O" and kind is None:
                kind, start = label, i
        return out

    rng = random.Random(7)
    for _ in range(2000):
        tags = [rng.choice(["O", "O", "O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "I-LOC"])
                for _ in range(rng.randrange(0, 12))]
        assert spans(tags) == by_hand(tags), tags
