"""Known tagging errors of the built-in tagger in Arabic news: each test checks that the false
reading is gone and that a genuine use of the same words in context still comes out right.
The sentences are written here; the tagger reads them as articles."""
from __future__ import annotations

import pytest

from newsdiff.normalize import key
from newsdiff.tagging import builtin, gazetteer, rules, sports

from conftest import write
from test_builtin_tagger import article

pytestmark = pytest.mark.skipif(not builtin.available()[0], reason="built-in model not built")


@pytest.fixture(scope="module")
def tagger():
    return builtin.BuiltinTagger()


def persons(tagger, art) -> set[tuple[int, str]]:
    return {(m.sentence, m.surface) for m in tagger.tag(art) if m.type == "person"}


def test_foreign_name_starting_with_a_common_word(tagger):
    # راي is also "opinion" (رأي without its hamza), بان also "appeared" and بأن: after a title
    # or at the start of a sentence such a word begins the foreign name that follows it
    art = article("وقال المدرب راي ويلكنز إن الفريق سيعود أقوى.",
                  "وقال الأمين العام للأمم المتحدة بان كي مون إن الوضع خطير.",
                  "وذكرت مصادر دبلوماسية بان جون كيري سيزور المنطقة.",
                  "وتباينت الآراء في راي الخبراء.")
    found_persons = persons(tagger, art)
    assert {(0, "راي ويلكنز"), (1, "بان كي مون")} <= found_persons
    assert (0, "ويلكنز") not in found_persons
    # after a verb and its subject, بان is the particle: the name is جون كيري alone
    assert {p for p in found_persons if p[0] == 2} == {(2, "جون كيري")}
    assert not [p for p in found_persons if p[0] == 3]


def test_proclitic_plus_given_name_needs_a_name_context(tagger):
    # لتيسير is "to facilitate" (ل + تيسير, also a given name): no name without a name context
    art = article("وأعلنت الحكومة عن جهود لتيسير عودة اللاجئين إلى قراهم.",
                  "وقال مراسل القناة تيسير علوني إن القصف استمر طوال الليل.",
                  "وفي حديث لتيسير علوني قال الوزير إن المفاوضات ستستأنف.")
    found_persons = persons(tagger, art)
    assert not [p for p in found_persons if p[0] == 0]
    assert (1, "تيسير علوني") in found_persons
    assert (2, "تيسير علوني") in found_persons  # the proclitic is not part of the name


def test_index_after_its_head_noun_is_not_a_person(tagger):
    # "مؤشر داو جونز الصناعي" is a market index; جونز after a role is still a person
    art = article("ارتفع مؤشر داو جونز الصناعي 120 نقطة ليغلق عند مستوى قياسي.",
                  "وقال المحلل الاقتصادي جونز إن الأسواق تترقب قرار الفائدة.")
    assert persons(tagger, art) == {(1, "جونز")}


def test_groups_of_people_are_not_organisations(tagger):
    # the guidelines' organisations are named bodies: sects and peoples are neither orgs nor places
    art = article("وقال الأكراد إن الحكومة لم تف بوعودها.",
                  "واندلعت اشتباكات بين الشيعة والسنة في بغداد.",
                  "وقال الفلسطينيون إن الحصار مستمر.",
                  "وقال الاتحاد الوطني الكردستاني إن منظمة التحرير الفلسطينية رحبت بالاتفاق.")
    mentions = tagger.tag(art)
    assert not [m for m in mentions if m.sentence < 3 and m.type in ("org", "person")]
    assert {m.surface for m in mentions if m.type == "place"} == {"بغداد"}
    assert {m.surface for m in mentions if m.type == "org"} == {"الاتحاد الوطني الكردستاني", "منظمة التحرير الفلسطينية"}


MATCH_REPORT = ("نتائج مباريات السبت في أوروبا\n\n"
                "تغلب نابولي على ضيفه تورينو 3 - 1 في المباراة التي أقيمت مساء السبت.\n"
                "وفي مباراة أخرى، فاز شتوتغارت على فرايبورغ 2 - 0 في الدوري الألماني.\n"
                "وتعادل بلد الوليد مع مالقة 1 - 1 في الدوري الإسباني.\n"
                "وكان وزير الخارجية قد زار نابولي ثم توجه إلى شتوتغارت في جولة أوروبية.\n")


def test_clubs_named_after_their_city(cli, tmp_path):
    # in a sentence about a match a city where a club stands is the club, as one span;
    # the same cities in a sentence about a visit stay places
    write(tmp_path / "match.txt", MATCH_REPORT)
    assert cli("ingest", str(tmp_path / "match.txt")).exit_code == 0
    rows = cli.json("entities")
    by_type = {}
    for e in rows:
        for m in e["mentions"]:
            by_type.setdefault(e["type"], set()).add((m["sentence"], m["surface"]))
    orgs, places = by_type.get("org", set()), by_type.get("place", set())
    clubs = {"نابولي", "تورينو", "شتوتغارت", "فرايبورغ", "بلد الوليد", "مالقة"}
    assert clubs == {surface for sentence, surface in orgs if 0 < sentence < 4}
    assert not [p for p in places if p[1] in clubs and p[0] < 4]
    assert {"نابولي", "شتوتغارت"} <= {surface for sentence, surface in places if sentence == 4}


def test_match_report_makes_every_sentence_about_sport(tagger):
    # alone, "خسر أمام دورتموند في الجولة" says too little about sport; in a match report
    # the city the team lost to is the club. In a political article "أمام موسكو" is a place.
    report = article("وتقام المباراة على ملعب الفريق مساء السبت ضمن منافسات الدوري.",
                     "وكان الفريق قد خسر أمام دورتموند في الجولة الماضية.")
    assert {(m.type, m.surface) for m in tagger.tag(report) if m.sentence == 1} == {("org", "دورتموند")}
    alone = article("وكان الفريق قد خسر أمام دورتموند في الجولة الماضية.")
    assert {(m.type, m.surface) for m in tagger.tag(alone)} == {("place", "دورتموند")}
    politics = article("وقال الوزير إن بلاده لن تتراجع أمام موسكو في المفاوضات.")
    assert {(m.type, m.surface) for m in tagger.tag(politics)} == {("place", "موسكو")}


def test_sports_word_read_into_the_club_name(tagger):
    # the CRF may read "أمام بريمن" (أمام is also Imam) as one person: the club is the city
    gaz = gazetteer.load()
    words = "وكان الفريق قد خسر أمام بريمن في المباراة 1 - 2 .".split()
    toks = rules.make_tokens([(w, 0, len(w), key(w)) for w in words], gaz)
    tags = ["O"] * len(words)
    tags[4:6] = ["B-PERS", "I-PERS"]
    sports.clubs(toks, tags, gaz)
    assert tags[4:6] == ["O", "B-ORG"]
    words = "وقال الإمام أمام حسين إن الصلاة ستقام في المسجد .".split()  # no sport: untouched
    toks = rules.make_tokens([(w, 0, len(w), key(w)) for w in words], gaz)
    tags = ["O"] * len(words)
    tags[2:4] = ["B-PERS", "I-PERS"]
    sports.clubs(toks, tags, gaz)
    assert tags[2:4] == ["B-PERS", "I-PERS"]


def test_unseen_clubs_named_after_a_club_head(cli, tmp_path):
    """In a match report a name nobody knows right after فريق/فريقي is a club (two after the
    dual, joined by و); "فريق خطير" (a dangerous team) and a negotiating team are not."""
    write(tmp_path / "league.txt", "\n".join([
        "الدوري المغربي: مواجهات قوية في الجولة الثانية",
        "يدخل فريق الحسنية مباراة اليوم على ملعبه بعد فوزه في الجولة الأولى بهدفين.",
        "وتأجلت مباراة فريقي الرجاء البيضاوي والدفاع الجديدي بسبب التزام الفريقين في كأس العرش.",
        "وقال المدرب إن خصمه فريق خطير في الملعب وإن المباراة لن تكون سهلة.",
        "وفي الشوط الثاني سجل اللاعبون ثلاثة أهداف أمام الجماهير في الملعب.",
    ]))
    write(tmp_path / "talks.txt", "\n".join([
        "واشنطن تستأنف المحادثات مع كييف",
        "وصل فريق التفاوض الأمريكي إلى جنيف أمس لبدء جولة جديدة من المحادثات مع الوفد الأوكراني.",
    ]))
    assert cli("ingest", str(tmp_path)).exit_code == 0
    orgs = {(m["article"], m["surface"]) for e in cli.json("entities", "--type", "org") for m in e["mentions"]}
    assert {("league.txt", "الحسنية"), ("league.txt", "الرجاء البيضاوي"), ("league.txt", "الدفاع الجديدي")} <= orgs, orgs
    assert not any("خطير" in s for _, s in orgs) and not any(a == "talks.txt" for a, _ in orgs), orgs


def test_quoted_names_after_triggers_with_a_proclitic(cli, tmp_path):
    """A quoted name after a media or organisation trigger is the outlet or body, also when the
    trigger carries a proclitic (لصحيفة، وشركة); quotes after other words stay untagged."""
    write(tmp_path / "a.txt", "\n".join([
        "شراكة جديدة في قطاع التكنولوجيا",
        "وقال مدير الشركة لصحيفة \"الأيام الجديدة\" إن الاتفاق سيوقع الأسبوع المقبل.",
        "وأعلنت الحكومة تعاونها مع شركة \"سماء المعرفة\" في مشروع للتعليم الرقمي.",
        "وأضاف أن \"الوضع الاقتصادي صعب\" لكنه يتحسن ببطء.",
    ]))
    assert cli("ingest", str(tmp_path / "a.txt")).exit_code == 0
    orgs = {m["surface"] for e in cli.json("entities", "--type", "org") for m in e["mentions"]}
    assert {"الأيام الجديدة", "سماء المعرفة"} <= orgs, orgs
    assert not any("الوضع" in o for o in orgs), orgs


def test_city_adjectives_derived_from_the_gazetteer():
    # the regular nisba of a city's name, and the hand-listed irregular ones; never a nationality
    # or an ordinary adjective
    assert [gazetteer.city_adjective(key(c)) for c in ("فاس", "وجدة", "القنيطرة", "سلا", "الدار البيضاء")] \
        == ["الفاسي", "الوجدي", "القنيطري", "السلاوي", None]
    adjectives = gazetteer.load().city_adjectives
    assert {key(a) for a in ("المراكشي", "الوجدية", "السلاوية", "البيضاوي", "البيضاوية")} <= set(adjectives)
    assert not {key(a) for a in ("المغربي", "الروسي", "الرياضي", "البلدي")} & set(adjectives)


CLUB_ARTICLES = {
    "league.txt": ["البطولة الوطنية: مواجهات قوية في الدورة الثالثة",
                   "يستضيف اتحاد تمارة ضيفه شباب قسنطينة في مباراة الدورة الثالثة من البطولة، بعد فوز "
                   "أولمبيك آسفي على الجمعية الوهرانية بهدفين.",
                   "وتعادل الفتح الرباطي مع الوئام القنيطري 1 - 1، فيما خسر المغرب التطواني أمام المولودية "
                   "الوهرانية في الجولة الماضية.",
                   "وقال مدرب المنتخب المغربي إن الفريق الفاسي قدم مباراة جيدة على الملعب البلدي أمام جماهيره."],
    "algeria.txt": ["نتائج الدوري الجزائري",
                    "فاز وفاق سطيف على مولودية الجزائر بهدفين مقابل هدف في المباراة التي جرت أمس.",
                    "وتغلب النادي الصفاقسي على ضيفه في الدوري التونسي، وسجل لاعبو الفريق ثلاثة أهداف."],
    "europe.txt": ["دوري أبطال أوروبا",
                   "ضرب ريال مدريد بقوة عندما سحق ضيفه دينامو كييف 5 - 1 في المباراة التي أقيمت على ملعبه.",
                   "وتعادل سبورتينغ لشبونة مع شاختار دونيتسك 1 - 1 في المجموعة الرابعة من البطولة."],
    "politics.txt": ["احتجاجات في طنجة",
                     "وخرج شباب طنجة إلى الشوارع أمس للاحتجاج على غلاء الأسعار، وقالت الشرطة إن المظاهرة كانت سلمية.",
                     "وتحدث الوزير عن المطبخ الفاسي والتراث المراكشي خلال زيارته إلى مدينة فاس."],
}


def test_clubs_named_by_a_place(cli, tmp_path):
    """In sports news a club's naming word before a place or a city's adjective, an unknown
    definite word or a country before a city's adjective, and a foreign name before its city are
    one club; a national team, a common noun with a city's adjective and a stadium are not, and
    the same words in political news stay what they were."""
    for name, lines in CLUB_ARTICLES.items():
        write(tmp_path / name, "\n".join(lines))
    assert cli("ingest", str(tmp_path)).exit_code == 0
    rows = cli.json("entities")
    found = {(e["type"], m["article"], m["surface"]) for e in rows for m in e["mentions"]}
    orgs = {(a, s) for t, a, s in found if t == "org"}
    assert {("league.txt", c) for c in ("اتحاد تمارة", "شباب قسنطينة", "أولمبيك آسفي", "الجمعية الوهرانية",
                                         "الفتح الرباطي", "الوئام القنيطري", "المغرب التطواني",
                                         "المولودية الوهرانية")} <= orgs, orgs
    assert {("algeria.txt", c) for c in ("وفاق سطيف", "مولودية الجزائر", "النادي الصفاقسي")} <= orgs, orgs
    assert {("europe.txt", c) for c in ("ريال مدريد", "دينامو كييف", "سبورتينغ لشبونة", "شاختار دونيتسك")} \
        <= orgs, orgs
    # no part of a club comes out as a place or a person beside it
    names = {(t, a, s) for t, a, s in found if t in ("person", "place")}
    assert not {(a, s) for t, a, s in names if a != "politics.txt"} - {("europe.txt", "أوروبا")}
    assert not any(w in s for _, s in orgs for w in ("المنتخب", "الفريق", "الملعب", "البلدي")), orgs
    assert {(t, s) for t, a, s in names | {("org", a, s) for a, s in orgs} if a == "politics.txt"} \
        == {("place", "طنجة"), ("place", "فاس")}
