"""Clubs named by one word in sports news (`sports.lone_clubs`): a foreign word or a city before
a masculine nationality adjective, after a club noun (مرمى، لاعب، حارس) or a host word (ضيفه،
مضيفه), a nationality adjective read as a noun after a club noun, and the words of a fixture
"X ( country )". The articles are written here; players, ordinary words and political news keep
their reading."""
from __future__ import annotations

import pytest

from newsdiff.tagging import builtin, gazetteer, rules, sports

from conftest import write

pytestmark = pytest.mark.skipif(not builtin.available()[0], reason="built-in model not built")

ARTICLES = {
    "cup.txt": ["دوري أبطال أوروبا: فوز ثمين في ساليرنو",
                "حقق سالرنيتانا الإيطالي فوزا ثمينا على ضيفه ريزسبور التركي 2 - 1 في المباراة التي أقيمت "
                "على ملعبه في الجولة الثانية.",
                "وسجل المهاجم البرازيلي رونالدو هدفا في مرمى فلامنغو، فيما تعادل تولوز الفرنسي مع "
                "أوكسير البلجيكي في المجموعة ذاتها.",
                "وأطاح الفريق بنظيره الفرنسي في المباراة، وأصيب اللاعب في ركبته اليمنى خلال الشوط الثاني."],
    "league.txt": ["الدوري المصري: المصري يفوز",
                   "أنقذ حارس المصري مرماه من هدف محقق في الشوط الأول من المباراة، ثم سجل لاعب المصري "
                   "هدف الفوز في الدقيقة الأخيرة.",
                   "وسجل هدفي البرازيلي رونالدينيو في المباراة التي جرت على ملعب الفريق في الدوري."],
    "tennis.txt": ["أغاسي يتأهل",
                   "فاز الأميركي أندريه أغاسي على بغداديس 6 - 4 في مباراة ماراثونية على ملعب البطولة "
                   "ليتأهل إلى الدور الثالث من البطولة."],
    "politics.txt": ["زيارة رسمية",
                     "استقبل الرئيس ضيفه بوريل في القصر الرئاسي، وقال مدرب الشرطة إن التدريبات ستستمر "
                     "أمام البرلمان.",
                     "وقال حارس السفارة إن الوفد وصل إلى مدينة تولوز أمس."],
}


def test_clubs_named_by_one_word(cli, tmp_path):
    for name, lines in ARTICLES.items():
        write(tmp_path / name, "\n".join(lines))
    assert cli("ingest", str(tmp_path)).exit_code == 0
    found = {(e["type"], m["article"], m["surface"]) for e in cli.json("entities") for m in e["mentions"]}
    orgs = {(a, s) for t, a, s in found if t == "org"}
    assert {("cup.txt", c) for c in ("سالرنيتانا", "ريزسبور", "فلامنغو", "تولوز", "أوكسير")} <= orgs, orgs
    assert ("league.txt", "المصري") in orgs, orgs
    # the nationality adjective stays out of the club's name; players, ordinary words and the
    # Brazilian who scored are no clubs
    assert not any(w in s for _, s in orgs for w in ("الإيطالي", "التركي", "الفرنسي", "البلجيكي")), orgs
    assert not {s for _, s in orgs} & {"رونالدو", "رونالدينيو", "البرازيلي", "ثمينا", "بنظيره", "ركبته",
                                       "بغداديس", "ماراثونية", "أغاسي"}, orgs
    # political news: a guest, a guard and a city keep their reading
    assert not {s for a, s in orgs if a == "politics.txt"} & {"بوريل", "الشرطة", "السفارة", "تولوز"}, orgs
    assert ("place", "politics.txt", "تولوز") in found, found


def test_fixtures_and_club_spans():
    """The untagged words of a fixture "X ( country )" after a dash or colon are a club (not a
    person's name the tagger found there); a club's span that the tagger began with its head
    word loses it (فريق ميلان), two clubs it joined by و become two (أرسنال وموناكو); none of it
    in a sentence that is not about sport."""
    gaz = gazetteer.load()

    def retag(words: str, tags: list[str]) -> list[tuple[str, str]]:
        toks = builtin._tokens(words, 0, len(words), gaz)
        out = list(tags)
        sports.lone_clubs(toks, out, gaz)
        return [(typ, " ".join(t.text for t in toks[s:e])) for typ, s, e in rules.spans(out)]

    fixtures = "الجولة المقبلة : باشاك شهير ( تركيا ) - أندريه نادال ( إسبانيا )"
    tags = ["O"] * 6 + ["B-LOC", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"]
    assert retag(fixtures, tags) == [("ORG", "باشاك شهير"), ("LOC", "تركيا"), ("PERS", "أندريه نادال"),
                                     ("LOC", "إسبانيا")]
    sentence = "لعب في فريق ميلان الإيطالي قبل مباراة أرسنال وموناكو الفرنسي في الملعب"
    tags = ["O", "O", "B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O"]
    assert retag(sentence, tags) == [("ORG", "ميلان"), ("ORG", "أرسنال"), ("ORG", "وموناكو")]
    politics = "وقال فريق المفاوضين إن شركة جونسون وجونسون تبرعت"
    tags = ["O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O"]
    assert retag(politics, tags) == [("ORG", "فريق المفاوضين"), ("ORG", "جونسون وجونسون")]
