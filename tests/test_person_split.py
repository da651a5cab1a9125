"""Two people side by side (`tagging.person_split`) and lone foreign names where a person stands
(`tagging.person_slots`), through the CLI: ingest small articles written here, then read the
entities a user sees. The sentences are written here."""
from __future__ import annotations

import pytest

from newsdiff.tagging import builtin

from conftest import apply_rule, write

pytestmark = pytest.mark.skipif(not builtin.available()[0], reason="built-in model not built")


def people(cli) -> dict[str, list[str]]:
    """Person entity name -> the surfaces of its mentions, in stored order."""
    return {e["name"]: [m["surface"] for m in e["mentions"]] for e in cli.json("entities", "--type", "person")}


def test_verb_first_pairs_are_two_people_the_article_names(cli, tmp_path):
    """"التقى ترامب ماكرون": each word is the last name of a person named in full elsewhere in the
    article, so the span is two people, and each joins its full name's entity."""
    write(tmp_path / "a.txt", "\n".join([
        "قمة فرنسية أمريكية في باريس",
        "وصل الرئيس الأمريكي دونالد ترامب إلى باريس أمس في زيارة رسمية.",
        "والتقى ترامب ماكرون في قصر الإليزيه لبحث الحرب في أوكرانيا.",
        "وكان الرئيس الفرنسي إيمانويل ماكرون قد دعا إلى وقف إطلاق النار.",
        "وهنأ ماكرون ترامب على اتفاق التجارة.",
        "وكان الرئيس الروسي فلاديمير بوتين قد استقبل نظيره التركي رجب طيب أردوغان العام الماضي.",
        "وهاجم بوتين أردوغان في خطاب أمس.",
        "وقال الزعيم الكوري الشمالي كيم جونغ أون إن اللقاء كان مثمرا، والتقى كيم جونغ أون ترامب قبل عامين.",
    ]))
    assert cli("ingest", str(tmp_path / "a.txt")).exit_code == 0
    found = people(cli)
    assert sorted(found["دونالد ترامب"]) == ["ترامب", "ترامب", "ترامب", "دونالد ترامب"], found
    assert sorted(found["إيمانويل ماكرون"]) == ["إيمانويل ماكرون", "ماكرون", "ماكرون"], found
    assert sorted(found["فلاديمير بوتين"]) == ["بوتين", "فلاديمير بوتين"], found
    assert sorted(found["رجب طيب أردوغان"]) == ["أردوغان", "رجب طيب أردوغان"], found
    assert found["كيم جونغ أون"] == ["كيم جونغ أون", "كيم جونغ أون"], found
    assert not [name for name in found if " " in name and name.split()[0] in ("ترامب", "ماكرون", "بوتين")]


def test_a_pair_left_whole_takes_no_bare_name_across_articles(cli, tmp_path):
    """Where an article has no full names, "وهاجم ترامب ماكرون" stays one span (either word alone
    may be a first name); but each word is found alone there and ends another article's full
    name, so the span is two people to the resolver, and the bare names join the full names,
    not the pair."""
    write(tmp_path / "a.txt", "\n".join([
        "قمة في باريس",
        "التقى الرئيس الأمريكي دونالد ترامب الرئيس الفرنسي إيمانويل ماكرون في باريس.",
    ]))
    write(tmp_path / "b.txt", "\n".join([
        "خلاف بين واشنطن وباريس",
        "وقال ترامب إن ماكرون لم يف بوعوده.",
        "وهاجم ترامب ماكرون في مؤتمر صحفي.",
    ]))
    assert cli("ingest", str(tmp_path)).exit_code == 0
    entities = {e["name"]: e for e in cli.json("entities", "--type", "person")}
    macron = [(m["article"], m["surface"]) for m in entities["إيمانويل ماكرون"]["mentions"]]
    assert ("b.txt", "ماكرون") in macron, entities.keys()
    assert ("b.txt", "ترامب") in [(m["article"], m["surface"]) for m in entities["دونالد ترامب"]["mentions"]]


def test_full_names_stay_whole(cli, tmp_path):
    """Real full names are one person even where their words are also found alone or as
    another name's last word in the article."""
    write(tmp_path / "b.txt", "\n".join([
        "لقاءات دبلوماسية في الرياض",
        "استقبل ولي العهد السعودي الأمير محمد بن سلمان الأمين العام السابق بان كي مون في الرياض.",
        "وقال الملك سلمان إن المملكة تدعم جهود السلام، وأشاد مون بدور المملكة.",
        "والتقى وزير الخارجية الفرنسي السابق جان إيف لودريان الرئيس الروسي فلاديمير بوتين.",
        "وكان بوتين قد اتصل بالرئيس التركي رجب طيب أردوغان، وقال أردوغان إن الحوار مستمر.",
        "وفي الرياضة سجل المدافع الهولندي فيرجيل فان دايك هدفا، وقال دايك إن الفريق جاهز.",
        "وقال الرئيس الفلسطيني محمود عباس إن المفاوضات متوقفة، وأكد عباس أن الحل سياسي.",
        "وقال المتحدث أحمد محمود إن الوفد وصل.",
    ]))
    assert cli("ingest", str(tmp_path / "b.txt")).exit_code == 0
    surfaces = {s for mentions in people(cli).values() for s in mentions}
    for name in ("محمد بن سلمان", "بان كي مون", "جان إيف لودريان", "فلاديمير بوتين", "رجب طيب أردوغان",
                 "فيرجيل فان دايك", "محمود عباس", "أحمد محمود"):
        assert name in surfaces, (name, surfaces)
    assert not {"محمد", "بان", "جان إيف", "لودريان", "فيرجيل", "محمود"} & surfaces, surfaces


def test_lone_foreign_names_where_a_person_stands(cli, tmp_path):
    """An unknown foreign-spelled word right after a verb whose subject is a person is a person,
    and its later mentions follow; so is a foreign name token that is also a small place's name
    ("فالفيردي")."""
    write(tmp_path / "c.txt", "\n".join([
        "ريال مدريد يفوز في الدوري الإسباني",
        "وأهدر تشواميني ركلة جزاء في الدقيقة العاشرة، ثم سدد فالفيردي كرة قوية في المرمى.",
        "وأعاد أوديغارد الفارق قبل النهاية، وصنع ساكا الهدف الثاني.",
        "وقال تشواميني بعد المباراة إن الفريق قدم أداء جيدا.",
        "وفي السياسة، حث غروسي إيران على التعاون، ورحب دوغين بالقرار.",
    ]))
    assert cli("ingest", str(tmp_path / "c.txt")).exit_code == 0
    found = people(cli)
    assert found.get("تشواميني") == ["تشواميني", "تشواميني"], found
    assert found.get("فالفيردي") == ["فالفيردي"], found
    assert {"أوديغارد", "ساكا", "غروسي", "دوغين"} <= set(found), found


def test_a_town_after_a_role_and_a_nationality_is_the_holder():
    """"النجم البرازيلي كافو": كافو is also a town, but a role with a nationality names its
    holder; a country after such a phrase is its object ("يذكر الرئيس الفنزويلي سوريا")."""
    from newsdiff.tagging.person_slots import places_after_roles

    assert apply_rule(places_after_roles, "وأعرب النجم البرازيلي كافو عن سعادته", "OOOLOO") == "OOOBOO"
    assert apply_rule(places_after_roles, "أن يذكر الرئيس الفنزويلي سوريا بالتزاماتها", "OOOOLO") == "OOOOLO"
    assert apply_rule(places_after_roles, "وصل الوفد البرازيلي إلى كافو أمس", "OOOOLO") == "OOOOLO"


def test_a_frequent_foreign_first_name_and_a_foreign_word_are_a_person():
    """"اوليغ كوزنيتسوفسكي" with no title or verb before it is a person; a pronoun spelled like a
    foreign first name ("انا واثق"), a definite ordinal ("الثاني") and a particle that folds to
    one ("فإن" = فان, Van) are not."""
    from newsdiff.tagging.person_slots import foreign_pairs

    assert apply_rule(foreign_pairs, "عرضية زاحفة من اوليغ كوزنيتسوفسكي تابعها المهاجم", "OOOOOOO") == "OOOBIOO"
    assert apply_rule(foreign_pairs, "وقال انا واثق من الفوز", "OOOOO") == "OOOOO"
    assert apply_rule(foreign_pairs, "في الدور الثاني فيجيز امس", "OOOOO") == "OOOOO"
    assert apply_rule(foreign_pairs, "وقال فإن ترامب سيزور المنطقة", "OOOOO") == "OOOOO"
