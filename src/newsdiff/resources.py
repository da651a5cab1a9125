"""Where the shipped seeds (YAML, gazetteers) and model files are found.

Installed, they live inside the package (`newsdiff/seeds`, `newsdiff/data`); in a
source checkout, `seeds/` is at the repository's top.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

_PACKAGE = Path(__file__).resolve().parent


def seeds_dir() -> Path:
    """The seeds folder: the package's own copy if installed, else the repository's."""
    bundled = _PACKAGE / "seeds"
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent.parent / "seeds"


def data_dir() -> Path:
    """The folder of shipped model files."""
    return _PACKAGE / "data"


def digest(files: Iterable[Path], extra: str = "") -> str:
    """A short digest of the names and contents of `files`, and of `extra`."""
    out = hashlib.sha256()
    for f in files:
        out.update(f.name.encode())
        out.update(f.read_bytes())
    out.update(extra.encode())
    return out.hexdigest()[:12]
