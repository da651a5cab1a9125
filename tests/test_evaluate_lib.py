"""Library tests of scoring against gold annotations and CoNLL files."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.errors import UserError
from newsdiff.evaluate import load_gold, score_conll, score_gold
from newsdiff.model import Mention

GOLD = Path(__file__).parent / "data" / "gold"  # a copy of ../shared/gold, kept with the tests

TINY_GOLD = {
    "a.txt": {
        "article": "a.txt",
        "persons": [{"name": "Vladimir Putin", "surface": ["فلاديمير بوتين", "بوتين"]},
                    {"name": "Steve Witkoff", "surface": ["ويتكوف"]}],
        "places": [{"name": "Moscow", "surface": ["موسكو"]}],
        "orgs": [],
        "dates": [{"surface": "مساء الجمعة", "value": "2025-12-05"},
                  {"surface": "الخميس", "value": None}],
        "figures": [{"surface": "خمس ساعات", "value": 5, "unit": "hours"},
                    {"surface": "5 ساعات", "value": 5, "unit": "hours"},
                    {"surface": "137 مسيّرة", "value": 137, "unit": "drones"}],
    },
    "b.txt": {"article": "b.txt", "persons": [{"name": "Donald Trump", "surface": ["ترامب"]}]},
}


def m(etype: str, surface: str, **kw) -> Mention:
    return Mention(etype, 0, len(surface), surface, 0, **kw)


def test_score_gold_counts():
    predicted = {"a.txt": [
        m("person", "بوتين"), m("person", "بوتين"), m("person", " فلاديمير بوتين "),
        m("person", "وبوتين"),                               # fp
        m("place", "موسكو"), m("place", "كييف"),             # tp, fp
        m("org", "الكرملين"),                                 # fp
        m("date", "مساء الجمعة", value="2025-12-05"),         # tp
        m("date", "الخميس", value="2025-12-04"),              # fp and fn: value differs
        m("figure", "خمس ساعات", value=5.0, unit="hours"),    # tp
        m("figure", "ساعات خمس", value="5", unit="Hours"),    # tp (multiset: 2 gold)
        m("figure", "5 ساعات", value=5, unit="hours"),        # fp (a third one)
        m("figure", "80 منها", value=80, unit="drones"),      # fp; 137 drones is fn
    ], "c.txt": []}
    report = score_gold(TINY_GOLD, predicted)
    s = {t: (v.tp, v.fp, v.fn) for t, v in report.scores.items()}
    assert s["person"] == (2, 1, 1)
    assert s["place"] == (1, 1, 0)
    assert s["org"] == (0, 1, 0)
    assert s["date"] == (1, 1, 1)
    assert s["figure"] == (2, 2, 1)
    assert s["overall"] == (6, 6, 3)
    assert report.articles == ["a.txt"]
    assert report.missing == ["b.txt"]
    assert report.scores["person"].precision == pytest.approx(2 / 3)
    assert report.scores["overall"].f1 == pytest.approx(2 * 0.5 * (6 / 9) / (0.5 + 6 / 9))
    fp, fn = report.false_positives["a.txt"], report.false_negatives["a.txt"]
    assert fp["person"] == [{"surface": "وبوتين"}]
    assert fn["person"] == [{"surface": "ويتكوف"}]
    assert fp["date"] == [{"surface": "الخميس", "value": "2025-12-04"}]
    assert fn["date"] == [{"surface": "الخميس", "value": None}]
    assert sorted(f["value"] for f in fp["figure"]) == [5, 80]
    assert fn["figure"] == [{"surface": "137 مسيّرة", "value": 137, "unit": "drones"}]
    d = report.to_dict()
    assert d["scores"]["overall"] == {"tp": 6, "fp": 6, "fn": 3, "precision": 0.5,
                                      "recall": 0.6667, "f1": 0.5714}
    assert d["missing"] == ["b.txt"]


def test_score_gold_on_the_gold_itself_is_perfect():
    gold = load_gold(GOLD)
    assert len(gold) == 5 and all(name.endswith(".txt") for name in gold)
    predicted = {}
    for article, g in gold.items():
        predicted[article] = [m(t, s) for t, section in (("person", "persons"),
                                                          ("place", "places"), ("org", "orgs"))
                              for e in g[section] for s in e["surface"]]
        predicted[article] += [m("date", d["surface"], value=d["value"]) for d in g["dates"]]
        predicted[article] += [m("figure", f["surface"], value=f["value"], unit=f["unit"])
                               for f in g["figures"]]
    report = score_gold(gold, predicted)
    assert report.scores["overall"].fn == report.scores["overall"].fp == 0
    assert report.scores["overall"].f1 == 1.0


def test_load_gold_errors(tmp_path):
    with pytest.raises(UserError, match="not a folder"):
        load_gold(tmp_path / "nope")
    (tmp_path / "x.gold.yaml").write_text("article: x.txt\npersons: [\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"x\.gold\.yaml:3: invalid YAML"):
        load_gold(tmp_path)
    (tmp_path / "x.gold.yaml").write_text("- 1\n", encoding="utf-8")
    with pytest.raises(UserError, match="expected a mapping"):
        load_gold(tmp_path)


class FakeTagger:
    """Tags every token found in a fixed lexicon, B- only, the rest O."""

    def __init__(self, lexicon: dict[str, str]):
        self.lexicon = lexicon
        self.calls = 0

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        self.calls += 1
        return [f"B-{self.lexicon[t]}" if t in self.lexicon else "O" for t in tokens]


def test_score_conll_with_a_fake_tagger(tmp_path):
    path = tmp_path / "tiny.conll"
    path.write_text(
        "زار\tO\nبوتين\tB-PERS\nموسكو\tB-LOC\n\n"
        "قال\tO\nالبيت\tB-ORG\nالأبيض\tI-ORG\nإن\tO\nالمونديال\tB-MISC\n\n",
        encoding="utf-8")
    tagger = FakeTagger({"بوتين": "PERS", "موسكو": "ORG", "البيت": "ORG", "المونديال": "MISC"})
    result = score_conll(path, tagger)
    assert tagger.calls == 2
    assert (result["sentences"], result["tokens"]) == (2, 8)
    scores = result["scores"]
    assert (scores["PERS"]["tp"], scores["PERS"]["pred"], scores["PERS"]["gold"]) == (1, 1, 1)
    assert (scores["LOC"]["tp"], scores["LOC"]["gold"]) == (0, 1)
    assert (scores["ORG"]["tp"], scores["ORG"]["pred"]) == (0, 2)  # البيت alone is a wrong span
    assert scores["micro"]["tp"] == 1 and scores["micro"]["gold"] == 3
    assert "MISC" not in scores
    assert result["misc"]["MISC"]["f1"] == 1.0
    kinds = {(e["kind"], e["sentence"], (e["gold"] or {}).get("type"), (e["predicted"] or {}).get("type"))
             for e in result["errors"]}
    assert kinds == {("type", 0, "LOC", "ORG"), ("boundary", 1, "ORG", "ORG")}
