"""`newsdiff compare`, `topics` and `show` through the CLI, on the seed corpus and on small stories."""
from __future__ import annotations

import json
import re
import pytest

from conftest import CORPUS, write

from newsdiff.compare.groundwork import _prepare_files as _real_prepare_files

MIAMI_TALKS = "miami-talks"


@pytest.fixture(scope="module")
def comparison(seed_store):
    from click.testing import CliRunner

    from newsdiff.cli import main

    result = CliRunner().invoke(main, ["compare", "--topic", MIAMI_TALKS, "--json", "--db", seed_store])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_has_every_section(comparison):
    assert set(comparison) >= {"coverage", "entities", "roles", "figures", "timeline", "claims", "quotes"}
    assert len(comparison["coverage"]) == 5
    for row in comparison["coverage"]:
        assert row["selected_by"]


def _groups_with(comparison, unit, value):
    return [g for g in comparison["figures"] if g["unit"] == unit and any(v["value"] == value for v in g["values"])]


def test_outlets_agree_on_five_hour_meeting(comparison):
    [group] = _groups_with(comparison, "hours", 5)
    assert group["status"] == "agree"
    assert len(group["articles"]) >= 3
    for v in group["values"]:
        assert set(v) >= {"value", "unit", "qualifier", "article", "sentence", "start", "end", "surface"}


def test_outlets_agree_on_drones(comparison):
    launched = _groups_with(comparison, "drones", 137)
    downed = _groups_with(comparison, "drones", 80)
    assert len(launched) == 1 and len(downed) == 1 and launched != downed
    assert launched[0]["status"] == "agree" and downed[0]["status"] == "agree"
    assert len(launched[0]["articles"]) == 2


def test_two_days_conflicts_with_third_day(comparison):
    groups = [g for g in comparison["figures"] if g["unit"] == "days"
              and {v["value"] for v in g["values"]} >= {2, 3}]
    assert groups and groups[0]["status"] == "conflict"
    kinds = {v["kind"] for v in groups[0]["values"]}
    assert {"duration", "ordinal"} <= kinds


def test_umerov_three_spellings_two_roles(comparison):
    [umerov] = [e for e in comparison["entities"] if "عمروف" in e["surfaces"] or "عميروف" in e["surfaces"]]
    assert {"أوميروف", "عمروف", "عميروف"} <= {s.split()[-1] for s in umerov["surfaces"]}
    [roles] = [r for r in comparison["roles"] if r["name"] == umerov["name"]]
    written = {r["role"] for r in roles["roles"]}
    assert any("كبير المفاوضين" in r for r in written)
    assert "مستشار الأمن القومي الأوكراني" in written
    assert roles["differ"]


def test_figure_provenance_points_at_the_text(comparison, seed_store):
    from newsdiff.store import Store

    with Store.open(seed_store, create=False) as store:
        texts = {a.file: a for a in store.articles()}
    for g in comparison["figures"]:
        for v in g["values"]:
            article = texts[v["article"]]
            assert article.text[v["start"]:v["end"]] == v["surface"]
            s = article.sentences[v["sentence"]]
            assert s.start <= v["start"] < v["end"] <= s.end


def test_claims_shared_and_exclusive(comparison):
    shared = comparison["claims"]["shared"]
    assert any(len(c["articles"]) >= 2 and any("137" in s["text"] for s in c["sentences"]) for c in shared)
    only = comparison["claims"]["only"]
    assert set(only) == {c["article"] for c in comparison["coverage"]}
    assert any("أوريشنيك" in s["text"] for s in only["002_96d28453f08fb952.txt"])


def test_quotes_grouped_by_speaker(comparison):
    speakers = {q["speaker"]: q for q in comparison["quotes"]}
    ushakov = [q for name, q in speakers.items() if "أوشاكوف" in name]
    assert ushakov and len(ushakov[0]["articles"]) >= 2


def test_timeline_in_calendar_order(comparison):
    dates = [e["date"] for e in comparison["timeline"]]
    assert dates == sorted(dates) and dates
    for e in comparison["timeline"]:
        for d in e["dates"]:
            assert d["value"].startswith(e["date"][:7]) or e["conflict"] or d["value"] >= e["date"]


def test_terminal_report_shows_sections_and_reads_right(seed_store, cli):
    cli.db = seed_store
    result = cli("compare", "--topic", MIAMI_TALKS)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for title in ("1. Coverage", "2. Who and where", "3. Roles", "4. Figures", "5. Timeline",
                  "6. Claims", "7. Quotes"):
        assert title in out
    assert "CONFLICT" in out and "agree" in out


def test_show_prints_marked_sentence(seed_store, cli, comparison):
    cli.db = seed_store
    v = _groups_with(comparison, "drones", 137)[0]["values"][0]
    result = cli("show", f"{v['article']}:{v['sentence']}", "--span", f"{v['start']}-{v['end']}")
    assert result.exit_code == 0
    assert f"[{v['surface']}]" in result.stdout
    bad = cli("show", f"{v['article']}:999")
    assert bad.exit_code == 2 and "has sentences 0 to" in bad.output
    assert cli("show", "nope.txt:1").exit_code == 2
    assert cli("show", "no-colon").exit_code == 2


def test_topics_lists_counts(seed_store, cli):
    cli.db = seed_store
    rows = cli.json("topics")
    assert {"name": MIAMI_TALKS, "articles": 5} .items() <= next(r for r in rows if r["name"] == MIAMI_TALKS).items()


def test_unknown_topic_lists_known(seed_store, cli):
    cli.db = seed_store
    result = cli("compare", "--topic", "nope")
    assert result.exit_code == 2
    assert "unknown topic 'nope'; known topics:" in result.output and MIAMI_TALKS in result.output


def test_malformed_topic_names_file_and_line(seed_store, cli, tmp_path):
    cli.db = seed_store
    topics = tmp_path / "topics"
    write(topics / "bad.yaml", "name: bad\nselect:\n  keywords: [a, b\n")
    result = cli("compare", "--topic", "bad", "--topics", str(topics))
    assert result.exit_code == 2
    assert re.search(r"bad\.yaml:\d+: invalid YAML", result.output)
    write(topics / "bad.yaml", "name: bad\nselect:\n  match: sometimes\n")
    result = cli("topics", "--topics", str(topics))
    assert result.exit_code == 2 and "bad.yaml:3: 'match' must be 'any' or 'all'" in result.output


@pytest.mark.parametrize("content", [
    "name: evil\nselect: !!python/object/apply:os.system [echo hacked]\n",
    "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nname: bomb\n",
])
def test_hostile_topic_yaml_is_refused(seed_store, cli, tmp_path, content):
    cli.db = seed_store
    write(tmp_path / "t" / "evil.yaml", content)
    result = cli("topics", "--topics", str(tmp_path / "t"))
    assert result.exit_code == 2 and "evil.yaml:" in result.output and "Traceback" not in result.output


def test_topic_selecting_nothing_and_empty_store(seed_store, cli, tmp_path):
    cli.db = seed_store
    write(tmp_path / "t" / "mars.yaml", "name: mars\ntitle: Mars\nselect:\n  keywords: [المريخ]\n")
    result = cli("compare", "--topic", "mars", "--topics", str(tmp_path / "t"))
    assert result.exit_code == 1 and "selects none of the 5 stored articles" in result.output
    cli.db = str(tmp_path / "empty.db")
    result = cli("compare", "--topic", MIAMI_TALKS)
    assert result.exit_code == 1 and "newsdiff ingest" in result.output


STORY = {
    "a.txt": ("زلزال يضرب مدينة أزمير التركية\n"
              "قالت إدارة الكوارث التركية إن زلزالا بقوة 6 درجات ضرب مدينة أزمير صباح اليوم الاثنين.\n"
              "وأضافت أن 12 شخصا لقوا حتفهم وأصيب أكثر من 400 آخرين في الزلزال.\n"),
    "b.txt": ("مقتل 15 شخصا في زلزال أزمير\n"
              "أعلنت إدارة الكوارث التركية أن زلزالا قويا ضرب مدينة أزمير اليوم الاثنين.\n"
              "وقالت الإدارة إن 15 شخصا لقوا حتفهم وأصيب نحو 420 آخرين في الزلزال.\n"
              "وقال وزير الصحة التركي فخر الدين قوجة إن المستشفيات استقبلت المصابين.\n"),
}


def test_unseen_story_groups_deaths_as_conflict(cli, tmp_path):
    for name, text in STORY.items():
        write(tmp_path / "in" / name, text.replace("\n", "\nنشر في: 4 مارس 2024\n", 1))
    assert cli("ingest", str(tmp_path / "in")).exit_code == 0
    write(tmp_path / "t" / "quake.yaml", "name: quake\ntitle: زلزال أزمير\nselect:\n  keywords: [زلزال]\n")
    data = cli.json("compare", "--topic", "quake", "--topics", str(tmp_path / "t"))
    people = [g for g in data["figures"] if g["unit"] == "people"]
    deaths = [g for g in people if {v["value"] for v in g["values"]} == {12, 15}]
    assert deaths and deaths[0]["status"] == "conflict"
    injured = [g for g in people if {v["value"] for v in g["values"]} == {400, 420}]
    assert injured and injured[0]["status"] == "compatible"


def test_html_report_escapes_article_markup(cli, tmp_path):
    hostile = ("<script>alert('x')</script> عنوان عن اجتماع الحكومة\n"
               "اجتمع مجلس الوزراء <b>اليوم</b> في العاصمة لبحث الموازنة <img src=x onerror=alert(1)> العامة.\n")
    write(tmp_path / "in" / "h.txt", hostile)
    assert cli("ingest", str(tmp_path / "in")).exit_code == 0
    write(tmp_path / "t" / "gov.yaml", "name: gov\ntitle: \"<i>حكومة</i>\"\nselect:\n  keywords: [الحكومة]\n")
    out = tmp_path / "report.html"
    result = cli("compare", "--topic", "gov", "--topics", str(tmp_path / "t"), "--html", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert 'dir="rtl"' in page


def test_compare_on_an_existing_empty_store(cli, tmp_path):
    from newsdiff.store import Store

    Store.open(cli.db).close()
    result = cli("compare", "--topic", MIAMI_TALKS)
    assert result.exit_code == 1 and "holds no articles" in result.output and "newsdiff ingest" in result.output


def _older_store(seed_store: str, path) -> str:
    """A copy of the seed store as a newsdiff before stored groundwork left it."""
    import sqlite3

    db = str(path / "older.db")
    with sqlite3.connect(seed_store) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
        copy.execute("DROP TABLE groundwork")
    return db


@pytest.mark.parametrize("groundwork_stored", [True, False])
def test_compare_jobs_two_gives_the_same_report(seed_store, monkeypatch, tmp_path, groundwork_stored):
    """The per-article work read from the store, or done in forked worker processes
    (several tasks of two articles) for a store that has none, gives byte for byte the
    report of one process."""
    from click.testing import CliRunner

    from newsdiff.cli import main
    from newsdiff.compare import groundwork

    db = seed_store if groundwork_stored else _older_store(seed_store, tmp_path)
    args = ["compare", "--topic", MIAMI_TALKS, "--json", "--db", db]
    one = CliRunner().invoke(main, args)
    monkeypatch.setattr(groundwork, "MIN_PARALLEL", 1)
    monkeypatch.setattr(groundwork, "CHUNK", 2)
    two = CliRunner().invoke(main, args + ["--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, two.output
    assert two.stdout == one.stdout
    assert json.loads(two.stdout)["quotes"] and json.loads(two.stdout)["claims"]["shared"]


def test_ingest_stores_the_groundwork_compare_would_prepare(seed_store):
    """Each stored article's groundwork, read back, is what compare prepares from the
    stored article and mentions."""
    from newsdiff.compare import groundwork
    from newsdiff.store import Store

    with Store.open(seed_store, create=False) as store:
        articles, mentions = store.articles_and_mentions()
        stored = store.groundwork(groundwork.groundwork_version())
        assert store.without_groundwork(groundwork.groundwork_version()) == []
        assert store.groundwork("another version") == {}
    assert sorted(stored) == sorted(a.file for a in articles)
    for a in articles:
        work = groundwork.unpack(stored[a.file])
        assert work == groundwork.prepare(a, mentions[a.file])
        assert work.stems and work.figures
    assert any(groundwork.unpack(stored[a.file]).quotes for a in articles)


def test_compare_without_stored_groundwork_gives_the_same_report(seed_store, tmp_path, cli):
    """A store from before stored groundwork, and one whose groundwork an older version of
    its code made, give the report of a current store; an ingest that redoes the older
    store's articles stores their groundwork."""
    import sqlite3

    from newsdiff.compare import groundwork
    from newsdiff.store import Store

    def report(db: str) -> str:
        result = cli("compare", "--topic", MIAMI_TALKS, "--json", "--db", db, db=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    current = report(seed_store)
    older = _older_store(seed_store, tmp_path)
    assert report(older) == current
    stale = str(tmp_path / "stale.db")
    with sqlite3.connect(seed_store) as source, sqlite3.connect(stale) as copy:
        source.backup(copy)
        copy.execute("UPDATE groundwork SET version = 'old'")
    assert report(stale) == current
    with Store.open(stale, create=False) as store:
        assert len(store.without_groundwork(groundwork.groundwork_version())) == 5

    with sqlite3.connect(older) as con:
        con.execute("UPDATE articles SET analyser = 'an older newsdiff'")
    result = cli("ingest", str(CORPUS), "--db", older, db=False)  # the seed store's own files
    assert result.exit_code == 0 and "5 replaced" in result.output, result.output
    with Store.open(older, create=False) as store:
        assert store.without_groundwork(groundwork.groundwork_version()) == []
    assert report(older) == current


def test_compare_refuses_zero_jobs(seed_store, cli):
    result = cli("compare", "--topic", MIAMI_TALKS, "--jobs", "0", db=False)
    assert result.exit_code == 2
    assert "--jobs" in result.output and "Traceback" not in result.output


def _die(files):
    """A worker's task that kills its process (run in the forked worker)."""
    import os

    os._exit(9)


def _two_jobs_give_one_jobs_report(db, monkeypatch, module, name, replacement) -> None:
    """`compare --json --jobs 2` on the store `db`, with `module.name` replaced (and workers
    used however few the articles), prints what `--jobs 1` prints."""
    from click.testing import CliRunner

    from newsdiff.cli import main
    from newsdiff.compare import groundwork

    args = ["compare", "--topic", MIAMI_TALKS, "--json", "--db", db]
    one = CliRunner().invoke(main, args)
    monkeypatch.setattr(groundwork, "MIN_PARALLEL", 1)
    monkeypatch.setattr(module, name, replacement)
    two = CliRunner().invoke(main, args + ["--jobs", "2"])
    assert two.exit_code == 0, two.output
    assert two.stdout == one.stdout


def test_compare_survives_a_worker_that_dies(seed_store, monkeypatch, tmp_path):
    """A worker killed mid-way (out of memory, say) costs time, not the report."""
    from newsdiff.compare import groundwork

    _two_jobs_give_one_jobs_report(_older_store(seed_store, tmp_path), monkeypatch, groundwork, "_prepare_files", _die)


def test_workers_reading_a_newer_version_leave_it_to_the_caller(cli, corpus):
    """An ingest that replaces an article between the caller's read and the workers' read:
    the caller prepares that article from the version it holds."""
    from newsdiff.compare import groundwork
    from newsdiff.store import Store

    assert cli("ingest", str(corpus)).exit_code == 0
    with Store.open(cli.db, create=False) as store:
        articles = {a.file: a for a in store.articles()}
        mentions = store.mentions()
    mine = {f: mentions.get(f, []) for f in articles}
    changed = sorted(articles)[0]
    path = corpus / changed
    path.write_text(path.read_text(encoding="utf-8") + "\nوقال مسؤول إن المحادثات ستستأنف الأسبوع المقبل.\n",
                    encoding="utf-8")
    assert cli("ingest", str(corpus)).exit_code == 0
    workers = groundwork.Workers(cli.db, 2, sorted(articles))
    try:
        original = groundwork.MIN_PARALLEL
        groundwork.MIN_PARALLEL = 1
        got = groundwork.prepare_all(articles, mine, workers)()
    finally:
        groundwork.MIN_PARALLEL = original
        workers.close()
    assert got == {f: groundwork.prepare(articles[f], mine[f]) for f in articles}


def _slow_prepare(files):
    """A worker's task that takes its time and notes which files it did (run in the forked worker)."""
    import os
    import time

    time.sleep(1)
    with open(os.environ["NEWSDIFF_TEST_WORKER_LOG"], "a", encoding="utf-8") as log:
        log.writelines(f + "\n" for f in files)
    return _real_prepare_files(files)


def test_the_caller_prepares_what_no_worker_has_started(cli, corpus, monkeypatch, tmp_path):
    """With --jobs 2 one worker starts on the chunks in order while the caller reads and
    resolves; the caller then prepares the chunks not yet started, and the two halves
    make the same groundwork as one process."""
    from newsdiff.compare import groundwork
    from newsdiff.store import Store

    assert cli("ingest", str(corpus)).exit_code == 0
    with Store.open(cli.db, create=False) as store:
        articles = {a.file: a for a in store.articles()}
        mentions = store.mentions()
    mine = {f: mentions.get(f, []) for f in articles}
    log = tmp_path / "worker.log"
    monkeypatch.setenv("NEWSDIFF_TEST_WORKER_LOG", str(log))
    monkeypatch.setattr(groundwork, "MIN_PARALLEL", 1)
    monkeypatch.setattr(groundwork, "CHUNK", 1)
    monkeypatch.setattr(groundwork, "_prepare_files", _slow_prepare)
    workers = groundwork.Workers(cli.db, 2, sorted(articles))
    try:
        got = groundwork.prepare_all(articles, mine, workers)()
    finally:
        workers.close()
    assert got == {f: groundwork.prepare(articles[f], mine[f]) for f in articles}
    by_worker = log.read_text(encoding="utf-8").split()
    assert by_worker and set(by_worker) < set(articles)  # each side did a part
    assert by_worker == sorted(articles)[:len(by_worker)]  # the worker took the first chunks


def test_compare_survives_a_claims_child_that_dies(seed_store, monkeypatch, tmp_path):
    """With --jobs 2 the claims are aligned in a forked child; one killed mid-way leaves
    them to the caller, and the report is the same."""
    import os

    from newsdiff.compare import claims

    caller, real, died = os.getpid(), claims.align, tmp_path / "died"

    def align(*args):
        if os.getpid() != caller:
            died.touch()
            os._exit(9)
        return real(*args)

    _two_jobs_give_one_jobs_report(seed_store, monkeypatch, claims, "align", align)
    assert died.exists()


def test_one_read_of_articles_and_mentions_is_the_two_reads(seed_store):
    """`Store.articles_and_mentions` (compare's read, the articles table read once) gives
    what `articles` and `mentions` give, for every article and for a few."""
    from newsdiff.store import Store

    with Store.open(seed_store, create=False) as store:
        files = store.files()
        for chosen in (None, files[1:3]):
            articles, mentions = store.articles_and_mentions(chosen)
            assert articles == store.articles(chosen) and mentions == store.mentions(files=chosen)
            assert articles and mentions


def test_no_stored_groundwork_is_used_for_a_file_name_two_articles_share(cli, tmp_path):
    """Two stored articles named a.txt (in two folders): their mentions are read as one
    article's, which neither stored groundwork matches, so compare prepares it."""
    from conftest import ARTICLE

    from newsdiff.compare import groundwork
    from newsdiff.store import Store

    write(tmp_path / "one" / "a.txt", ARTICLE)
    write(tmp_path / "two" / "a.txt", ARTICLE.replace("8 ملايين", "9 ملايين"))
    write(tmp_path / "one" / "b.txt", ARTICLE.replace("8 ملايين", "7 ملايين"))
    assert cli("ingest", str(tmp_path / "one"), str(tmp_path / "two")).exit_code == 0
    with Store.open(cli.db, create=False) as store:
        assert sorted(store.groundwork(groundwork.groundwork_version())) == ["b.txt"]
    write(tmp_path / "t" / "sudan.yaml", "name: sudan\ntitle: السودان\nselect:\n  keywords: [السودان]\n")
    result = cli("compare", "--topic", "sudan", "--topics", str(tmp_path / "t"), "--json")
    assert result.exit_code == 0, result.output
    assert {row["article"] for row in json.loads(result.stdout)["coverage"]} == {"a.txt", "b.txt"}


def test_damaged_stored_groundwork_is_prepared_again(seed_store, tmp_path, cli):
    """A stored groundwork row that no longer reads (cut bytes, broken JSON) or does not fit
    its article (sentences, mentions) is prepared from the article again: the same report,
    no traceback."""
    import sqlite3

    expected = cli("compare", "--topic", MIAMI_TALKS, "--json", "--db", seed_store, db=False)
    damaged = str(tmp_path / "damaged.db")
    with sqlite3.connect(seed_store) as source, sqlite3.connect(damaged) as copy:
        source.backup(copy)
        first, second = [r[0] for r in copy.execute("SELECT article_id FROM groundwork ORDER BY article_id LIMIT 2")]
        copy.execute("UPDATE groundwork SET quotes = '[[1, 2' WHERE article_id = ?", (first,))
        copy.execute("UPDATE groundwork SET counts = X'010203' WHERE article_id = ?", (second,))
        copy.execute("UPDATE groundwork SET sizes = X'01000000', figures = '[[9999, [], []]]' "
                     "WHERE article_id NOT IN (?, ?)", (first, second))
    result = cli("compare", "--topic", MIAMI_TALKS, "--json", "--db", damaged, db=False)
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert result.stdout == expected.stdout
