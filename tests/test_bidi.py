"""What a user sees of Arabic tables: simulated on a bidi terminal and on a plain one."""
from __future__ import annotations

import pytest

from conftest import write
from newsdiff.report import bidi

ARTICLE = ("لقاء في الرياض\n\n"
           "التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الأمريكي ماركو روبيو في الرياض اليوم.\n"
           "وقال روبيو إن المحادثات كانت مثمرة.\n")


@pytest.fixture
def store(cli, tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    assert cli("ingest", str(tmp_path / "a.txt")).exit_code == 0
    return cli


def _row(output: str, needle: str) -> str:
    return next(line for line in output.splitlines() if needle in line)


def _cells(line: str) -> list[str]:
    return [c.strip(" \u200e") for c in line.replace("┃", "│").split("│")[1:-1]]


def test_bidi_terminal_keeps_cells_in_their_columns(store, monkeypatch):
    monkeypatch.setenv("NEWSDIFF_BIDI", "logical")
    out = store("entities", "--type", "person").stdout
    row = _row(out, "روبيو")
    assert _cells(row)[:2] == ["ماركو روبيو", "روبيو"]
    # what a terminal that applies the bidi algorithm (paragraph left-to-right) shows
    from bidi import get_display

    shown = get_display(row, base_dir="L")
    borders = [i for i, c in enumerate(row) if c == "│"]
    assert [i for i, c in enumerate(shown) if c == "│"] == borders  # no cell moved across a border
    cells = _cells(shown)
    assert cells[0] == get_display("ماركو روبيو") and cells[1] == get_display("روبيو")


def test_plain_terminal_gets_display_order(store, monkeypatch):
    monkeypatch.setenv("NEWSDIFF_BIDI", "visual")
    out = store("entities", "--type", "person").stdout
    row = _row(out, bidi.visual("روبيو"))
    cells = _cells(row)
    assert cells[0] == bidi.visual("ماركو روبيو")  # reads right to left, shaped
    assert "ماركو روبيو" not in row
    assert row.index("│", 1) > row.index(bidi.visual("ماركو روبيو"))  # right-aligned in its cell


def test_pipes_get_logical_text(store, monkeypatch):
    monkeypatch.delenv("NEWSDIFF_BIDI", raising=False)
    out = store("entities", "--type", "person").stdout
    assert "ماركو روبيو" in out
    assert bidi.choose_mode(False) == "logical"
    assert bidi.choose_mode(True, {"TERM": "xterm-256color"}) == "visual"
    assert bidi.choose_mode(True, {"VTE_VERSION": "7600"}) == "logical"
    assert bidi.choose_mode(True, {"VTE_VERSION": "7600", "TMUX": "/tmp/t"}) == "visual"
