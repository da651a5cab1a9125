"""The local store: one SQLite file holding articles, sentences and mentions, and each
article's comparison groundwork (opaque columns: `compare.groundwork.pack`).

Articles are written in transactions of one or a few whole articles (old analysis
deleted, new one inserted), so an interrupted ingest never leaves an article
half-stored. The file is checked before anything is written: a file that is not a
newsdiff database, a corrupt one, or one written by a newer schema is refused and
left untouched.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Optional

from .errors import StoreError
from .model import Article, Block, Mention, Sentence

SCHEMA_VERSION = 1
# Each article's comparison groundwork: `compare.groundwork.pack`'s columns, made by the code
# whose digest is `version` (a table added to older stores by their next ingest: `_upgrade`)
_GROUNDWORK = """(
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version TEXT NOT NULL, stems TEXT NOT NULL, counts BLOB NOT NULL, sizes BLOB NOT NULL,
    quotes BLOB NOT NULL, figures BLOB NOT NULL
)"""
DEFAULT_DB = "newsdiff.db"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    ident TEXT UNIQUE NOT NULL,        -- absolute path, plus #N for a record
    file TEXT NOT NULL,                -- file name shown to users
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    analyser TEXT NOT NULL,
    encoding TEXT NOT NULL,
    text TEXT NOT NULL,
    title TEXT, author TEXT, outlet TEXT, source TEXT, url TEXT,
    published TEXT, published_precision TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_sha ON articles(sha256);
CREATE INDEX articles_file ON articles(file);
CREATE TABLE sentences (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, part TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE excluded (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, reason TEXT NOT NULL
);
CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sentence INTEGER NOT NULL, key TEXT NOT NULL, role TEXT, value TEXT,
    unit TEXT, kind TEXT, qualifier TEXT, source TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
""" + "CREATE TABLE groundwork " + _GROUNDWORK + ";"
# Older stores also have an index on mentions(type); they are read and written as they are.
# It cost ~15% of the writing and made no query faster: most mentions are names, so reading
# them by type is a scan of the table anyway.
_SELECT_IN = 500  # up to this many articles are looked up by key; more are filtered from a scan
_ARTICLE_COLS = ("file", "path", "sha256", "encoding", "text", "title", "author", "outlet",
                 "source", "url", "published", "published_precision")

_INSERT_ARTICLE = (f"INSERT INTO articles (ident, analyser, ingested_at, {', '.join(_ARTICLE_COLS)}) "
                   f"VALUES (?, ?, ?, {', '.join('?' * len(_ARTICLE_COLS))})")

# article, sentences, excluded, mentions, and (version, *columns) of its groundwork or None
Rows = tuple[tuple, list[tuple], list[tuple], list[tuple], Optional[tuple]]


def rows(article: Article, mentions: list[Mention], groundwork: Optional[tuple] = None) -> Rows:
    """An article, its mentions (in text order, as `Store.mentions` reads them: see
    `text_order`) and its groundwork as the store's rows (without the article id), cheap
    to send from a worker process."""
    return (tuple(getattr(article, col) for col in _ARTICLE_COLS),
            [(s.index, s.start, s.end, s.part) for s in article.sentences],
            [(b.start, b.end, b.reason) for b in article.excluded],
            [(m.type, m.start, m.end, m.sentence, m.key, m.role,
              None if m.value is None else json.dumps(m.value, ensure_ascii=False),
              m.unit, m.kind, m.qualifier, m.source) for m in mentions],
            groundwork)


def text_order(mentions: Iterable[Mention]) -> list[Mention]:
    """`mentions` in the order the store keeps them (by start, then end; stable)."""
    return sorted(mentions, key=_text_order)


def _text_order(m: Mention) -> tuple[int, int]:
    return m.start, m.end


def default_path() -> str:
    """The store named by NEWSDIFF_DB, else newsdiff.db in the working directory."""
    return os.environ.get("NEWSDIFF_DB") or DEFAULT_DB


class Store:
    """A newsdiff store file. Use `Store.open(path)`; close it or use it as a context manager."""

    def __init__(self, path: str, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn

    @classmethod
    def open(cls, path: Optional[str] = None, create: bool = True) -> "Store":
        """Open (and with `create`, make) the store at `path`, checking it is ours."""
        path = path or default_path()
        p = Path(path)
        if p.is_dir():
            raise StoreError(f"{path}: is a folder, not a store file")
        exists = p.exists() and p.stat().st_size > 0
        if not exists and not create:
            raise StoreError(f"{path}: no store here yet; run `newsdiff ingest` first")
        if exists:
            _check_header(p)
        try:
            store = cls._connect(path, path, exists)
        except StoreError as exc:
            if create or not exists or "cannot write" not in str(exc):
                raise
            store = cls._read_only(path, exc)
        if create and exists:
            store._upgrade()
        if not create:
            # A reader sees one snapshot (its first read pins it) until it closes, so that
            # articles and mentions read while an ingest writes belong together.
            store.conn.execute("BEGIN")
        return store

    @classmethod
    def _read_only(cls, path: str, error: StoreError) -> "Store":
        """Only reading, from a store we may not write (a read-only file or folder, where
        SQLite cannot make the WAL index): read-only, else as an unchanging file."""
        for query in ("?mode=ro", "?immutable=1"):
            try:
                return cls._connect(path, Path(path).resolve().as_uri() + query, True)
            except StoreError:
                pass
        raise error

    @classmethod
    def _connect(cls, path: str, target: str, exists: bool) -> "Store":
        try:
            conn = sqlite3.connect(target, timeout=60, isolation_level=None, uri=target != path)
        except sqlite3.Error as exc:
            if not exists:
                raise StoreError(f"{path}: cannot create the store ({exc}); is the folder there "
                                 "and writable?") from None
            raise StoreError(_db_message(path, exc)) from None
        store = cls(path, conn)
        try:
            store._prepare(exists)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(_db_message(path, exc)) from None
        except StoreError:
            conn.close()
            raise
        return store

    def _prepare(self, exists: bool) -> None:
        c = self.conn
        c.execute("PRAGMA busy_timeout = 60000")
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables:
            self._check_ours(tables)
        c.execute("PRAGMA foreign_keys = ON")
        # In WAL mode NORMAL never corrupts and survives a killed process; only a power
        # cut can lose the last commits, which the next ingest redoes. FULL's fsync on
        # every article tripled the cost of a write.
        c.execute("PRAGMA synchronous = NORMAL")
        if not tables:
            c.execute("PRAGMA journal_mode = WAL")
            with self.transaction():
                if c.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]:
                    return  # another process created it meanwhile
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        c.execute(statement)
                c.executemany("INSERT INTO meta VALUES (?, ?)",
                              [("application", "newsdiff"), ("schema_version", str(SCHEMA_VERSION))])

    def _upgrade(self) -> None:
        """Add to a store written by an older newsdiff what this one writes (groundwork)."""
        if self._has("groundwork"):
            return
        try:
            self.conn.execute(f"CREATE TABLE IF NOT EXISTS groundwork {_GROUNDWORK}")
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(_db_message(self.path, exc)) from None

    def _has(self, table: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (table,)).fetchone() is not None

    def _check_ours(self, tables: set[str]) -> None:
        meta = {}
        if "meta" in tables:
            meta = dict(self.conn.execute("SELECT key, value FROM meta"))
        if meta.get("application") != "newsdiff":
            raise StoreError(f"{self.path}: is an SQLite database but not a newsdiff store; "
                             "refusing to touch it (use --db to name another file)")
        version = int(meta.get("schema_version", "0"))
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: was written by a newer newsdiff (schema {version}; "
                             f"this version reads schema {SCHEMA_VERSION}); left untouched")

    def transaction(self):
        """Context manager: BEGIN IMMEDIATE ... COMMIT, ROLLBACK on any error."""
        return _Transaction(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------
    def known(self) -> dict[str, tuple[str, str]]:
        """ident -> (sha256, analyser) of every stored article."""
        return {r[0]: (r[1], r[2]) for r in self.conn.execute("SELECT ident, sha256, analyser FROM articles")}

    def put(self, ident: str, article: Article, mentions: Iterable[Mention], analyser: str) -> None:
        """Store `article` and its mentions under `ident`, replacing any older version, atomically."""
        self.put_many([(ident, rows(article, text_order(mentions)))], analyser)

    def put_many(self, articles: list[tuple[str, "Rows"]], analyser: str) -> None:
        """`put` for several articles already turned into (ident, rows) (by `rows`, in ingest
        workers), in one transaction, which costs less than one each: all stored, or none."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction():
            c = self.conn
            for ident, (article, sentences, excluded, mentions, groundwork) in articles:
                c.execute("DELETE FROM articles WHERE ident = ?", (ident,))
                aid = c.execute(_INSERT_ARTICLE, (ident, analyser, now, *article)).lastrowid
                c.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)", [(aid, *r) for r in sentences])
                c.executemany("INSERT INTO excluded VALUES (?, ?, ?, ?)", [(aid, *r) for r in excluded])
                c.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              [(aid, *r) for r in mentions])
                if groundwork is not None:
                    c.execute("INSERT INTO groundwork VALUES (?, ?, ?, ?, ?, ?, ?)", (aid, *groundwork))

    # -- reading ---------------------------------------------------------------
    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def files(self) -> list[str]:
        """The file names of the stored articles, in the order `articles` gives them."""
        return [r[0] for r in self.conn.execute("SELECT file FROM articles ORDER BY file, id")]

    def articles(self, files: Optional[list[str]] = None) -> list[Article]:
        """Stored articles (all, or those whose file name is in `files`), in ingest order."""
        return list(self._articles_by_id(files).values())

    def articles_and_mentions(self, files: Optional[list[str]] = None
                              ) -> tuple[list[Article], dict[str, list[Mention]]]:
        """`articles(files)` and `mentions(files=files)`, the articles table read once."""
        by_id = self._articles_by_id(files)
        return (list(by_id.values()),
                self._mentions_of({aid: a.file for aid, a in by_id.items()},
                                  {aid: a.text for aid, a in by_id.items()}))

    def _articles_by_id(self, files: Optional[list[str]]) -> dict[int, Article]:
        by_id: dict[int, Article] = {}
        for row in self._article_rows(f"id, {', '.join(_ARTICLE_COLS)}", files):
            by_id[row[0]] = Article(**dict(zip(_ARTICLE_COLS, row[1:])))
        for aid, i, s, e, part in self._rows_of(by_id, 'idx, start, "end", part', "sentences", "rowid"):
            a = by_id[aid]  # an article's sentences are stored in order (`put_many`)
            a.sentences.append(Sentence(i, s, e, a.text[s:e], part))
        for aid, s, e, reason in self._rows_of(by_id, 'start, "end", reason', "excluded", "article_id, start"):
            a = by_id[aid]
            a.excluded.append(Block(s, e, reason, a.text[s:e]))
        return by_id

    def _article_rows(self, cols: str, files: Optional[list[str]]) -> list[tuple]:
        """`cols` of the stored articles (all, or those whose file name is in `files`; the
        column `file` must be among them, second), in the order of `files()`."""
        sql, args = f"SELECT {cols} FROM articles", ()
        if files is not None and len(files) <= _SELECT_IN:
            sql, args = sql + f" WHERE file IN ({', '.join('?' * len(files))})", tuple(files)
        rows = self.conn.execute(sql + " ORDER BY file, id", args)
        if files is None:
            return list(rows)
        wanted = set(files)
        return [r for r in rows if r[1] in wanted]

    def _rows_of(self, by_id: dict, cols: str, table: str, order: str, where: str = "", args: tuple = ()):
        """(article id, *cols) rows of `table` for the articles in `by_id` (and `where`), in
        `order` (within each article: `rowid` is the order they were stored in)."""
        if len(by_id) <= _SELECT_IN:
            return self.conn.execute(f"SELECT article_id, {cols} FROM {table} WHERE article_id IN "
                                     f"({', '.join('?' * len(by_id))}){where} ORDER BY {order}",
                                     tuple(by_id) + args)
        rows = self.conn.execute(f"SELECT article_id, {cols} FROM {table} WHERE 1{where} ORDER BY {order}", args)
        return (r for r in rows if r[0] in by_id)

    def mentions(self, types: Optional[Iterable[str]] = None, files: Optional[list[str]] = None
                 ) -> dict[str, list[Mention]]:
        """Article file name -> its mentions (optionally of some types only, of some files
        only), in text order.

        Each article's mentions are stored in text order (`put_many`), so they are read
        in the table's own order, without a sort."""
        names, texts = {}, {}
        for aid, file, text in self._article_rows("id, file, text", files):
            names[aid], texts[aid] = file, text
        return self._mentions_of(names, texts, types)

    def _mentions_of(self, names: dict[int, str], texts: dict[int, str], types: Optional[Iterable[str]] = None
                     ) -> dict[str, list[Mention]]:
        """`mentions` of the articles whose ids are the keys of `names` (their files) and `texts`."""
        where, args = "", ()
        if types:
            types = tuple(types)
            where, args = f" AND type IN ({', '.join('?' * len(types))})", types
        by_article: dict[int, list[Mention]] = {aid: [] for aid in names}
        values: dict[Optional[str], object] = {None: None}  # each distinct JSON value decoded once
        cols = 'type, start, "end", sentence, key, role, value, unit, kind, qualifier, source'
        for aid, typ, s, e, sent, k, role, value, unit, kind, qual, src in self._rows_of(
                names, cols, "mentions", "rowid", where, args):
            if value not in values:
                values[value] = json.loads(value)
            by_article[aid].append(Mention(typ, s, e, texts[aid][s:e], sent, k, role, values[value],
                                           unit, kind, qual, src))
        out: dict[str, list[Mention]] = {}
        for aid, found in by_article.items():
            if not found:
                continue
            file = names[aid]
            if file in out:  # two stored articles with one file name: merged in text order
                out[file] = sorted(out[file] + found, key=_text_order)
            else:
                out[file] = found
        return out

    def groundwork(self, version: str, files: Optional[list[str]] = None) -> dict[str, tuple]:
        """File -> the groundwork columns (`compare.groundwork.pack`) stored in `version` for
        the stored articles (all, or those named in `files`); none for a file name two
        stored articles share (`mentions` merges theirs, which no stored groundwork matches)."""
        if not self._has("groundwork"):
            return {}
        names = {aid: file for aid, file in self._article_rows("id, file", files)}
        shared = {f for f, n in Counter(names.values()).items() if n > 1}
        return {names[aid]: columns for aid, *columns in self._rows_of(
                    names, "stems, counts, sizes, quotes, figures", "groundwork", "article_id",
                    " AND version = ?", (version,)) if names[aid] not in shared}

    def without_groundwork(self, version: str) -> list[str]:
        """The file names of the stored articles with no groundwork stored in `version`, in
        the order of `files()`."""
        if not self._has("groundwork"):
            return self.files()
        return [r[0] for r in self.conn.execute(
            "SELECT file FROM articles a WHERE NOT EXISTS (SELECT 1 FROM groundwork g WHERE "
            "g.article_id = a.id AND g.version = ?) ORDER BY file, id", (version,))]


class _Transaction:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")
        return False


def _check_header(p: Path) -> None:
    try:
        with p.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"{p}: cannot read the store ({exc.strerror or exc})") from None
    if head != _SQLITE_MAGIC:
        raise StoreError(f"{p}: is not a newsdiff store (not an SQLite file); refusing to touch it")


def _db_message(path: str, exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "readonly" in text or "unable to open" in text:
        return f"{path}: cannot write the store ({text})"
    return f"{path}: the store is corrupt or unreadable ({text}); left untouched"
