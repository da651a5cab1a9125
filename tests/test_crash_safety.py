"""Killing ingest halfway and writing from two processes never loses or corrupts stored articles.

The kill test kills NEWSDIFF_KILLS ingests (default 5; `NEWSDIFF_KILLS=200 pytest -s
tests/test_crash_safety.py -k sigkill` for the long run); the concurrency tests run
NEWSDIFF_CONCURRENT_ROUNDS times each (default 1). Each kill round ingests one of two
versions of the same 40 files (the folder is a symlink switched between them, so the
stored paths are the same and every round replaces articles, the riskiest write) and
SIGKILLs the process at a random moment of the run. After every kill the store must
pass `PRAGMA integrity_check`, open with newsdiff, keep every article it held before,
and hold each article whole: exactly the sentences, excluded blocks and mentions of a
complete ingest of that article's content.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402

from conftest import CORPUS  # noqa: E402
from newsdiff.store import Store  # noqa: E402

KILLS = int(os.environ.get("NEWSDIFF_KILLS", "5"))
ROUNDS = int(os.environ.get("NEWSDIFF_CONCURRENT_ROUNDS", "1"))


def newsdiff(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsdiff.cli", *args]


def per_article(db: Path) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(file, sha256) -> (sentences, excluded blocks, mentions) of each stored article."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        return {(f, sha): (s, x, m) for f, sha, s, x, m in con.execute(
            "SELECT a.file, a.sha256, (SELECT count(*) FROM sentences s WHERE s.article_id = a.id), "
            "(SELECT count(*) FROM excluded x WHERE x.article_id = a.id), "
            "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id) FROM articles a")}
    finally:
        con.close()


def switch(link: Path, target: Path) -> None:
    """Point the symlink `link` at folder `target` (atomically)."""
    tmp = link.with_name(link.name + ".new")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target, target_is_directory=True)
    os.replace(tmp, link)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """Two versions of 40 varied articles, the reference store of each, and the time a full ingest takes."""
    root = tmp_path_factory.mktemp("big")
    generate(root / "a", 40, [CORPUS])
    for path in generate(root / "b", 40, [CORPUS]):  # same names, other content
        path.write_text(path.read_text(encoding="utf-8") + "\nوأضافت النسخة المعدلة من الخبر هذه الجملة.\n",
                        encoding="utf-8")
    (root / "topics").mkdir()
    (root / "topics" / "all.yaml").write_text("name: all\ntitle: every stored article\n", encoding="utf-8")
    reference: dict = {}
    took = float("inf")
    for version in ("a", "b"):
        ref = root / f"ref-{version}.db"
        start = time.monotonic()
        subprocess.run(newsdiff("ingest", str(root / version), "--db", str(ref)), check=True, capture_output=True)
        took = min(took, time.monotonic() - start)
        reference[version] = per_article(ref)
    return root, reference, took


def test_sigkill_during_ingest_keeps_every_stored_article_whole(big, tmp_path):
    root, reference, took = big
    whole = {**reference["a"], **reference["b"]}
    rng = random.Random(int(os.environ.get("NEWSDIFF_KILL_SEED", "7")))
    link = tmp_path / "in"
    db = tmp_path / "killed.db"
    before: set[str] = set()
    killed = rounds = 0
    while killed < KILLS and rounds < 6 * KILLS:  # a round may end before its kill (as when it has
        # nothing to redo, or on a busy machine): count kills
        rounds += 1
        version = rng.choice("ab")
        switch(link, root / version)
        proc = subprocess.Popen(newsdiff("ingest", str(link), "--db", str(db)),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=rng.uniform(0.3, 1.1) * took)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        if not db.exists():
            continue
        stored = per_article(db)
        for article, counts in stored.items():
            assert article in whole, article  # content of one version or the other, not a mix
            assert counts == whole[article], article  # complete: all its sentences, blocks, mentions
        files = {f for f, _ in stored}
        assert before <= files, sorted(before - files)  # nothing stored before is lost
        before = files
        with Store.open(str(db), create=False) as store:  # newsdiff itself opens and reads it
            assert len(store.articles()) == len(stored)
    print(f"{killed} ingests killed in {rounds} rounds")
    assert killed == KILLS, f"only {killed} of {rounds} runs were killed before they ended"
    switch(link, root / "a")
    done = subprocess.run(newsdiff("ingest", str(link), "--db", str(db)), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert per_article(db) == reference["a"]


def compare(root: Path) -> tuple[str, ...]:
    """`compare` on a topic that selects every stored article."""
    return ("compare", "--topic", "all", "--topics", str(root / "topics"), "--json")


def _reader_ok(result: subprocess.CompletedProcess) -> bool:
    """A reader may find no store yet, or a store with nothing selected yet; nothing else."""
    if result.returncode == 0:
        return True
    return "Traceback" not in result.stderr and "locked" not in result.stderr and any(
        m in result.stderr for m in ("no store here yet", "the store holds no articles"))


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_ingests_and_readers_at_once(big, tmp_path, round_):
    """Two ingests of the same folder into one new store, while `articles` and `compare` read it."""
    root, reference, _ = big
    db = tmp_path / "shared.db"
    writers = [subprocess.Popen(newsdiff("ingest", str(root / "a"), "--db", str(db)), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    failed, reads = [], 0
    readers = [("articles", "--json"), compare(root)]
    while any(w.poll() is None for w in writers):
        r = subprocess.run(newsdiff(*readers[reads % 2], "--db", str(db)), capture_output=True, text=True)
        reads += 1
        if not _reader_ok(r):
            failed.append(r.stderr)
    for w in writers:
        out, err = w.communicate()
        assert w.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
    assert not failed, failed[0]
    assert reads >= 2
    assert per_article(db) == reference["a"]
    r = subprocess.run(newsdiff(*compare(root), "--db", str(db)), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_compare_reads_a_consistent_store_while_ingest_replaces_articles(big, tmp_path, round_):
    """`compare` run again and again while ingest replaces every article: never an error."""
    root, reference, _ = big
    link = tmp_path / "in"
    db = tmp_path / "store.db"
    switch(link, root / "a")
    subprocess.run(newsdiff("ingest", str(link), "--db", str(db)), check=True, capture_output=True)
    switch(link, root / "b")
    writer = subprocess.Popen(newsdiff("ingest", str(link), "--db", str(db)), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    results = []
    while writer.poll() is None:
        results.append(subprocess.run(newsdiff(*compare(root), "--db", str(db)), capture_output=True, text=True))
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    assert "40 replaced" in out
    assert results
    for r in results:
        assert r.returncode == 0, r.stderr
        assert r.stdout.lstrip().startswith("{")
    assert per_article(db) == reference["b"]
