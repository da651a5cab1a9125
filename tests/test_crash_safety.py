"""Killing ingest halfway and writing from two processes never loses or corrupts stored articles.

The kill test runs NEWSDIFF_KILLS rounds (default 5; `NEWSDIFF_KILLS=200 pytest
tests/test_crash_safety.py` for the long run).
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

KILLS = int(os.environ.get("NEWSDIFF_KILLS", "5"))


def newsdiff(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsdiff.cli", *args]


def per_article(db: Path) -> dict[str, tuple[int, int]]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {f: (s, m) for f, s, m in con.execute(
            "SELECT a.file, (SELECT count(*) FROM sentences s WHERE s.article_id = a.id), "
            "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id) FROM articles a")}
    finally:
        con.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """40 varied articles and the reference store of a complete ingest."""
    root = tmp_path_factory.mktemp("big")
    generate(root / "in", 40, [CORPUS])
    ref = root / "ref.db"
    subprocess.run(newsdiff("ingest", str(root / "in"), "--db", str(ref)), check=True, capture_output=True)
    return root / "in", per_article(ref)


def test_sigkill_during_ingest_keeps_every_stored_article_whole(big, tmp_path):
    folder, reference = big
    rng = random.Random(7)
    db = tmp_path / "killed.db"
    for _ in range(KILLS):
        proc = subprocess.Popen(newsdiff("ingest", str(folder), "--db", str(db)),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stored = per_article(db) if db.exists() else {}
        for file, counts in stored.items():
            assert counts == reference[file], file  # complete: all its sentences and mentions
    done = subprocess.run(newsdiff("ingest", str(folder), "--db", str(db)), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert per_article(db) == reference


def test_two_ingests_and_a_reader_at_once(big, tmp_path):
    folder, reference = big
    db = tmp_path / "shared.db"
    writers = [subprocess.Popen(newsdiff("ingest", str(folder), "--db", str(db)), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    readers_failed = []
    while any(w.poll() is None for w in writers):
        if db.exists():
            r = subprocess.run(newsdiff("articles", "--json", "--db", str(db)), capture_output=True, text=True)
            if r.returncode != 0 and "no store here yet" not in r.stderr:
                readers_failed.append(r.stderr)
        time.sleep(0.2)
    for w in writers:
        out, err = w.communicate()
        assert w.returncode == 0, err
        assert "locked" not in err
    assert not readers_failed, readers_failed[0]
    assert per_article(db) == reference
