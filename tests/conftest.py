"""Shared fixtures: run the CLI on files the tests write, against a store in a temp dir."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdiff.cli import main

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
GOLD = Path(__file__).resolve().parent / "data" / "gold"

ARTICLE = """\
وزير الخارجية يبحث مع نظيره الفرنسي الأزمة في السودان

وزير الخارجية يبحث مع نظيره الفرنسي الأزمة في السودان
نشر في: 12 مارس 2024
بحث وزير الخارجية المصري سامح شكري مع نظيره الفرنسي في القاهرة اليوم الثلاثاء تطورات الأزمة في السودان.
وقال شكري إن بلاده تدعم وقف إطلاق النار، مشيرا إلى أن أكثر من 8 ملايين شخص نزحوا منذ بدء القتال.
"""


class Cli:
    """Runs `newsdiff` in-process with a store in a temp folder."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.db = str(tmp / "store.db")
        self.runner = CliRunner()

    def __call__(self, *args: str, db: bool = True):
        argv = list(args) + (["--db", self.db] if db else [])
        return self.runner.invoke(main, argv, catch_exceptions=False)

    def json(self, *args: str):
        result = self(*args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)


@pytest.fixture
def cli(tmp_path) -> Cli:
    return Cli(tmp_path)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A copy of the shipped seed corpus."""
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest)
    return dest


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> str:
    """A store holding the five seed articles, ingested once for the session."""
    db = str(tmp_path_factory.mktemp("seed") / "seed.db")
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def surfaces(cli: "Cli", path: Path, etype: str) -> set[str]:
    """Ingest `path` with `cli`, then the surfaces of the stored mentions of type `etype`."""
    assert cli("ingest", str(path)).exit_code == 0
    return {m["surface"] for e in cli.json("entities", "--type", etype) for m in e["mentions"]}


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


_TAG_OF = {"B": "B-PERS", "I": "I-PERS", "L": "B-LOC", "O": "O"}
_LETTER_OF = {tag: letter for letter, tag in _TAG_OF.items()}


def apply_rule(rule, words: str, tags: str) -> str:
    """The tags a tagger rule `rule(tokens, tags, gazetteer)` leaves of a sentence written
    here and tagged `tags`, a letter a word: B/I a person, L a place, O (? for any other tag)."""
    from newsdiff.normalize import key
    from newsdiff.tagging import gazetteer, rules

    gaz = gazetteer.load()
    pos, items = 0, []
    for w in words.split():
        items.append((w, pos, pos + len(w), key(w)))
        pos += len(w) + 1
    toks = rules.make_tokens(items, gaz)
    out = [_TAG_OF[c] for c in tags]
    rule(toks, out, gaz)
    return "".join(_LETTER_OF.get(t, "?") for t in out)
