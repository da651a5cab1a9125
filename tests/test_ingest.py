"""`newsdiff ingest` and `newsdiff articles`: encodings, refusals, the store, the gold meta."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml

from conftest import ARTICLE, GOLD, write
from newsdiff.store import Store


def stored_text(db: str, file: str) -> str:
    with Store.open(db, create=False) as store:
        return next(a.text for a in store.articles() if a.file == file)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom",
                                      "cp1256", "iso8859-6"])
def test_encodings_round_trip(cli, tmp_path, encoding):
    text = ARTICLE
    if encoding.endswith("-bom"):
        codec = encoding[:-4]
        bom = b"\xff\xfe" if codec == "utf-16-le" else b"\xfe\xff"
        path = tmp_path / "in" / "a.txt"
        path.parent.mkdir()
        path.write_bytes(bom + text.encode(codec))
    else:
        path = write(tmp_path / "in" / "a.txt", text, encoding)
    result = cli("ingest", str(path))
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output
    [row] = cli.json("articles")
    assert row["title"] == "وزير الخارجية يبحث مع نظيره الفرنسي الأزمة في السودان"
    assert row["published"] == "2024-03-12"
    assert stored_text(cli.db, "a.txt") == text


@pytest.mark.parametrize("line, published", [
    ("نشر في: منذ 3 ساعات", None),  # relative to a scrape we do not know: no date, not today's
    ("عدد القراءات 1520", None),  # a number, no year
    ("نشر في: 9 ديسمبر 2025 - 10:20 م", "2025-12-09T22:20"),
    ("السبت ٦/١٢/٢٥", "2025-12-06"),
])
def test_a_dateline_is_a_date_with_a_year(cli, tmp_path, line, published):
    """A page's dateline gives its publication date only if it names one with a year;
    what it says is never read against the clock."""
    write(tmp_path / "a.txt", ARTICLE.replace("نشر في: 12 مارس 2024", line))
    assert cli("ingest", str(tmp_path / "a.txt")).exit_code == 0
    [row] = cli.json("articles")
    assert row["published"] == published


def test_crlf_and_nbsp_survive(cli, tmp_path):
    text = ARTICLE.replace("\n", "\r\n").replace("مع نظيره", "مع\u00a0نظيره")
    write(tmp_path / "a.txt", text)
    assert cli("ingest", str(tmp_path / "a.txt")).exit_code == 0
    assert stored_text(cli.db, "a.txt") == text
    [row] = cli.json("articles")
    assert row["title"] == "وزير الخارجية يبحث مع\u00a0نظيره الفرنسي الأزمة في السودان"


REFUSALS = {
    "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "not a text file (a PNG image)"),
    "doc.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n" + bytes(range(256)) * 4,
                "not a text file (a PDF document)"),
    "random.bin": (bytes((i * 7919 + 13) % 256 for i in range(4096)), "not a text file"),
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t\n   \r\n", "file holds only whitespace"),
    "english.txt": (b"Talks in Miami ended on Saturday with a framework agreement.\n" * 5,
                    "not Arabic text (no Arabic letters)"),
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_refused_files_get_one_line_reason(cli, tmp_path, name):
    data, reason = REFUSALS[name]
    (tmp_path / name).write_bytes(data)
    result = cli("ingest", str(tmp_path / name))
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.startswith("refused")]
    assert len(lines) == 1 and lines[0].startswith(f"refused {name}: {reason}")
    assert "Traceback" not in result.output


def test_unreadable_file_is_refused(cli, tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", ARTICLE)
    real = Path.read_bytes

    def deny(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = cli("ingest", str(path))
    assert result.exit_code == 1
    assert "refused locked.txt: cannot read the file: permission denied" in result.output


def test_folder_with_good_and_bad_files_stores_the_good(cli, tmp_path):
    write(tmp_path / "in" / "good.txt", ARTICLE)
    write(tmp_path / "in" / "sub" / "also.txt", ARTICLE.replace("السودان", "ليبيا"))
    (tmp_path / "in" / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = cli("ingest", str(tmp_path / "in"))
    assert result.exit_code == 1
    assert "read 3 files: 2 new, 0 unchanged, 0 replaced, 1 refused" in result.output
    assert sorted(r["file"] for r in cli.json("articles")) == ["also.txt", "good.txt"]


def test_missing_path_and_usage_errors(cli, tmp_path):
    result = cli("ingest", str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert f"refused {tmp_path / 'nope'}: no such file or folder" in result.output
    assert cli("ingest", db=False).exit_code == 2
    result = cli("ingest", str(tmp_path), "--jobs", "0")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_reingest_is_noop_and_change_replaces(cli, tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    assert "1 new" in cli("ingest", str(path)).output
    before = cli.json("articles")
    result = cli("ingest", str(path))
    assert result.exit_code == 0 and "0 new, 1 unchanged, 0 replaced" in result.output
    assert cli.json("articles") == before
    write(path, ARTICLE.replace("8 ملايين", "9 ملايين"))
    result = cli("ingest", str(path))
    assert "0 new, 0 unchanged, 1 replaced" in result.output
    assert "9 ملايين" in stored_text(cli.db, "a.txt")
    assert len(cli.json("articles")) == 1


def test_more_articles_than_one_write_batch(cli, tmp_path):
    from newsdiff.ingest import BATCH

    n = BATCH + 8
    for i in range(n):
        write(tmp_path / f"a{i:02d}.txt", ARTICLE.replace("8 ملايين", f"{i + 10} ملايين"))
    write(tmp_path / "copy.txt", ARTICLE.replace("8 ملايين", "10 ملايين"))  # a00's content again
    result = cli("ingest", str(tmp_path))
    assert result.exit_code == 0 and f"{n} new, 1 unchanged, 0 replaced" in result.output
    assert len(cli.json("articles")) == n
    for i in (0, BATCH - 1, BATCH, n - 1):
        assert f"{i + 10} ملايين" in stored_text(cli.db, f"a{i:02d}.txt")
    write(tmp_path / f"a{n - 1:02d}.txt", ARTICLE.replace("8 ملايين", "99 ملايين"))
    result = cli("ingest", str(tmp_path))
    assert f"0 new, {n} unchanged, 1 replaced" in result.output
    assert "99 ملايين" in stored_text(cli.db, f"a{n - 1:02d}.txt")


def test_stale_analyser_version_is_redone(cli, tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    cli("ingest", str(path))
    con = sqlite3.connect(cli.db)
    con.execute("UPDATE articles SET analyser = 'old'")
    con.commit()
    con.close()
    assert "1 replaced" in cli("ingest", str(path)).output


def test_a_change_to_the_analysis_code_redoes_stored_articles(cli, tmp_path):
    """The stored analyser names the analysis's code too: a newer tagger redoes an article
    stored by an older one; a change to compare's code does not."""
    import os
    import shutil
    import subprocess
    import sys

    import newsdiff

    path = write(tmp_path / "a.txt", ARTICLE)
    cli("ingest", str(path))
    package = Path(newsdiff.__file__).parent
    copy = tmp_path / "copy"
    shutil.copytree(package, copy / "src" / "newsdiff", ignore=shutil.ignore_patterns("__pycache__"))
    if not (package / "seeds").is_dir():  # an editable install reads the repository's seeds
        shutil.copytree(package.parents[1] / "seeds", copy / "seeds")
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}

    def ingest_with_copy() -> str:
        return subprocess.run([sys.executable, "-m", "newsdiff.cli", "ingest", str(path), "--db", cli.db],
                              capture_output=True, text=True, env=env, check=True).stdout

    with open(copy / "src" / "newsdiff" / "compare" / "claims.py", "a", encoding="utf-8") as fh:
        fh.write("# a change to compare\n")
    assert "1 unchanged" in ingest_with_copy()
    with open(copy / "src" / "newsdiff" / "tagging" / "rules.py", "a", encoding="utf-8") as fh:
        fh.write("# a change to the tagger\n")
    assert "1 replaced" in ingest_with_copy()
    assert "1 unchanged" in ingest_with_copy()


@pytest.mark.parametrize("content,message", [
    (b"this is not a database at all" * 10, "is not a newsdiff store (not an SQLite file)"),
    (b"SQLite format 3\x00" + b"\x13" * 200, "the store is corrupt or unreadable"),
])
def test_bad_store_is_refused_and_untouched(cli, tmp_path, content, message):
    Path(cli.db).write_bytes(content)
    path = write(tmp_path / "a.txt", ARTICLE)
    for args in (("ingest", str(path)), ("articles",)):
        result = cli(*args)
        assert result.exit_code == 1
        assert message in result.output and "Traceback" not in result.output
    assert Path(cli.db).read_bytes() == content


def test_foreign_sqlite_and_newer_schema_are_refused(cli, tmp_path):
    con = sqlite3.connect(cli.db)
    con.execute("CREATE TABLE people (name TEXT)")
    con.commit()
    con.close()
    before = Path(cli.db).read_bytes()
    result = cli("ingest", str(write(tmp_path / "a.txt", ARTICLE)))
    assert result.exit_code == 1 and "not a newsdiff store" in result.output
    assert Path(cli.db).read_bytes() == before

    other = tmp_path / "new.db"
    cli.db = str(other)
    cli("ingest", str(tmp_path / "a.txt"))
    con = sqlite3.connect(other)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    result = cli("articles")
    assert result.exit_code == 1 and "written by a newer newsdiff (schema 99" in result.output


def test_store_with_the_older_type_index_is_read_and_written_alike(cli, tmp_path):
    """Stores made before the index on mentions(type) was dropped keep it and work as before."""
    write(tmp_path / "in" / "a.txt", ARTICLE)
    older, newer = str(tmp_path / "older.db"), str(tmp_path / "newer.db")
    cli.db = older
    cli("ingest", str(tmp_path / "in" / "a.txt"))
    con = sqlite3.connect(older)
    con.execute("CREATE INDEX mentions_type ON mentions(type)")
    con.commit()
    con.close()
    write(tmp_path / "in" / "b.txt", ARTICLE.replace("8 ملايين", "9 ملايين"))
    write(tmp_path / "in" / "a.txt", ARTICLE.replace("8 ملايين", "7 ملايين"))
    outputs = []
    for db in (older, newer):
        cli.db = db
        result = cli("ingest", str(tmp_path / "in"))
        assert result.exit_code == 0, result.output
        outputs.append((cli.json("entities"), cli("topics").output, stored_text(db, "a.txt")))
    assert outputs[0] == outputs[1] and "7 ملايين" in outputs[0][2]
    assert "8 ملايين" not in json.dumps(outputs[0][0], ensure_ascii=False)


def test_store_from_environment_variable(cli, tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("NEWSDIFF_DB", str(db))
    assert cli("ingest", str(write(tmp_path / "a.txt", ARTICLE)), db=False).exit_code == 0
    assert db.exists()
    assert len(json.loads(cli("articles", "--json", db=False).stdout)) == 1


def test_articles_on_missing_store_says_ingest_first(cli):
    result = cli("articles")
    assert result.exit_code == 1 and "run `newsdiff ingest` first" in result.output


def test_seed_articles_match_gold_meta(seed_store, cli):
    cli.db = seed_store
    rows = {r["file"]: r for r in cli.json("articles")}
    assert len(rows) == 5
    for gold_file in sorted(GOLD.glob("*.gold.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        row = rows[gold["article"]]
        for field in ("title", "author", "outlet", "source", "published"):
            assert row[field] == gold["meta"][field], (gold["article"], field)


def test_page_furniture_is_excluded_with_reasons(seed_store, cli):
    cli.db = seed_store
    rows = {r["file"]: r for r in cli.json("articles")}
    reasons = {r["file"]: {b["reason"] for b in r["excluded"]} for r in rows.values()}
    assert {"read-also tail", "tag list", "source line", "advertisement label"} <= reasons["001_0da248c5b9f8cbd6.txt"]
    assert {"site banner", "share widget", "byline"} <= reasons["002_96d28453f08fb952.txt"]
    assert {"loading widget", "repeated title"} <= reasons["003_9f777eadf6025f7f.txt"]
    assert {"reading time", "comment counter", "dateline"} <= reasons["004_75380c434b70547a.txt"]


def test_glued_heading_and_read_also_marker(cli, tmp_path):
    text = ("عنوان الخبر عن اجتماع الحكومة اليوم\n"
            "اجتمع مجلس الوزراء اليوم في العاصمة لبحث الموازنة العامة للدولة والخطط المقبلة.\n"
            "نتائج مهمةوقال المتحدث باسم الحكومة إن الاجتماع ناقش ملفات عدة تهم المواطنين.\n"
            "اقرأ أيضاًالرئيس يستقبل وفدا اقتصاديا\n"
            "خبر آخر لا علاقة له بهذا المقال على الإطلاق.\n")
    write(tmp_path / "a.txt", text)
    assert cli("ingest", str(tmp_path / "a.txt")).exit_code == 0
    with Store.open(cli.db, create=False) as store:
        [article] = store.articles()
    texts = [s.text for s in article.sentences]
    assert "نتائج مهمة" in texts
    assert any(t.startswith("وقال المتحدث") for t in texts)
    assert not any("خبر آخر" in t or "يستقبل" in t for t in texts)
    tail = [b for b in article.excluded if b.reason == "read-also tail"]
    assert tail and tail[0].text.startswith("اقرأ أيضاًالرئيس")
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text


def test_json_and_jsonl_records(cli, tmp_path):
    body = ARTICLE.split("\n", 4)[4]
    newsplease = {"title": "عنوان من السجل", "maintext": body, "date_publish": "2024-03-12 09:30:00",
                  "source_domain": "example-news.com", "url": "https://example-news.com/a",
                  "authors": ["سارة أحمد"]}
    plain = {"title": "عنوان ثان", "content": body, "date": "2024-03-13", "outlet": "صحيفة المثال",
             "author": "علي حسن"}
    (tmp_path / "a.jsonl").write_text(
        json.dumps(newsplease, ensure_ascii=False) + "\n\n" + json.dumps({"title": "بلا نص"}) + "\n"
        + json.dumps(plain, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([plain], ensure_ascii=False), encoding="utf-8")
    result = cli("ingest", str(tmp_path / "a.jsonl"), str(tmp_path / "b.json"))
    assert result.exit_code == 1
    assert "refused a.jsonl#3: record has no article text" in result.output
    rows = {r["file"]: r for r in cli.json("articles")}
    # b.json#1 is the same record as a.jsonl#4: stored once
    assert set(rows) == {"a.jsonl#1", "a.jsonl#4"}
    assert "read 2 files: 2 new, 1 unchanged, 0 replaced, 1 refused" in result.output
    first = rows["a.jsonl#1"]
    assert (first["title"], first["author"], first["outlet"], first["published"]) == (
        "عنوان من السجل", "سارة أحمد", "example-news.com", "2024-03-12T09:30")
    assert rows["a.jsonl#4"]["outlet"] == "صحيفة المثال"


def _copies(corpus: Path, folder: Path, n: int) -> Path:
    """`n` copies of each seed article, each with a paragraph of its own (no two alike)."""
    folder.mkdir()
    for f in sorted(corpus.iterdir()):
        for k in range(n):
            text = f.read_text(encoding="utf-8")
            (folder / f"{k}-{f.name}").write_text(text + f"\nوقال مصدر إن الاجتماع رقم {k + 1} انتهى.\n",
                                                 encoding="utf-8")
    return folder


def test_jobs_2_stores_the_same_as_jobs_1(tmp_path, corpus):
    from click.testing import CliRunner

    from newsdiff.cli import main
    from newsdiff.compare.groundwork import groundwork_version
    from newsdiff.ingest import GROUP

    folder = _copies(corpus, tmp_path / "many", 4)  # 20 files: groups of files go to both workers
    assert len(list(folder.iterdir())) > 2 * GROUP
    dumps = []
    for jobs in ("1", "2"):
        db = str(tmp_path / f"j{jobs}.db")
        result = CliRunner().invoke(main, ["ingest", str(folder), "--jobs", jobs, "--db", db])
        assert result.exit_code == 0, result.output
        with Store.open(db, create=False) as store:
            dumps.append(([a.to_dict() for a in store.articles()],
                          {f: [m.to_dict() for m in ms] for f, ms in store.mentions().items()},
                          store.groundwork(groundwork_version())))
    assert dumps[0] == dumps[1]
    assert sum(len(ms) for ms in dumps[0][1].values()) > 50
    assert len(dumps[0][2]) == len(dumps[0][0])


def test_a_file_the_analysis_fails_on_costs_only_that_file(cli, tmp_path, corpus, monkeypatch):
    """Files are analysed in groups; a bug on one file refuses that file, with the reason,
    and the rest of its group is stored."""
    import newsdiff.ingest as ingest_module

    folder = _copies(corpus, tmp_path / "many", 2)
    real = ingest_module.analyze_many

    def failing(articles, tagger="builtin"):
        if any("الاجتماع رقم 2" in a.text and a.file.startswith("1-000") for a in articles):
            raise ValueError("a bug")
        return real(articles, tagger)

    monkeypatch.setattr(ingest_module, "analyze_many", failing)
    result = cli("ingest", str(folder))
    assert result.exit_code == 1
    [bad] = [f.name for f in folder.iterdir() if f.name.startswith("1-000")]
    assert f"refused {bad}: could not be analysed (ValueError: a bug); please report this file" in result.output
    assert "9 new" in result.output
    assert len(cli.json("articles")) == 9


def test_help_does_not_import_heavy_modules():
    import subprocess
    import sys

    code = ("import sys; from newsdiff.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('torch', 'transformers', 'camel_tools.ner', 'dateparser') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")


def test_agency_byline_is_the_source(cli, tmp_path):
    write(tmp_path / "a.txt", "الأمم المتحدة تحذر من الجوع في السودان\n"
                              "الخرطوم - وكالات\n"
                              "حذر الأمين العام للأمم المتحدة اليوم من أن ملايين الأشخاص في السودان يواجهون الجوع الحاد.\n")
    write(tmp_path / "b.txt", "زلزال يضرب جنوب تركيا\n(أ ف ب)\n"
                              "ضرب زلزال بقوة ست درجات جنوب تركيا صباح اليوم دون أنباء فورية عن إصابات أو أضرار.\n")
    assert cli("ingest", str(tmp_path)).exit_code == 0
    rows = {r["file"]: r for r in cli.json("articles")}
    assert rows["a.txt"]["source"] == "وكالات" and rows["b.txt"]["source"] == "أ ف ب"
    assert all(r["sentences"] == 2 for r in rows.values())
