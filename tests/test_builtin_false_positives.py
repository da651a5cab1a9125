"""Built-in tagger: ordinary words that look like names are not tagged without context,
while the same names in a genuine context still are. The articles are written here."""
from __future__ import annotations

import pytest

from newsdiff.normalize import key
from newsdiff.tagging import builtin, gazetteer, rules

from test_builtin_tagger import article, found

pytestmark = pytest.mark.skipif(not builtin.available()[0], reason="built-in model not built")


@pytest.fixture(scope="module")
def tagger():
    return builtin.BuiltinTagger()


def test_common_word_is_not_proclitic_plus_place(tagger):
    # كبيرا is not ك + بيرا (a Colombian city), وجده "found him" is not و + جدة
    art = article("شهدت الأسواق خلافا كبيرا في توقيت القرار.",
                  "وقال إن الوزير حيث وجده يلقي الضوء على القضية.",
                  "زار الوزير بغداد وبيروت الأسبوع الماضي.")
    places = found(tagger, art, "place")
    assert "كبيرا" not in places and "بيرا" not in places
    assert "وجده" not in places and "جده" not in places
    assert {"بغداد", "بيروت"} <= set(places)  # a real place after و is still split off


def test_place_that_is_an_ordinary_word_needs_context(tagger):
    art = article("ارتفعت الأسهم في بورصة نيويورك أمس.",
                  "سدد اللاعب الكرة في الزاوية اليمنى للحارس.",
                  "وظهر الفريق بوجه باهت في اللقاء.",
                  "وقع زلزال في مدينة بورصة التركية.",
                  "اندلعت اشتباكات في مدينة الزاوية الليبية.")
    places = [m for m in tagger.tag(art) if m.type == "place"]
    assert {m.sentence for m in places if m.surface == "بورصة"} == {3}
    assert {m.sentence for m in places if m.surface == "الزاوية"} == {4}
    assert {m.surface for m in places} == {"نيويورك", "بورصة", "الزاوية"}


def test_club_named_for_its_city_is_not_a_person(tagger):
    # the CRF may read "دينامو كييف" as a name; with no name word before the city it is a club
    gaz = gazetteer.load()
    words = "وكاد دينامو كييف يفاجئ أصحاب الأرض".split()
    toks = rules.make_tokens([(w, 0, len(w), key(w)) for w in words], gaz)
    tags = ["O", "B-PERS", "I-PERS", "O", "O", "O"]
    rules.persons(toks, tags, gaz)
    assert tags[1:3] == ["B-ORG", "I-ORG"]
    words = "وقال فلاديمير بوتين كييف".split()  # a name then a place: the place is split off
    toks = rules.make_tokens([(w, 0, len(w), key(w)) for w in words], gaz)
    tags = ["O", "B-PERS", "I-PERS", "I-PERS"]
    rules.persons(toks, tags, gaz)
    assert tags == ["O", "B-PERS", "I-PERS", "B-LOC"]
    art = article("وصل الرئيس فلاديمير بوتين إلى كييف.")
    assert "فلاديمير بوتين" in found(tagger, art, "person") and "كييف" in found(tagger, art, "place")


def test_town_placed_by_a_direction_is_a_place(tagger):
    # بعقوبة is listed as also an ordinary word; "X شمال Y" places it
    art = article("قتل خمسة أشخاص في انفجار سيارة مفخخة في بعقوبة شمال بغداد.")
    assert {"بعقوبة", "بغداد"} <= set(found(tagger, art, "place"))


def test_particle_with_hamza_is_never_part_of_a_name(tagger):
    # "فإن" folds to "فان" (Van): written with its hamza it is the particle, never a name
    art = article("قال الرئيس الأمريكي دونالد ترامب إن الاتفاق قريب.",
                  "ومع ذلك فإن ترامب لم يحدد موعدا للتوقيع.",
                  "وبالتالي فإن لوبي السلاح يضغط على الكونغرس.",
                  "وقال المدرب إن فيرجيل فان دايك سيغيب عن المباراة.")
    mentions = tagger.tag(art)
    assert not [m for m in mentions if m.surface.startswith("فإن")]
    persons = {(m.sentence, m.surface) for m in mentions if m.type == "person"}
    assert (1, "ترامب") in persons  # the name after the particle, known from sentence 0
    assert not [p for p in persons if p[0] == 2]  # "لوبي" (lobby) is no surname
    assert (3, "فيرجيل فان دايك") in persons  # "فان" without hamza can still be a name


def test_known_phrase_found_by_the_crf_loses_its_proclitic(tagger):
    # للأمم = ل + الأمم: the span starts after the ل, whoever found the phrase
    art = article("والتقى الأمين العام للأمم المتحدة أنطونيو غوتيريش في نيويورك.")
    orgs = found(tagger, art, "org")
    assert list(orgs) == ["لأمم المتحدة"]
    assert orgs["لأمم المتحدة"].key == "الامم المتحده"


def test_word_with_proclitic_after_a_title_is_no_name(tagger):
    # الفريق is a rank and "the team": "بكأس" (ب + كأس, "with the cup") is not a name after it
    art = article("فاز الفريق بكأس العالم للمرة الثانية.",
                  "وقال الفريق أول عبد الفتاح البرهان إن الجيش سيواصل القتال.")
    persons = {(m.sentence, m.surface) for m in tagger.tag(art) if m.type == "person"}
    assert persons == {(1, "عبد الفتاح البرهان")}


def test_currency_is_not_a_place(tagger):
    # CLDR's "منطقة اليورو" (euro zone) must not leave اليورو, the currency, among places
    art = article("وارتفع سعر صرف اليورو أمام الدولار في التعاملات المبكرة.",
                  "وقالت المفوضية الأوروبية في بروكسل إن التضخم تراجع.")
    assert set(found(tagger, art, "place")) == {"بروكسل"}
