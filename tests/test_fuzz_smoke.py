"""A short run of the fuzz harness (scripts/fuzz.py), and one regression test per crash it
(or the hostile-input tests, or reading the code) found, with the input that caused it.

The long run: `python scripts/fuzz.py --seconds 600`.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from newsdiff.errors import Refused, UserError
from newsdiff.loader import load_file
from newsdiff.loader.sentences import split_sentences
from newsdiff.topics import load_topic
from newsdiff.aliases import load_aliases

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.mark.parametrize("target", ["loader", "records", "page", "yaml"])
def test_fuzz_smoke(target):
    """150 generated inputs per target (a fixed seed, about 5 s in all) find nothing."""
    pytest.importorskip("hypothesis", reason="the fuzz harness needs hypothesis (pip install hypothesis)")
    sys.path.insert(0, str(SCRIPTS))
    import fuzz

    tried, found = fuzz.run(target, 150, seed=0)
    assert tried >= 100
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


def load(tmp_path: Path, name: str, raw: bytes) -> list:
    (tmp_path / name).write_bytes(raw)
    return load_file(tmp_path / name)


# -- JSON records -----------------------------------------------------------------------
def test_deeply_nested_json_is_refused(tmp_path):
    """fuzz (records): RecursionError from json.loads escaped load_file."""
    [refused] = load(tmp_path, "a.json", b"[" * 5000)
    assert isinstance(refused, Refused) and refused.reason == "invalid JSON (nested too deeply)"
    refusals = load(tmp_path, "a.jsonl", b"{}\n" + b"[" * 5000 + b"\n")
    assert refusals[1].file == "a.jsonl#2" and refusals[1].reason == "invalid JSON (nested too deeply)"


def test_number_of_5000_digits_is_refused(tmp_path):
    """fuzz (records): ValueError "Exceeds the limit (4300 digits)" escaped load_file."""
    [refused] = load(tmp_path, "a.json", b'{"articles": ' + b"1" * 5000 + b"}")
    assert isinstance(refused, Refused) and refused.reason == "invalid JSON (a number too long)"


def test_lone_surrogate_escape_is_stored_as_replacement_character(tmp_path):
    """fuzz (records): json.loads keeps "\\udfff" as a lone surrogate, which cannot be encoded
    as UTF-8: the record's digest raised UnicodeEncodeError (and SQLite would have too)."""
    raw = b"\xff\xfe" + ('{"text": "\\udfff' + "ب" * 30 + '"}').encode("utf-16-le")
    [article] = load(tmp_path, "a.json", raw)
    assert article.text == "\ufffd" + "ب" * 30
    from newsdiff.store import Store

    with Store.open(str(tmp_path / "s.db")) as store:
        store.put("x", article, [], "test")
        assert store.articles()[0].text == article.text


def test_invalid_json_lines_line_keeps_its_reason(tmp_path):
    """Reading the code: a broken JSON Lines line was reported as "record is not a JSON object"."""
    refusals = load(tmp_path, "a.jsonl", b'{"text": "x"\n')
    assert [r.reason for r in refusals] == ["invalid JSON (Expecting ',' delimiter)"]


# -- YAML ---------------------------------------------------------------------------------
def yaml_error(tmp_path: Path, text: str, reader=load_topic) -> str:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as exc:
        reader(path)
    return str(exc.value)


@pytest.mark.parametrize("reader", [load_topic, load_aliases])
def test_impossible_date_is_a_yaml_error(tmp_path, reader):
    """fuzz (yaml): "2025-13-45" raised ValueError (month must be in 1..12) from PyYAML."""
    assert yaml_error(tmp_path, "2025-13-45", reader).endswith(
        "t.yaml:1: invalid YAML: bad value '2025-13-45': month must be in 1..12")


@pytest.mark.parametrize("reader", [load_topic, load_aliases])
def test_timestamp_tag_on_words_is_a_yaml_error(tmp_path, reader):
    """fuzz (yaml): `!!timestamp` on a non-date raised AttributeError inside PyYAML."""
    text = "merge:\n  - [أوميروف, عمروف]\nseparate:\n  !!timestamp بن سلمان, محمد بن زايد]\n"
    assert yaml_error(tmp_path, text, reader).endswith(
        "t.yaml:4: invalid YAML: bad value 'بن سلمان, محمد بن زايد]': not a valid timestamp")


@pytest.mark.parametrize("reader", [load_topic, load_aliases])
def test_deeply_nested_yaml_is_a_yaml_error(tmp_path, reader):
    """fuzz (yaml): RecursionError from PyYAML's composer."""
    assert yaml_error(tmp_path, "[" * 1100, reader).endswith("t.yaml: invalid YAML: nested too deeply")


@pytest.mark.parametrize("key", ["1", "null", "true", "[a]"])
def test_select_key_that_is_not_text(tmp_path, key):
    """Reading the code: `select: {1: x}` raised KeyError (the node says "1", the data 1)."""
    message = yaml_error(tmp_path, f"name: x\nselect:\n  {key}: ميامي\n")
    assert ":3: " in message or "invalid YAML" in message


# -- sentences ----------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["د. " * 16_000, "." * 50_000 + "ب", "1.2" + "." * 50_000 + "ب"])
def test_sentence_splitting_of_long_lines_is_linear(line):
    """The hostile-input test: "د. " * 16,000 took 17 s, 50,000 dots before a letter minutes."""
    start = time.monotonic()
    split_sentences(line, 0, len(line))
    assert time.monotonic() - start < 2
