"""`newsdiff entities` and `newsdiff eval` through the CLI, on the seeds and on articles written here."""
from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile

import pytest

from conftest import REPO, write


def names(rows, etype):
    return {e["name"]: e for e in rows if e["type"] == etype}


def test_seed_people_merge_across_articles(seed_store, cli):
    cli.db = seed_store
    rows = cli.json("entities")
    people = names(rows, "person")
    umerov = [e for e in people.values() if any("عمروف" in s for s in e["surfaces"])]
    assert len(umerov) == 1
    assert {"أوميروف", "عمروف", "عميروف"} <= {s.split()[-1] for s in umerov[0]["surfaces"]}
    assert len(umerov[0]["articles"]) == 4
    for full, articles in (("دونالد ترامب", 3), ("فلاديمير بوتين", 5), ("ستيف ويتكوف", 5), ("جاريد كوشنر", 5)):
        assert full in people, full
        assert len(people[full]["articles"]) == articles
        assert sum(full.split()[-1] in s for e in people.values() for s in e["surfaces"]) == \
            len(people[full]["surfaces"])  # no second entity carries the surname


def test_json_mentions_point_at_the_stored_text(seed_store, cli):
    from newsdiff.store import Store

    cli.db = seed_store
    rows = cli.json("entities")
    with Store.open(seed_store, create=False) as store:
        texts = {a.file: a.text for a in store.articles()}
    for e in rows:
        assert set(e) >= {"type", "name", "surfaces", "roles", "articles", "mentions"}
        for m in e["mentions"]:
            assert set(m) >= {"article", "sentence", "start", "end", "surface", "value", "unit", "kind", "qualifier"}
            assert texts[m["article"]][m["start"]:m["end"]] == m["surface"]


def test_filters_and_csv(seed_store, cli):
    cli.db = seed_store
    places = cli.json("entities", "--type", "place")
    assert places and all(e["type"] == "place" for e in places)
    one = cli.json("entities", "--article", "004_75380c434b70547a.txt")
    assert all(e["articles"] == ["004_75380c434b70547a.txt"] for e in one)
    assert "ماركو روبيو" in names(one, "person")
    assert "ماركو روبيو" not in names(cli.json("entities", "--article", "000_cbb08ba620ede361.txt"), "person")
    result = cli("entities", "--csv", "--type", "person")
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert table and set(table[0]) >= {"type", "entity", "surface", "article", "sentence", "start", "end"}
    bad = cli("entities", "--article", "missing.txt")
    assert bad.exit_code == 2 and "no stored article named 'missing.txt'" in bad.output


def test_terminal_tables_per_type(seed_store, cli):
    cli.db = seed_store
    out = cli("entities").stdout
    for title in ("Persons", "Places", "Organisations", "Dates", "Figures"):
        assert title in out


STORY = ("وزير الخارجية يلتقي نظيره\n\n"
         "التقى وزير الخارجية الإيطالي أنطونيو تاياني نظيره الأردني أيمن الصفدي في عمّان.\n"
         "وقال تاياني إن بلاده تدعم جهود السلام، فيما أكد الصفدي، نائب رئيس الوزراء، أهمية التنسيق.\n"
         "وأعلنت وزارة الزراعة الأردنية عن خطة جديدة، وأشار وبتاياني إلى الجيش الإيطالي.\n")


def test_unseen_names_titles_clitics_apposition(cli, tmp_path):
    write(tmp_path / "s.txt", STORY)
    assert cli("ingest", str(tmp_path / "s.txt")).exit_code == 0
    rows = cli.json("entities")
    people = names(rows, "person")
    assert "أنطونيو تاياني" in people and "أيمن الصفدي" in people
    assert "وزير الخارجية الإيطالي" in {r["role"] for r in people["أنطونيو تاياني"]["roles"]}
    assert "نائب رئيس الوزراء" in {r["role"] for r in people["أيمن الصفدي"]["roles"]}
    surfaces = {s for e in rows for s in e["surfaces"]}
    assert "وبتاياني" not in surfaces and "الإيطالي" not in surfaces and "الأردني" not in surfaces
    orgs = {s for e in rows if e["type"] == "org" for s in e["surfaces"]}
    assert any("وزارة الزراعة" in s for s in orgs)
    assert "الجيش الإيطالي" in orgs


def test_same_surname_different_people_stay_apart(cli, tmp_path):
    write(tmp_path / "a.txt", "لقاء في واشنطن\n\nقال الرئيس الأمريكي جو بايدن إن الاقتصاد يتحسن.\n")
    write(tmp_path / "b.txt", "قضية في المحكمة\n\nمثل هانتر بايدن، نجل الرئيس، أمام المحكمة في ديلاوير.\n")
    assert cli("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")).exit_code == 0
    people = names(cli.json("entities", "--type", "person"), "person")
    assert "جو بايدن" in people and "هانتر بايدن" in people


def test_aliases_merge_and_separate(cli, tmp_path):
    write(tmp_path / "a.txt", "زيارة رسمية\n\nوصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت اليوم.\n")
    write(tmp_path / "b.txt", "زيارة رسمية\n\nقال الرئيس الفرنسي مانويل ماكرون إن فرنسا تقف مع لبنان.\n")
    assert cli("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")).exit_code == 0
    write(tmp_path / "merge.yaml", "merge:\n  - [إيمانويل ماكرون, مانويل ماكرون]\n")
    merged = names(cli.json("entities", "--type", "person", "--aliases", str(tmp_path / "merge.yaml")), "person")
    assert len([e for e in merged.values() if "ماكرون" in e["name"]]) == 1
    write(tmp_path / "apart.yaml", "separate:\n  - [إيمانويل ماكرون, مانويل ماكرون]\n")
    apart = names(cli.json("entities", "--type", "person", "--aliases", str(tmp_path / "apart.yaml")), "person")
    assert len([e for e in apart.values() if "ماكرون" in e["name"]]) == 2


@pytest.mark.parametrize("content,where", [
    ("merge:\n  - [a, b\n", r"bad\.yaml:\d+: invalid YAML"),
    ("merge: 5\n", r"bad\.yaml:1: 'merge' must be a list"),
    ("merge:\n  - !!python/object/apply:os.system [echo hi]\n", r"bad\.yaml:2: invalid YAML"),
])
def test_malformed_aliases_name_file_and_line(seed_store, cli, tmp_path, content, where):
    cli.db = seed_store
    write(tmp_path / "bad.yaml", content)
    result = cli("entities", "--aliases", str(tmp_path / "bad.yaml"))
    assert result.exit_code == 2
    assert re.search(where, result.output), result.output
    assert result.output.count("\n") == 1


def test_eval_on_gold_folder_and_tiny_gold(seed_store, cli, tmp_path):
    from conftest import GOLD

    cli.db = seed_store
    result = cli.json("eval", str(GOLD))
    assert result["kind"] == "gold" and len(result["articles"]) == 5
    for t in ("person", "place", "org", "date", "figure", "overall"):
        assert 0.0 <= result["scores"][t]["f1"] <= 1.0
    assert result["scores"]["person"]["f1"] >= 0.9
    write(tmp_path / "g" / "x.gold.yaml",
          "article: 003_9f777eadf6025f7f.txt\npersons:\n  - name: Witkoff\n    surface: [ستيف ويتكوف, ويتكوف]\n"
          "  - name: Nobody\n    surface: [شخص غير موجود]\n")
    tiny = cli.json("eval", str(tmp_path / "g"))
    assert (tiny["scores"]["person"]["tp"], tiny["scores"]["person"]["fn"]) == (2, 1)
    table = cli("eval", str(tmp_path / "g")).stdout
    assert "person" in table and "overall" in table


def test_eval_on_conll_file(cli, tmp_path):
    conll = tmp_path / "tiny.conll"
    conll.write_text("قال\tO\nالرئيس\tO\nفلاديمير\tB-PERS\nبوتين\tI-PERS\nفي\tO\nموسكو\tB-LOC\n.\tO\n\n"
                     "زار\tO\nوزير\tO\nالخارجية\tO\nباريس\tB-LOC\n.\tO\n", encoding="utf-8")
    result = cli.json("eval", str(conll))
    assert result["kind"] == "conll" and result["sentences"] == 2 and result["tokens"] == 12
    assert result["scores"]["micro"]["f1"] == 1.0 and result["errors"] == []
    assert cli("eval", str(tmp_path / "none")).exit_code == 2


def test_eval_lists_the_errors(cli, tmp_path):
    """--errors names each error's kind, sentence, spans and context; the JSON holds them too.
    The gold here tags an ordinary word, leaves a capital out and cuts a name short."""
    conll = tmp_path / "errors.conll"
    conll.write_text("قال\tO\nالرئيس\tB-PERS\nفلاديمير\tI-PERS\nبوتين\tI-PERS\nفي\tO\nموسكو\tO\n.\tO\n\n"
                     "زار\tO\nالوفد\tB-ORG\nباريس\tB-LOC\n.\tO\n", encoding="utf-8")
    result = cli.json("eval", str(conll))
    got = {(e["kind"], e["sentence"], (e["gold"] or {}).get("text"), (e["predicted"] or {}).get("text"))
           for e in result["errors"]}
    assert got == {("boundary", 0, "الرئيس فلاديمير بوتين", "فلاديمير بوتين"), ("spurious", 0, None, "موسكو"),
                   ("missed", 1, "الوفد", None)}
    assert next(e for e in result["errors"] if e["kind"] == "missed")["context"] == "زار [ الوفد ] باريس ."
    listed = cli("eval", str(conll), "--errors").stdout
    assert "3 errors" in listed and "boundary" in listed and "sentence 1" in listed
    assert "الوفد" in listed and "sentence 1" not in cli("eval", str(conll)).stdout


def test_eval_on_conll_tags_a_surname_repeated_in_the_sentence(cli, tmp_path):
    """CoNLL sentences get the article's name propagation: the surname alone after the full
    name is the same person."""
    words = ("قال وزير الخارجية النرويجي كارستن فولدال إن بلاده ستدعم الاتفاق ، "
             "وأضاف فولدال أن المحادثات مستمرة .").split()
    tags = ["O"] * len(words)
    tags[4:6] = ["B-PERS", "I-PERS"]
    tags[words.index("فولدال", 6)] = "B-PERS"
    conll = tmp_path / "surname.conll"
    conll.write_text("".join(f"{w}\t{t}\n" for w, t in zip(words, tags)), encoding="utf-8")
    person = cli.json("eval", str(conll))["scores"]["PERS"]
    assert (person["gold"], person["pred"], person["tp"]) == (2, 2, 2)


def test_shipped_model_tags_from_an_installed_wheel(tmp_path):
    """The wheel carries the model and seeds: tag with it, away from the source tree."""
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "w"),
                            str(REPO)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = (tmp_path / "w").glob("newsdiff-*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    assert (site / "newsdiff" / "data" / "ner.crfsuite").is_file()
    assert (site / "newsdiff" / "data" / "ner.tags.tsv").is_file()  # the model's tag dictionary
    assert (site / "newsdiff" / "seeds" / "gazetteers").is_dir()
    code = ("import newsdiff, newsdiff.resources as r\n"
            "from newsdiff.model import Article, Sentence\n"
            "from newsdiff.tagging.builtin import BuiltinTagger\n"
            "t = 'قال الرئيس الروسي فلاديمير بوتين في موسكو إن المحادثات مستمرة.'\n"
            "a = Article('a', 'a', t, 'utf-8', '', sentences=[Sentence(0, 0, len(t), t)])\n"
            "print(newsdiff.__file__); print(r.seeds_dir())\n"
            "print(sorted((m.type, m.surface) for m in BuiltinTagger().tag(a)))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    module, seeds, tags = out.stdout.strip().splitlines()
    assert module.startswith(str(site)) and seeds.startswith(str(site))
    assert "('person', 'فلاديمير بوتين')" in tags and "('place', 'موسكو')" in tags


def test_mentions_come_back_in_text_order_whatever_order_they_were_stored(tmp_path):
    """`Store.put` (library use) may be given mentions in any order; readers get text order."""
    from newsdiff.model import Article, Mention, Sentence
    from newsdiff.store import Store

    text = "قال بوتين إن روسيا مستعدة."
    article = Article(file="a.txt", path="a.txt", text=text, encoding="utf-8", sha256="0" * 64,
                      sentences=[Sentence(0, 0, len(text), text)])
    place = Mention("place", 13, 18, text[13:18], 0, "روسيا")
    person = Mention("person", 4, 9, text[4:9], 0, "بوتين")
    with Store.open(str(tmp_path / "s.db")) as store:
        store.put("/x/a.txt", article, [place, person], "test")
        got = store.mentions()["a.txt"]
    assert [(m.type, m.surface) for m in got] == [("person", "بوتين"), ("place", "روسيا")]
