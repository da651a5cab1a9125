"""Files -> Articles: discovery of input files and loading of one file.

A text file is one page; a JSON or JSON Lines file holds scraper records, one
article each (see `records`). Each problem becomes a `Refused` with the file (or
record) and a one-line reason, never an exception escaping to the user.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator, Union

from ..errors import Refused
from ..model import Article
from .article import page_article
from .decode import decode
from .records import iter_records

RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}

Loaded = Union[Article, Refused]


def discover(paths: list[str]) -> Iterator[Union[Path, Refused]]:
    """Input files under `paths` (folders walked recursively, hidden entries skipped),
    in a stable order; a path that does not exist is yielded as `Refused`."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            yield from _walk(p)
        elif p.is_file():
            yield p
        elif p.is_symlink():
            yield Refused(str(p), "broken symbolic link")
        else:
            yield Refused(str(p), "no such file or folder")


def _walk(root: Path) -> Iterator[Path]:
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop or a second route to one folder
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def load_file(path: Union[str, Path]) -> list[Loaded]:
    """Load one file: a list of Articles (one for a page, one per record) and of
    `Refused` for the file or for single records that could not be used."""
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except PermissionError:
        return [Refused(name, "cannot read the file: permission denied")]
    except IsADirectoryError:
        return [Refused(name, "is a folder, not a file")]
    except OSError as exc:
        return [Refused(name, f"cannot read the file: {exc.strerror or exc}")]
    try:
        text, encoding = decode(raw, name)
        if path.suffix.lower() in RECORD_SUFFIXES and text.lstrip()[:1] in "[{":
            return list(iter_records(text, encoding, path))
        return [page_article(text, encoding, name, str(path), hashlib.sha256(raw).hexdigest())]
    except Refused as refused:
        return [refused]
