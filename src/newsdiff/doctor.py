"""`newsdiff doctor`: which taggers, optional dependencies and camel-tools data are usable.

Every check is cheap: packages are looked up (`importlib.util.find_spec`) and their
version read from metadata, never imported, so torch is not loaded here.
"""
from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from importlib import metadata

MIN_PYTHON = (3, 10)

__all__ = ["Check", "checks"]


@dataclass
class Check:
    """One line of the report: what was checked, whether it is fine, and why."""

    name: str
    ok: bool
    detail: str


def _package(name: str, module: str, purpose: str) -> Check:
    if importlib.util.find_spec(module) is None:
        return Check(name, False, f"not installed ({purpose}): pip install {name}")
    try:
        version = metadata.version(name)
    except metadata.PackageNotFoundError:
        version = "version unknown"
    return Check(name, True, f"{version} ({purpose})")


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info[:2] >= MIN_PYTHON
    need = ".".join(map(str, MIN_PYTHON))
    return Check("python", ok, f"{version} at {sys.executable}" + ("" if ok else f"; newsdiff needs {need} or newer"))


def _builtin() -> Check:
    try:
        from .tagging.builtin import available
    except ImportError as exc:
        return Check("built-in tagger", False, f"not installed ({exc})")
    ok, reason = available()
    return Check("built-in tagger", ok, reason)


def _camel_model() -> Check:
    from .tagging.camel import camel_status, data_dir

    ok, reason = camel_status()
    return Check("camel-tools NER model", ok, f"{reason} (data folder {data_dir()})" if ok else reason)


def checks() -> list[Check]:
    """All checks, in report order."""
    return [
        _python(),
        _builtin(),
        _package("camel-tools", "camel_tools", "normalisation, tokenizer, CAMeLBERT tagger"),
        _camel_model(),
        _package("torch", "torch", "needed by the camel tagger"),
        _package("dateparser", "dateparser", "dates"),
        _package("charset-normalizer", "charset_normalizer", "encoding detection"),
    ]
