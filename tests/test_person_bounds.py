"""Person-name boundaries (`tagging.person_bounds`): words the CRF takes into a name or
leaves out of it. The sentences are written here."""
from __future__ import annotations

import pytest

from newsdiff.normalize import key
from newsdiff.tagging import builtin, namelike
from newsdiff.tagging.person_bounds import person_bounds

from conftest import apply_rule, surfaces, write

pytestmark = pytest.mark.skipif(not builtin.available()[0], reason="built-in model not built")


def bounds(words: str, crf_tags: str) -> list[str]:
    """The tags person_bounds leaves of a sentence tagged `crf_tags` (one letter a word:
    B/I for a person, O)."""
    return [apply_rule(person_bounds, words, crf_tags)]


def test_conjoined_names_are_two_people(cli, tmp_path):
    """"حسن مدني وهشام عبد الوهاب" is two wrestlers: و before a given name starts another
    person; a name that starts with و (وليد) and a single name stay whole."""
    write(tmp_path / "a.txt", "\n".join([
        "المنتخب يستعد للبطولة العربية",
        "يلعب كل من حسن مدني وهشام عبد الوهاب في منافسات المصارعة.",
        "وقال المدرب وليد سليمان إن الفريق جاهز للبطولة.",
    ]))
    assert cli("ingest", str(tmp_path / "a.txt")).exit_code == 0
    people = {m["surface"] for e in cli.json("entities", "--type", "person") for m in e["mentions"]}
    assert {"حسن مدني", "هشام عبد الوهاب", "وليد سليمان"} <= people, people
    assert not any("وهشام" in p for p in people), people


def test_a_name_does_not_end_with_a_verb_or_a_preposition():
    # what the CRF trained on five sixths of ANERcorp did with these sentences
    assert bounds("وكان طلعت زكريا يتقمص شخصية المذيع", "OOBIOO") == ["OBIOOO"]
    assert bounds("وجاء فوز عبد الفتاح ليعوض الخروج", "OOBIIO") == ["OOBIOO"]
    assert bounds("فاز المصري محمد عبد الفتاح بالميدالية الذهبية", "OOBIIIO") == ["OOBIIOO"]
    assert bounds("واكد الحريري تمسك قوى 14 اذار", "OBIOOOO") == ["OBOOOOO"]
    # a name that ends with a preposition, and foreign names that look like one
    assert bounds("وقال الوزير المعتز بالله الشريف", "OOBIO") == ["OOBIO"]
    assert bounds("وكان الفيلسوف برنار هنري ليفي", "OOBII") == ["OOBII"]
    assert bounds("وقال الرئيس اميل لحود", "OOBI") == ["OOBI"]


def test_a_name_does_not_start_with_a_common_noun():
    assert bounds("ويأتي بدء سريان ولاية صالح الأخيرة", "OOOBIO") == ["OOOOBO"]
    assert bounds("البعيدة للحارس هيلتون", "OBI") == ["OOB"]
    assert bounds("وقال الشيخ صباح الأحمد", "OOBI") == ["OOBI"]


def test_a_given_or_foreign_name_next_to_a_name_belongs_to_it():
    assert namelike.score(key("شوفكوفسكيي")) >= namelike.FOREIGN > namelike.score(key("يتقمص"))
    assert bounds("وكان طلعت زكريا قد اعتمد", "OOBOO") == ["OBIOO"]
    assert bounds("التي رسمها ليوناردو دافنشي هي", "OOBOO") == ["OOBIO"]
    assert bounds("مع صديقاتها جايلي كينغ ،", "OOOBO") == ["OOOBO"]  # unlisted: left alone
    assert bounds("هما رئيسة لاتفيا فايرا فيكي فريبيرجا ووزير", "OOOBIOO") == ["OOOBIIO"]
    # not a noun with its genitive ("مفتي الجمهورية"), nor across a conjunction ("آندي وديانا")
    assert bounds("وقال علي جمعة مفتي الجمهورية", "OBIOO") == ["OBIOO"]
    assert bounds("من تقديم آندي وديانا رزق", "OOOBI") == ["OOBBI"]
    # nor a word of another kind (a place, a common word, a verb)
    assert bounds("وزار ماكرون باريس أمس", "OBOO") == ["OBOO"]
    assert bounds("إن فيرجيل فان دايك سيغيب عن", "OBIIOO") == ["OBIIOO"]
    assert bounds("وقال ماكرون إن بلاده", "OBOO") == ["OBOO"]


def test_a_definite_surname_ends_an_arabic_name(cli, tmp_path):
    """A nisba or a definite word no list knows, right after an Arabic name where the clause
    ends, is its last word; an adjective after a foreign name describes him, and a common
    word is the verb's object."""
    write(tmp_path / "b.txt", "\n".join([
        "تصريحات حول الانتخابات",
        "وأكد رئيس الوزراء العراقي محمد شياع السوداني أن الانتخابات ستجرى في موعدها.",
        "وقال رئيس الحكومة عبد الحميد الدبيبة إن الانتخابات ضرورية، وصرح الناطق عمر العراقي بأن الوفد غادر.",
        "وفاز رافائيل نادال الإسباني على منافسه، واستقبل محمد الوفد في مكتبه.",
    ]))
    people = surfaces(cli, tmp_path / "b.txt", "person")
    assert {"محمد شياع السوداني", "عبد الحميد الدبيبة", "عمر العراقي", "رافائيل نادال"} <= people, people
    assert not {"رافائيل نادال الإسباني", "محمد الوفد"} & people, people
