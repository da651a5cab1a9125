"""Organisations named by their context (`tagging.organisations`): parties and movements,
companies and outlets that no list knows. The articles are written here."""
from __future__ import annotations

import pytest

from newsdiff.tagging import builtin

from conftest import surfaces, write

pytestmark = pytest.mark.skipif(not builtin.available()[0], reason="built-in model not built")


def org_mentions(cli, path) -> set[str]:
    return surfaces(cli, path, "org")


def test_parties_and_movements(cli, tmp_path):
    """حزب + a definite word, a movement word + a foreign-spelled word, and a movement word + an
    Arabic word after a word of leadership are organisations; the name alone is the same
    organisation later in the article, but not after a demonstrative or before an adjective.
    The same words in ordinary phrases are not organisations."""
    write(tmp_path / "a.txt", "\n".join([
        "الانتخابات الإسرائيلية المبكرة",
        "قال حزب الاستقامة إنه يتوقع فشل حكومة حركة كوديما بعد أشهر من توليها.",
        "وأكد أن الاستقامة قرر العودة إلى الحكم.",
        "واتهم المتحدث زعيم تنظيم المرابطين بالمسؤولية عن الهجوم.",
        "وقال زعيم تيار الوفاق إن البلاد بحاجة إلى هذا الوفاق، وإن الوفاق الوطني يحميها.",
        "وتولت البلدية تنظيم المعرض، وشهدت المدينة انقطاع تيار الكهرباء وتوقف حركة المرور.",
    ]))
    orgs = org_mentions(cli, tmp_path / "a.txt")
    assert {"حزب الاستقامة", "حركة كوديما", "الاستقامة", "تنظيم المرابطين", "تيار الوفاق"} <= orgs, orgs
    stored = [m for e in cli.json("entities", "--type", "org") for m in e["mentions"]]
    assert [m["surface"] for m in stored].count("الوفاق") == 0, stored  # هذا الوفاق، الوفاق الوطني
    for phrase in ("المرابطين", "تنظيم المعرض", "المعرض", "تيار الكهرباء", "الكهرباء",
                   "حركة المرور", "المرور"):
        assert phrase not in orgs, (phrase, orgs)


def test_an_organisation_keeps_its_preposition_out(cli, tmp_path):
    """"بالمرابطين" names المرابطين: the preposition is not part of the name's surface."""
    write(tmp_path / "a.txt", "\n".join([
        "اعتقال مشتبه به",
        "قال زعيم تنظيم المرابطين إن التنظيم مسؤول عن الهجوم.",
        "واعتقلت الشرطة رجلا يشتبه في صلاته بالمرابطين.",
    ]))
    orgs = org_mentions(cli, tmp_path / "a.txt")
    assert {"تنظيم المرابطين", "المرابطين"} <= orgs and "بالمرابطين" not in orgs, orgs


def test_companies(cli, tmp_path):
    """Brands after شركتي, in a pair "X / Y", before "شركة" in apposition and after a verb of
    business; a month pair, adjectives after شركة and a listed person are not companies."""
    write(tmp_path / "b.txt", "\n".join([
        "سوق السيارات في الصين",
        "زادت شركتا تويوتا وجنرال ستيلانتس من حجم استثماراتهما في الصين.",
        "ولغاية عام 2003 كانت سكانيكو شركة السيارات الأولى في السوق.",
        "وباعت سكانيكو / فاليو في الشهور السبعة الأولى من العام أكثر من مليون سيارة.",
        "وفي مجال الهواتف، اختارت شاومي طريق دعم هواتفها بتقنيات البث.",
        "ووقعت الصين في أبريل / نيسان الماضي صفقة مع شركة تابعة لمجموعة أوروبية.",
        "وأعلنت شركات عديدة خططا جديدة، وقالت ميركل إن السوق واعدة.",
    ]))
    orgs = org_mentions(cli, tmp_path / "b.txt")
    assert {"تويوتا", "جنرال ستيلانتس", "سكانيكو", "فاليو", "شاومي"} <= orgs, orgs
    for word in ("أبريل", "نيسان", "تابعة", "عديدة", "ميركل", "وجنرال ستيلانتس"):
        assert word not in orgs, (word, orgs)


def test_outlets_and_acronyms(cli, tmp_path):
    """A dateline's agency, a broadcaster before التلفزيونية, a channel after قناة, a newspaper
    named for a place in quotes, and an acronym after a body's full name; a canal named for a
    place and an adjective after صحيفة are not outlets."""
    write(tmp_path / "c.txt", "\n".join([
        "برامج المواهب على الشاشات العربية",
        "البحرين - الأيام - تعرض روتانو التلفزيونية برنامجا جديدا للمواهب يوميا.",
        "ويذاع البرنامج على قناة الميادين كل مساء، بحسب الصحيفة الرسمية.",
        "وقال المنتج لـ«الشرق الأوسط» إن العرض ناجح، فيما عبرت سفينة قناة السويس.",
        "وتنتشر بعثة الأمم المتحدة لتحقيق الاستقرار (مينوسما) في مالي.",
        "ولم تقدم وكالة الأنباء الرسمية «سونيكو» التي أوردت النبأ تفاصيل أخرى.",
    ]))
    orgs = org_mentions(cli, tmp_path / "c.txt")
    assert {"الأيام", "روتانو", "الميادين", "الشرق الأوسط", "مينوسما", "سونيكو"} <= orgs, orgs
    for word in ("السويس", "الرسمية", "التلفزيونية"):
        assert word not in orgs, (word, orgs)
    places = {m["surface"] for e in cli.json("entities", "--type", "place") for m in e["mentions"]}
    assert "الشرق الأوسط" not in places, places


def test_banks(cli, tmp_path):
    """A bank word and a place, or a definite bank word, its kind and a nationality adjective,
    name a bank: the whole phrase is the organisation, over the place or club its name holds.
    A bank of no named country, and a bank merely located in a place, are not."""
    write(tmp_path / "d.txt", "\n".join([
        "أسعار الفائدة في المنطقة",
        "قرر البنك المركزي المصري رفع أسعار الفائدة، وقال مصرف لبنان إن الاحتياطي تراجع.",
        "وخفض بنك الكويت الوطني توقعاته، وأعلن البنك الأهلي السعودي أرباحه الفصلية.",
        "وقال المصرف المركزي العراقي إن الدينار استقر، فيما أبقى بنك إنجلترا الفائدة دون تغيير.",
        "وأكد محافظ البنك المركزي أن التضخم تراجع، ويقع مقر البنك في تونس منذ عقود.",
    ]))
    orgs = org_mentions(cli, tmp_path / "d.txt")
    assert {"البنك المركزي المصري", "مصرف لبنان", "بنك الكويت الوطني", "البنك الأهلي السعودي",
            "المصرف المركزي العراقي", "بنك إنجلترا"} <= orgs, orgs
    for word in ("الأهلي", "لبنان", "الكويت", "البنك في تونس", "البنك المركزي أن"):
        assert word not in orgs, (word, orgs)
    places = {m["surface"] for e in cli.json("entities", "--type", "place") for m in e["mentions"]}
    assert "تونس" in places and not {"لبنان", "الكويت", "إنجلترا"} & places, places



def test_occupation_forces_of_a_named_state(cli, tmp_path):
    """"جيش/قوات/شرطة الاحتلال" with a nationality adjective are armed forces of a named state,
    organisations like "الجيش الروسي"; without the adjective no state is named."""
    write(tmp_path / "e.txt", "\n".join([
        "اقتحام مدينة جنين",
        "وقال جيش الاحتلال الإسرائيلي إنه قصف مواقع، واقتحمت قوات الاحتلال الإسرائيلي مدينة جنين.",
        "واعتقلت شرطة الاحتلال الإسرائيلية عددا من المصلين.",
        "وقال جيش الاحتلال إنه يحقق في الحادث.",
    ]))
    orgs = org_mentions(cli, tmp_path / "e.txt")
    assert {"جيش الاحتلال الإسرائيلي", "قوات الاحتلال الإسرائيلي", "شرطة الاحتلال الإسرائيلية"} <= orgs, orgs
    assert "جيش الاحتلال" not in orgs and "الاحتلال" not in orgs, orgs


def test_universities_named_after_people(cli, tmp_path):
    """A university in construct with a person's name, with or without a title, is one
    organisation and mentions no person; a definite head is not in construct, and an
    administration still mentions its head."""
    write(tmp_path / "f.txt", "\n".join([
        "الجامعات والسياسة",
        "وتخرج من جامعة الملك سعود، ودرس في جامعة جورج واشنطن.",
        "وأعلنت إدارة الرئيس دونالد ترامب فرض رسوم جديدة، وقال ترامب إن الجامعة ترامب ليست جامعة حقيقية.",
    ]))
    orgs = org_mentions(cli, tmp_path / "f.txt")
    assert {"جامعة الملك سعود", "جامعة جورج واشنطن", "إدارة الرئيس دونالد ترامب"} <= orgs, orgs
    assert not any("الجامعة" in o for o in orgs), orgs
    people = {m["surface"] for e in cli.json("entities", "--type", "person") for m in e["mentions"]}
    assert {"ترامب", "دونالد ترامب"} <= people and not {"سعود", "جورج واشنطن"} & people, people
