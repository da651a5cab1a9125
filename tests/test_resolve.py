"""Library tests of entity resolution and of user aliases files."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsdiff.aliases import Aliases, load_aliases
from newsdiff.errors import UserError
from newsdiff.model import Mention
from newsdiff.normalize import key
from newsdiff.resolve import resolve, variant

GOLD = Path(__file__).parent / "data" / "gold"  # a copy of ../shared/gold, kept with the tests


def m(surface: str, etype: str = "person", **kw) -> Mention:
    return Mention(etype, 0, len(surface), surface, 0, **kw)


def names(articles: dict[str, list[str]], etype: str = "person", aliases=None) -> list[set[str]]:
    """Resolve plain surfaces per article; each entity as its set of surfaces."""
    mentions = {a: [m(s, etype) for s in surfaces] for a, surfaces in articles.items()}
    return [set(e.surfaces) for e in resolve(mentions, aliases) if e.type == etype]


def entity_of(groups: list[set[str]], surface: str) -> set[str]:
    return next(g for g in groups if surface in g)


# -- automatic decisions -----------------------------------------------------

def test_umerov_triple_merges_across_articles():
    groups = names({"a": ["رستم أوميروف", "أوميروف"], "b": ["رستم عميروف"],
                    "c": ["رستم عمروف", "عمروف"]})
    assert groups == [{"رستم أوميروف", "أوميروف", "رستم عميروف", "رستم عمروف", "عمروف"}]


@pytest.mark.parametrize("a, b", [("عمروف", "عميروف"), ("أوميروف", "عمروف"),
                                  ("فولوديمير", "فلاديمير"), ("غوتيريش", "جوتيريش"),
                                  ("زيلينسكي", "زيلنسكي"), ("نتنياهو", "نتانياهو")])
def test_transliteration_variants(a, b):
    assert variant(key(a), key(b))
    assert names({"x": [a], "y": [b]}) == [{a, b}]


@pytest.mark.parametrize("a, b", [("ترامب", "ترانب"), ("حسن", "حسين"), ("محمد", "محمود"),
                                  ("كمال", "جمال"), ("سوريا", "سويسرا"), ("فرنسيس", "فرنسا"),
                                  ("عمر", "عامر"), ("ماكرون", "مارون"), ("بولندا", "هولندا")])
def test_near_miss_names_stay_apart(a, b):
    assert not variant(key(a), key(b))
    assert len(names({"x": [a], "y": [b]})) == 2


def test_full_name_and_surname_merge():
    groups = names({"a": ["دونالد ترامب", "فلاديمير بوتين"], "b": ["ترامب", "وبوتين"],
                    "c": ["بوتين"]})
    assert entity_of(groups, "ترامب") == {"دونالد ترامب", "ترامب"}
    assert entity_of(groups, "بوتين") == {"فلاديمير بوتين", "بوتين", "وبوتين"}


def test_display_name_is_the_most_complete_spelling():
    mentions = {"a": [m("بوتين"), m("بوتين"), m("وبوتين")], "b": [m("فلاديمير بوتين")]}
    (entity,) = resolve(mentions)
    assert entity.name == "فلاديمير بوتين"
    assert entity.surfaces[0] == "بوتين"
    assert entity.articles == ["a", "b"]


def test_clitic_form_alone_is_not_the_display_name():
    (entity,) = resolve({"a": [m("وبوتين"), m("وبوتين")], "b": [m("بوتين")]})
    assert entity.name == "بوتين"


def test_same_surname_different_given_names_stay_apart():
    groups = names({"a": ["جو بايدن"], "b": ["هانتر بايدن"]})
    assert len(groups) == 2


def test_ambiguous_bare_surname():
    # both full names occur in article "a": its bare surname stays unmerged;
    # in "b" only Joe occurs, so there the surname is Joe; in "c" neither does.
    mentions = {"a": [m("جو بايدن"), m("هانتر بايدن"), m("بايدن")],
                "b": [m("جو بايدن"), m("بايدن")],
                "c": [m("بايدن")]}
    entities = {e.name: e for e in resolve(mentions)}
    assert set(entities) == {"جو بايدن", "هانتر بايدن", "بايدن"}
    assert [a for a, _ in entities["جو بايدن"].mentions] == ["a", "b", "b"]
    assert [a for a, _ in entities["هانتر بايدن"].mentions] == ["a"]
    assert [a for a, _ in entities["بايدن"].mentions] == ["a", "c"]


def test_spellings_in_one_article_are_not_variants():
    assert len(names({"a": ["عمروف", "عميروف"]})) == 2


def test_never_merge_across_types():
    mentions = {"a": [m("الأردن", "place")], "b": [m("الأردن", "org"), m("أردن", "person")]}
    assert [e.type for e in resolve(mentions)] == ["person", "place", "org"]


def test_article_and_proclitic_variants_of_places_and_orgs():
    groups = names({"a": ["الكرملين"], "b": ["للكرملين"], "c": ["والكرملين"]}, "org")
    assert groups == [{"الكرملين", "للكرملين", "والكرملين"}]
    orgs = names({"a": ["حلف الناتو"], "b": ["الناتو"], "c": ["وزارة الخارجية الأميركية"],
                  "d": ["الخارجية الأمريكية"]}, "org")
    assert {"حلف الناتو", "الناتو"} in orgs
    assert {"وزارة الخارجية الأميركية", "الخارجية الأمريكية"} in orgs


def test_middle_name_joins_and_keeps_the_surname_unique():
    groups = names({"a": ["دونالد ترامب"], "b": ["دونالد جون ترامب"], "c": ["ترامب"]})
    assert groups == [{"دونالد ترامب", "دونالد جون ترامب", "ترامب"}]


def test_middle_name_in_the_same_article():
    assert len(names({"a": ["دونالد جون ترامب", "دونالد ترامب", "ترامب"]})) == 1


def test_dates_and_figures():
    mentions = {
        "a": [m("مساء الجمعة", "date", value="2025-12-05"), m("الأربعاء", "date"),
              m("137 مسيّرة", "figure", value=137, unit="drones", kind="count"),
              m("خمس ساعات", "figure", value=5, unit="hours", kind="duration")],
        "b": [m("أمس الجمعة", "date", value="2025-12-05"), m("الاربعاء", "date"),
              m("137 طائرة مسيّرة", "figure", value=137.0, unit="drones", kind="count")],
    }
    by_name = {e.name: e for e in resolve(mentions)}
    assert by_name["2025-12-05"].surfaces == ["مساء الجمعة", "أمس الجمعة"]
    assert by_name["الأربعاء"].articles == ["a", "b"]
    assert by_name["137 drones"].articles == ["a", "b"]
    assert "5 hours (duration)" in by_name
    d = by_name["137 drones"].to_dict()
    assert d["mentions"][0] == {"article": "a", "sentence": 0, "start": 0, "end": 10,
                                "surface": "137 مسيّرة", "value": 137, "unit": "drones",
                                "kind": "count", "qualifier": None, "role": None}


def test_roles_are_distinct_per_article():
    mentions = {"a": [m("فلاديمير بوتين", role="الرئيس الروسي"), m("بوتين", role="الرئيس الروسي")],
                "b": [m("بوتين", role="الرئيس")]}
    (entity,) = resolve(mentions)
    assert entity.roles == [{"article": "a", "role": "الرئيس الروسي"},
                            {"article": "b", "role": "الرئيس"}]


# -- aliases -----------------------------------------------------------------

def test_alias_merge_wins():
    groups = names({"a": ["جو بايدن"], "b": ["هانتر بايدن"], "c": ["حسن"], "d": ["حسين"]},
                   aliases=Aliases(merge=(("جو بايدن", "هانتر بايدن"), ("حسن", "حسين"))))
    assert {"جو بايدن", "هانتر بايدن"} in groups
    assert {"حسن", "حسين"} in groups


def test_alias_separate_wins():
    separate = Aliases(separate=(("رستم أوميروف", "رستم عمروف"), ("دونالد ترامب", "ترامب")))
    groups = names({"a": ["رستم أوميروف"], "b": ["رستم عمروف"], "c": ["دونالد ترامب"],
                    "d": ["ترامب"]}, aliases=separate)
    assert len(groups) == 4


def test_load_aliases(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("merge:\n  - [أوميروف, عمروف, عميروف]\nseparate:\n"
                    "  - [محمد بن سلمان, محمد بن زايد]\n", encoding="utf-8")
    aliases = load_aliases(path)
    assert aliases.merge == (("أوميروف", "عمروف", "عميروف"),)
    assert aliases.separated() == {frozenset((key("محمد بن سلمان"), key("محمد بن زايد")))}
    path.write_text("", encoding="utf-8")
    assert load_aliases(path) == Aliases()


@pytest.mark.parametrize("text, line, words", [
    ("merge:\n  - [a, b\n", 3, "invalid YAML"),
    ("merge:\n  - !!python/object:os.system [a, b]\n", 2, "python/object"),
    ("- [a, b]\n", 1, "mapping"),
    ("merge:\n  - [a, b]\njoin:\n  - [c, d]\n", 3, "unknown key"),
    ("merge: [a, b]\n", 1, "list of surfaces"),
    ("merge:\n  - [a, b]\n  - [c]\n", 3, "two different surfaces"),
    ("separate:\n  - [a, {x: 1}]\n", 2, "non-empty text"),
    ("merge:\n  - [a, b]\nseparate:\n  - [b, a]\n", 2, "both merged and separated"),
])
def test_malformed_aliases_file(tmp_path, text, line, words):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as err:
        load_aliases(path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message


# -- the development set -----------------------------------------------------

def test_gold_people_resolve_to_one_entity_each():
    """Gold surfaces as mentions of all five articles: each gold person is one
    entity, and no entity holds two gold people."""
    mentions, person_of = {}, {}
    for path in sorted(GOLD.glob("*.gold.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        mentions[gold["article"]] = [m(s) for p in gold["persons"] for s in p["surface"]]
        person_of.update({(gold["article"], s): p["name"] for p in gold["persons"]
                          for s in p["surface"]})
    entities = [e for e in resolve(mentions) if e.type == "person"]
    people = [{person_of[(a, x.surface)] for a, x in e.mentions} for e in entities]
    assert all(len(p) == 1 for p in people), people
    names_ = [p.pop() for p in people]
    assert len(names_) == len(set(names_)), names_
    for person in ("Rustem Umerov", "Donald Trump", "Vladimir Putin", "Steve Witkoff",
                   "Jared Kushner"):
        assert person in names_
    umerov = entities[names_.index("Rustem Umerov")]
    assert {"أوميروف", "عمروف", "عميروف"} <= {s.split()[-1] for s in umerov.surfaces}
