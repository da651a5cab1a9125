"""Files -> Articles: discovery of input files and loading of one file.

A text file is one page; a JSON or JSON Lines file holds scraper records, one
article each (see `records`). Each problem becomes a `Refused` with the file (or
record) and a one-line reason, never an exception escaping to the user.

Files larger than MAX_PAGE_BYTES (pages) or MAX_RECORDS_BYTES (JSON / JSON Lines)
are refused before they are read, as are special files (pipes, devices) and
folders that cannot be listed. File names that are not valid UTF-8 are shown and
stored with U+FFFD in place of the undecodable bytes.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Iterator, Union

from ..errors import Refused
from ..model import Article
from .article import page_article
from .decode import decode, shown
from .records import iter_records

RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}
MAX_PAGE_BYTES = 5 * 2**20       # one article page: real ones are well under 1 MB
MAX_RECORDS_BYTES = 100 * 2**20  # a scraper's JSON / JSON Lines file: split larger ones

Loaded = Union[Article, Refused]


def discover(paths: list[str]) -> Iterator[Union[Path, Refused]]:
    """Input files under `paths` (folders walked recursively, hidden entries skipped),
    in a stable order; a path that does not exist is yielded as `Refused`."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            yield from _walk(p)
        elif p.exists():
            yield p
        elif p.is_symlink():
            yield Refused(shown(str(p)), "broken symbolic link")
        else:
            yield Refused(shown(str(p)), "no such file or folder")


def _walk(root: Path) -> Iterator[Union[Path, Refused]]:
    seen: set[str] = set()
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(root, followlinks=True, onerror=errors.append):
        yield from _unlisted(errors)
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop or a second route to one folder
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name
    yield from _unlisted(errors)


def _unlisted(errors: list[OSError]) -> Iterator[Refused]:
    """Folders os.walk could not list, as refusals."""
    for exc in errors:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or str(exc)
        yield Refused(shown(str(exc.filename)), f"cannot read the folder: {reason}")
    errors.clear()


def load_file(path: Union[str, Path]) -> list[Loaded]:
    """Load one file: a list of Articles (one for a page, one per record) and of
    `Refused` for the file or for single records that could not be used."""
    path = Path(path)
    name = shown(path.name)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return [Refused(name, "is a folder, not a file")]
        if not stat.S_ISREG(info.st_mode):
            return [Refused(name, "not a regular file (a pipe, socket or device)")]
        records = path.suffix.lower() in RECORD_SUFFIXES
        limit = MAX_RECORDS_BYTES if records else MAX_PAGE_BYTES
        if info.st_size > limit:
            return [Refused(name, f"too large ({info.st_size / 2**20:.0f} MB; the limit is {limit >> 20} MB "
                                  f"for {'a file of records' if records else 'one page'})")]
        raw = path.read_bytes()
    except PermissionError:
        return [Refused(name, "cannot read the file: permission denied")]
    except IsADirectoryError:
        return [Refused(name, "is a folder, not a file")]
    except OSError as exc:
        return [Refused(name, f"cannot read the file: {exc.strerror or exc}")]
    try:
        text, encoding = decode(raw, name)
        if records and text.lstrip()[:1] in "[{":
            return list(iter_records(text, encoding, path))
        return [page_article(text, encoding, name, shown(str(path)), hashlib.sha256(raw).hexdigest())]
    except Refused as refused:
        return [refused]
