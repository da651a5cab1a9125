"""The per-article part of a comparison, which needs no other article: each sentence's
bag of content-word stems, the article's quotes, and the words around its figures.

Ingest prepares it with the analysis and stores it (`pack`), marked with
`groundwork_version`, the digest of the code that made it; compare reads it back
(`unpack`). `prepare_all` prepares the selected articles whose groundwork is not
stored in this version (a store from an older newsdiff, or one ingested before a
change to this code), or shares them with `Workers` when the caller has them and
there are enough such articles to pay for them. Workers are forked before the caller
reads the store, start at once on those articles, reading their share from the store
themselves, and send back only these results; meanwhile the caller reads the store,
selects and resolves names, the other large steps, and then prepares the articles no
worker has started on yet.
"""
from __future__ import annotations

import multiprocessing
import sys
from array import array
from collections import _count_elements
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

import orjson

from ..model import Article, Mention
from ..normalize import span_keys
from ..resources import digest, seeds_dir
from ..store import Store
from .quotes import find_quotes
from .text import content_stems, content_words, events, words

NAME_TYPES = ("person", "place", "org")
LOCAL_WINDOW = 40  # characters each side of a figure that describe what it counts
EVENT_WINDOW = 100  # characters each side of a figure that say what event it belongs to
MIN_PARALLEL = 400  # fewer articles are prepared in-process: forking costs more than it saves
CHUNK = 100  # articles per task sent to a worker (up to three are past cancelling: the caller waits for them)
# The code groundwork depends on, in the package (and seeds/events.yaml): a change to it
# makes stored groundwork stale (and ingest redoes the articles: see `analyze.ANALYSIS_CODE`)
GROUNDWORK_CODE = ("compare/groundwork.py", "compare/quotes.py", "compare/text.py", "model.py", "normalize.py")
COUNTS = "I"  # array typecode of `Groundwork.counts` and `.sizes`, stored as their bytes


@dataclass
class QuoteFound:
    """A quote of one article; `speaker` indexes the article's mentions (None: unnamed source)."""

    sentence: int
    speaker: Optional[int]
    source_text: Optional[str]
    verb: str
    text: str
    start: int
    end: int


@dataclass
class FigureContext:
    """What surrounds one figure; `mention` indexes the article's mentions."""

    mention: int
    local: frozenset[str]  # content words next to the number
    events: frozenset[str]  # kinds of event spoken of around it


@dataclass
class Groundwork:
    """One article's groundwork. Its sentences' bags of stems, a line per sentence:
    sentence i has the `sizes[i]` stems of line i (each once, in order of first sight,
    separated by spaces: a stem is one word), each seen `counts` times, the counts of
    every line laid end to end. (One string, not a list of stems: the stems are split
    only where the claims are aligned, a forked child with `--jobs 2`.)"""

    stems: str
    counts: array  # of unsigned ints (`COUNTS`), as are `sizes`: the aligning step copies them whole
    sizes: array
    quotes: list[QuoteFound]
    figures: list[FigureContext]

    def sentence_stems(self, index: int) -> list[str]:
        """The stems of sentence `index`."""
        return self.stems.split("\n")[index].split()


def prepare(article: Article, mentions: list[Mention]) -> Groundwork:
    """The groundwork of one article, from its stored sentences and mentions."""
    text = article.text
    lines, counts, sizes, quotes = [], array(COUNTS), array(COUNTS), []
    names: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.type in NAME_TYPES:
            names.setdefault(m.sentence, []).append(m)
    position: dict[int, int] = {}  # id of a mention -> its index, made for the first named speaker
    keys = span_keys(text, ((s.start, s.end) for s in article.sentences))
    for s, sentence_key in zip(article.sentences, keys):
        found = words(sentence_key)
        bag: dict[str, int] = {}
        _count_elements(bag, content_stems(found))  # what Counter() does, without its checks
        lines.append(" ".join(bag))
        counts.extend(bag.values())
        sizes.append(len(bag))
        for q in find_quotes(text, s.start, s.end, names.get(s.index, []), found):
            if q.speaker is not None and not position:
                position = {id(m): i for i, m in enumerate(mentions)}
            quotes.append(QuoteFound(s.index, None if q.speaker is None else position[id(q.speaker)],
                                     q.source_text, q.verb, q.text, q.start, q.end))
    figures = []
    for i, m in enumerate(mentions):
        if m.type != "figure" or m.value is None:
            continue
        s = article.sentences[m.sentence]
        local = text[max(s.start, m.start - LOCAL_WINDOW):m.start] + " " + text[m.end:min(s.end, m.end + LOCAL_WINDOW)]
        around = text[max(s.start, m.start - EVENT_WINDOW):min(s.end, m.end + EVENT_WINDOW)]
        figures.append(FigureContext(i, frozenset(content_words(local)), events(content_words(around))))
    return Groundwork("\n".join(lines), counts, sizes, quotes, figures)


@lru_cache(maxsize=1)
def groundwork_version() -> str:
    """The digest of the code (`GROUNDWORK_CODE`) and seeds groundwork depends on, and of
    how its counts are laid out in bytes; stored beside each article's groundwork."""
    package = Path(__file__).parents[1]
    files = [package / name for name in GROUNDWORK_CODE] + [seeds_dir() / "events.yaml"]
    return f"{digest(files)}/{sys.byteorder}{array(COUNTS).itemsize}"


def pack(work: Groundwork) -> tuple[str, bytes, bytes, bytes, bytes]:
    """`work` as the store's columns: stems, counts, sizes, quotes and figures (JSON)."""
    return (work.stems, work.counts.tobytes(), work.sizes.tobytes(),
            orjson.dumps([[q.sentence, q.speaker, q.source_text, q.verb, q.text, q.start, q.end]
                          for q in work.quotes]),
            orjson.dumps([[f.mention, sorted(f.local), sorted(f.events)] for f in work.figures]))


def unpack(columns: tuple) -> Groundwork:
    """The `Groundwork` that `pack` gave `columns`."""
    stems, counts, sizes, quotes, figures = columns
    return Groundwork(stems, _counts(counts), _counts(sizes),
                      [QuoteFound(*q) for q in orjson.loads(quotes)],
                      [FigureContext(m, frozenset(local), frozenset(kinds)) for m, local, kinds in orjson.loads(figures)])


def _fits(work: Groundwork, article: Article, mentions: int) -> bool:
    """Whether stored groundwork has the shape of `article` with `mentions` mentions (a
    line and a size per sentence, a count per stem, indexes of existing mentions)."""
    return (len(work.sizes) == len(article.sentences) == work.stems.count("\n") + 1
            and sum(work.sizes) == len(work.counts)
            and all(q.speaker is None or 0 <= q.speaker < mentions for q in work.quotes)
            and all(0 <= c.mention < mentions for c in work.figures))


def _counts(data: bytes) -> array:
    out = array(COUNTS)
    out.frombytes(data)
    return out


class Workers:
    """`jobs - 1` processes that prepare articles, the caller being the last of the `jobs`;
    forked before the caller reads the store (so they share no memory with what it builds:
    no page is copied when either side writes). They start at once on every stored article
    named in `files`, a chunk at a time, each reading its share from the store itself,
    while the caller reads the store, selects and resolves; `prepare_all` then cancels the
    chunks no article of the topic is in, prepares the chunks not yet started itself, last
    first, and takes the workers' results for the rest."""

    def __init__(self, db: str, jobs: int, files: list[str]):
        self.pool = ProcessPoolExecutor(max_workers=max(1, jobs - 1), mp_context=multiprocessing.get_context("fork"),
                                        initializer=_open_store, initargs=(db,))
        self.chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
        self.futures: list[Future] = [self.pool.submit(_prepare_files, chunk) for chunk in self.chunks]

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


_store: Optional[Store] = None  # a worker's own connection


def _open_store(db: str) -> None:
    global _store
    _store = Store.open(db, create=False)


def _prepare_files(files: list[str]) -> list[tuple[str, str, int, Groundwork]]:
    """(file, sha256, number of mentions, groundwork) of the stored articles named `files`."""
    articles, mentions = _store.articles_and_mentions(files)
    return [(a.file, a.sha256, len(mentions.get(a.file, [])), prepare(a, mentions.get(a.file, [])))
            for a in articles]


def can_fork() -> bool:
    """Whether `Workers` can run here (forking is POSIX-only)."""
    return "fork" in multiprocessing.get_all_start_methods()


def shared(articles: dict[str, Article], workers: Optional[Workers]) -> bool:
    """Whether `workers` are worth using for these articles (at least MIN_PARALLEL)."""
    return workers is not None and len(articles) >= MIN_PARALLEL


def prepare_all(articles: dict[str, Article], mentions: dict[str, list[Mention]],
                workers: Optional[Workers] = None, stored: Optional[dict[str, tuple]] = None
                ) -> Callable[[], dict[str, Groundwork]]:
    """Start preparing every article (`mentions` has every file of `articles`) whose
    groundwork `stored` (file -> its stored columns, `pack`) lacks; the returned function
    waits for and gives file -> `Groundwork`. With `workers` and at least MIN_PARALLEL
    articles to prepare, the work is shared with them: it prepares here the chunks they
    have not started when it is called, and any article they did not prepare, read in
    another version than the caller's (an ingest wrote between the two reads), or left
    by a worker that died; then it closes the workers."""
    done = {}
    for f in articles if stored else ():
        if f in stored:
            try:
                work = unpack(stored[f])
            except (ValueError, TypeError):  # a damaged row is prepared again, like a missing one
                continue
            if _fits(work, articles[f], len(mentions[f])):
                done[f] = work
    articles = {f: a for f, a in articles.items() if f not in done}
    if not shared(articles, workers):
        if workers is not None:
            workers.close()
        done.update((f, prepare(articles[f], mentions[f])) for f in articles)
        return lambda: done
    wanted = [not set(articles).isdisjoint(chunk) for chunk in workers.chunks]
    for future, needed in zip(workers.futures, wanted):
        if not needed:
            future.cancel()

    def collect() -> dict[str, Groundwork]:
        for future, chunk, needed in reversed(list(zip(workers.futures, workers.chunks, wanted))):
            if not needed:
                continue
            if not future.cancel():
                break  # this chunk and every earlier one went to a worker (they start in order)
            done.update((f, prepare(articles[f], mentions[f])) for f in chunk if f in articles)
        for future, needed in zip(workers.futures, wanted):
            if not needed or future.cancelled():
                continue
            try:
                for f, sha256, count, work in future.result():
                    if f in articles and articles[f].sha256 == sha256 and len(mentions[f]) == count:
                        done[f] = work
            except BrokenProcessPool:  # a worker died (killed, out of memory)
                pass
        done.update((f, prepare(articles[f], mentions[f])) for f in articles if f not in done)
        workers.close()
        return done

    return collect
