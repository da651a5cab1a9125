"""Terminal output with rich: progress, summaries and tables."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional

from rich.console import Console
from rich.table import Table

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


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
    console.print(f"read {report.read} files: {len(report.new)} new, {len(report.unchanged)} unchanged, "
                  f"{len(report.replaced)} replaced, {len(report.refused)} refused", soft_wrap=True)
    for r in report.refused:
        console.print(f"refused {r.file}: {r.reason}", markup=False, soft_wrap=True)


def print_articles(rows: list[dict[str, Any]]) -> None:
    """Table of stored articles."""
    if not rows:
        console.print("The store holds no articles yet: run `newsdiff ingest PATH`.")
        return
    table = Table(title=f"{len(rows)} articles")
    for col in ("file", "title", "outlet", "published", "sentences", "excluded"):
        table.add_column(col, overflow="fold")
    for r in rows:
        excluded = ", ".join(sorted({b["reason"] for b in r["excluded"]}))
        table.add_row(r["file"], r["title"] or "", r["outlet"] or r["source"] or "",
                      r["published"] or "", str(r["sentences"]), f"{len(r['excluded'])} ({excluded})"
                      if r["excluded"] else "0")
    console.print(table)
