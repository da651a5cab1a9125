"""Terminal output with rich: progress, summaries and tables, Arabic made readable.

Everything is rendered to text first and then fixed up for right-to-left display
(`report.bidi`), so tables come out right on terminals with and without bidi.
"""
from __future__ import annotations

import io
import shutil
import sys
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional

from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import bidi

err_console = Console(stderr=True, highlight=False)


def emit(*renderables: Any) -> None:
    """Render to stdout, wrapped to the terminal's width and fixed up for RTL text."""
    tty = sys.stdout.isatty()
    width = shutil.get_terminal_size((120, 24)).columns if tty else 120
    buffer = io.StringIO()
    Console(file=buffer, width=width, highlight=False, force_terminal=False, color_system=None,
            soft_wrap=False).print(*renderables)
    sys.stdout.write(bidi.fix(buffer.getvalue().rstrip("\n"), bidi.choose_mode(tty)) + "\n")


def line(text: str) -> None:
    """One plain line, never wrapped (summaries, refusals: one line each)."""
    sys.stdout.write(bidi.fix(text, bidi.choose_mode(sys.stdout.isatty())) + "\n")


@contextmanager
def ingest_progress(enabled: bool) -> Iterator[Optional[Callable[[int, int, str], None]]]:
    """A progress callback drawing a rich bar on stderr, or None when `enabled` is false."""
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  TextColumn("{task.description}"), console=err_console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=name)

        yield update


def print_ingest_report(report) -> None:
    """The summary after ingest, then one line per refused file."""
    line(f"read {report.read} files: {len(report.new)} new, {len(report.unchanged)} unchanged, "
         f"{len(report.replaced)} replaced, {len(report.refused)} refused")
    for r in report.refused:
        line(f"refused {r.file}: {r.reason}")


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def print_articles(rows: list[dict[str, Any]]) -> None:
    """Table of stored articles."""
    if not rows:
        line("The store holds no articles yet: run `newsdiff ingest PATH`.")
        return
    table = _table(f"{len(rows)} articles", "file", "title", "outlet", "published", "sentences", "excluded")
    for r in rows:
        reasons = ", ".join(sorted({b["reason"] for b in r["excluded"]}))
        table.add_row(r["file"], r["title"] or "", r["outlet"] or r["source"] or "", r["published"] or "",
                      str(r["sentences"]), f"{len(r['excluded'])} ({reasons})" if r["excluded"] else "0")
    emit(table)


_TYPE_TITLES = {"person": "Persons", "place": "Places", "org": "Organisations", "date": "Dates",
                "figure": "Figures"}


def print_entities(entities: list) -> None:
    """One table per type: name, variants, articles, mentions, roles."""
    if not entities:
        line("No entities found.")
        return
    for etype, title in _TYPE_TITLES.items():
        rows = [e for e in entities if e.type == etype]
        if not rows:
            continue
        table = _table(f"{title} ({len(rows)})", "name", "variants", "articles", "mentions",
                       "roles" if etype == "person" else "details")
        for e in rows:
            variants = "، ".join(s for s in e.surfaces if s != e.name)
            if etype == "person":
                details = "؛ ".join(dict.fromkeys(r["role"] for r in e.roles))
            elif etype in ("date", "figure"):
                m = e.mentions[0][1]
                details = ", ".join(str(x) for x in (m.kind, m.qualifier) if x)
            else:
                details = ""
            table.add_row(Text(e.name), Text(variants), str(len(e.articles)), str(len(e.mentions)),
                          Text(details))
        emit(table)


def print_eval(result: dict[str, Any], errors: bool = False) -> None:
    """Precision, recall and F1 per type and overall; with `errors`, then every error."""
    if result["kind"] == "conll":
        table = _table(f"{result['file']}: {result['sentences']} sentences, {result['tokens']} tokens "
                       "(entity-level, exact span and type)", "type", "precision", "recall", "F1",
                       "gold", "predicted")
        scores = dict(result["scores"])
        for name, s in scores.items():
            if isinstance(s, dict) and "f1" in s:
                table.add_row(name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                              str(s["gold"]), str(s["pred"]))
        emit(table)
        if errors:
            _print_conll_errors(result["errors"])
        return
    table = _table(f"{len(result['articles'])} articles scored", "type", "precision", "recall", "F1",
                   "tp", "fp", "fn")
    for name, s in result["scores"].items():
        table.add_row(name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                      str(s["tp"]), str(s["fp"]), str(s["fn"]))
    emit(table)
    if result.get("missing"):
        line("not in the store: " + ", ".join(result["missing"]))
    if errors:
        for title, found in (("missed", result["false_negatives"]), ("spurious", result["false_positives"])):
            for article, by_type in found.items():
                for etype, items in by_type.items():
                    for item in items:
                        extra = "" if item.get("value") is None else f" = {item['value']}"
                        extra += f" {item['unit']}" if item.get("unit") else ""
                        line(f"{title:8s} {etype:6s} {article}: {item['surface']}{extra}")


ERROR_KINDS = ("missed", "spurious", "boundary", "type")


def _print_conll_errors(errors: list[dict[str, Any]]) -> None:
    """A count per kind of error and type, then one line per error with its context."""
    def type_of(e: dict[str, Any]) -> str:
        return (e["gold"] or e["predicted"])["type"]

    types = sorted({type_of(e) for e in errors})
    table = _table(f"{len(errors)} errors (gold type; predicted type for spurious)", "kind", *types)
    for kind in ERROR_KINDS:
        table.add_row(kind, *(str(sum(1 for e in errors if e["kind"] == kind and type_of(e) == t)) for t in types))
    emit(table)
    for e in sorted(errors, key=lambda e: (ERROR_KINDS.index(e["kind"]), type_of(e), e["sentence"])):
        gold = f"{e['gold']['type']} {e['gold']['text']}" if e["gold"] else "-"
        pred = f"{e['predicted']['type']} {e['predicted']['text']}" if e["predicted"] else "-"
        line(f"{e['kind']:8s} sentence {e['sentence']}: gold {gold} | predicted {pred} | {e['context']}")


def print_doctor(checks: list) -> None:
    """One line per check."""
    for c in checks:
        line(f"{'ok ' if c.ok else 'no '} {c.name}: {c.detail}")


def print_topics(rows: list[dict[str, Any]]) -> None:
    """Known topics and the number of stored articles each selects."""
    if not rows:
        line("No topics found.")
        return
    table = _table("topics", "name", "title", "articles", "file")
    for r in rows:
        table.add_row(r["name"], Text(r["title"]), "-" if r["articles"] is None else str(r["articles"]),
                      r["path"])
    emit(table)


def print_sentence(row: dict[str, Any], marked: Optional[tuple[int, int]]) -> None:
    """A stored sentence with its mentions (or the one at `marked`) in [brackets]."""
    text, start = row["text"], row["start"]
    spans = [marked] if marked else [(m["start"], m["end"]) for m in row["mentions"]]
    spans = sorted((s - start, e - start) for s, e in spans if start <= s < e <= row["end"])
    out, pos = [], 0
    for s, e in spans:
        if s < pos:
            continue
        out += [text[pos:s], "[", text[s:e], "]"]
        pos = e
    out.append(text[pos:])
    line(f"{row['article']}:{row['sentence']} ({row['outlet'] or 'no outlet'}, characters "
         f"{row['start']}-{row['end']})")
    line("".join(out))
    for m in row["mentions"]:
        if marked and (m["start"], m["end"]) != marked:
            continue
        extra = ", ".join(f"{k}={m[k]}" for k in ("role", "value", "unit", "kind", "qualifier") if m.get(k))
        line(f"  {m['type']:<7} {m['start']}-{m['end']} {m['surface']}" + (f" ({extra})" if extra else ""))


def print_comparison(comp) -> None:
    """Every section of a comparison (see `report.sections`)."""
    from .sections import render_comparison

    emit(*render_comparison(comp))
