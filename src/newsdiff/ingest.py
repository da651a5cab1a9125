"""Ingest: files -> analysed articles in the store, in parallel processes if asked.

Workers load and analyse files (a pure function of the file) and prepare each
article's comparison groundwork (`compare.groundwork`); the main process
alone writes, a transaction per batch of whole articles, in the order the files were
found, so `jobs=2` stores exactly what `jobs=1` stores.
"""
from __future__ import annotations

import gc
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, Union

from .analyze import analyser_version, analyze_many, get_tagger
from .bulk import rare_collections
from .compare.groundwork import groundwork_version, pack, prepare
from .errors import Refused, UserError
from .loader import discover, load_file
from .loader.decode import shown
from .model import Article
from .store import Rows, Store, rows, text_order


@dataclass
class IngestReport:
    """What one ingest did: files read, articles by outcome, each refusal with its reason."""

    read: int = 0
    new: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "unchanged": self.unchanged,
                "replaced": self.replaced,
                "refused": [{"file": r.file, "reason": r.reason} for r in self.refused]}


BATCH = 32  # articles written per transaction

# A worker's answer for one article: (ident, file name, sha256, its store rows or None
# if unchanged) or a refusal.
_Item = Union[tuple[str, str, str, Optional[Rows]], Refused]


GROUP = 8  # files analysed together (`analyze_many`)


def _process(paths: list[str], knowns: list[dict[str, tuple[str, str]]], tagger: str,
             analyser: str) -> list[list[_Item]]:
    """Load and analyse a group of files, the answers of each; articles whose hash and
    analyser are already stored are skipped. Should a file fail, the group is done again
    file by file, and that file alone is refused: a bug must not cost the whole ingest."""
    try:
        return _analyse(paths, knowns, tagger, analyser)
    except Exception as exc:
        if len(paths) > 1:
            return [_process([p], [k], tagger, analyser)[0] for p, k in zip(paths, knowns)]
        return [[Refused(shown(Path(paths[0]).name), f"could not be analysed ({type(exc).__name__}: "
                                                     f"{' '.join(str(exc).split())[:200]}); please report this file")]]


def _analyse(paths: list[str], knowns: list[dict[str, tuple[str, str]]], tagger: str,
             analyser: str) -> list[list[_Item]]:
    """`_process` without its safety net."""
    out: list[list] = []
    todo: list[tuple[list, int, Article]] = []  # (answers of its file, place in them, article)
    for path, known in zip(paths, knowns):
        answers: list = []
        base = shown(os.path.abspath(path))
        for item in load_file(path):
            if isinstance(item, Refused):
                answers.append(item)
                continue
            ident = base + item.file[len(shown(Path(path).name)):]  # "#N" suffix for records
            answers.append((ident, item.file, item.sha256, None))
            if known.get(ident) != (item.sha256, analyser):
                todo.append((answers, len(answers) - 1, item))
        out.append(answers)
    version = groundwork_version()
    for (answers, n, article), mentions in zip(todo, analyze_many([a for _, _, a in todo], tagger)):
        mentions = text_order(mentions)
        answers[n] = answers[n][:3] + (rows(article, mentions, (version, *pack(prepare(article, mentions)))),)
    return out


def ingest(paths: list[str], db: Optional[str] = None, jobs: int = 1, tagger: str = "builtin",
           progress: Optional[Callable[[int, int, str], None]] = None) -> IngestReport:
    """Ingest files and folders into the store at `db`; return what happened.

    `progress(done, total, name)` is called after each file.
    """
    if jobs < 1:
        raise UserError(f"--jobs must be at least 1 (got {jobs})")
    get_tagger(tagger)  # fail early, in this process, if the tagger cannot load
    analyser = analyser_version(tagger)
    report = IngestReport()
    files: list[Path] = []
    for item in discover(paths):
        if isinstance(item, Refused):
            report.refused.append(item)
        else:
            files.append(item)
    with Store.open(db) as store:
        known = store.known()
        by_file: dict[str, dict[str, tuple[str, str]]] = {}
        for ident, value in known.items():
            by_file.setdefault(ident.split("#", 1)[0], {})[ident] = value
        shas = {v for v in known.values()}
        pending: list[tuple[str, Rows]] = []  # articles to write, in order
        thresholds = rare_collections()
        try:
            for done, (path, items) in enumerate(_run(files, by_file, tagger, analyser, jobs), start=1):
                report.read += 1
                for item in items:
                    _record(report, item, known, shas, analyser, pending)
                if len(pending) >= BATCH:
                    store.put_many(pending, analyser)
                    pending.clear()
                if progress:
                    progress(done, len(files), path.name)
            if pending:
                store.put_many(pending, analyser)
        finally:
            gc.set_threshold(*thresholds)
    return report


def _run(files: list[Path], by_file, tagger: str, analyser: str, jobs: int) -> Iterator[tuple[Path, list[_Item]]]:
    groups = [files[i : i + GROUP] for i in range(0, len(files), GROUP)]
    args = [([str(f) for f in group], [by_file.get(shown(os.path.abspath(f)), {}) for f in group], tagger, analyser)
            for group in groups]
    if jobs == 1 or len(groups) < 2:
        for group, a in zip(groups, args):
            yield from zip(group, _process(*a))
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=rare_collections) as pool:
        for group, answers in zip(groups, pool.map(_process, *zip(*args))):
            yield from zip(group, answers)


def _record(report: IngestReport, item: _Item, known, shas, analyser: str,
            pending: list[tuple[str, Rows]]) -> None:
    """Count one worker answer in the report; an article to store goes to `pending`."""
    if isinstance(item, Refused):
        report.refused.append(item)
        return
    ident, name, sha256, article_rows = item
    if article_rows is None:
        report.unchanged.append(name)
        return
    if ident in known:
        if known[ident] == (sha256, analyser):
            report.unchanged.append(name)
            return
        pending.append((ident, article_rows))
        report.replaced.append(name)
    elif (sha256, analyser) in shas:
        report.unchanged.append(name)  # the same content is stored under another path
    else:
        pending.append((ident, article_rows))
        report.new.append(name)
    known[ident] = (sha256, analyser)
    shas.add((sha256, analyser))
