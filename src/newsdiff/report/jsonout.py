"""JSON output: UTF-8, Arabic as written (no \\u escapes), indented by two spaces.

The text is exactly `json.dumps(data, ensure_ascii=False, indent=2)`, but written in
pieces as it is made: the standard library's indenting encoder is pure Python
generators and builds the whole text in memory. Here containers holding only
scalars (most of the rows) go to the C encoder, with the newline and indent of
their items as its item separator.
"""
from __future__ import annotations

import json
import sys
from typing import Any, Callable, TextIO

from json.encoder import c_make_encoder, encode_basestring  # C encoders (ensure_ascii=False)

INDENT = "  "
_CHUNK = 1 << 16  # pieces gathered before each write


def dump(data: Any, out: TextIO | None = None) -> None:
    """Write `data` as indented JSON, then a newline, to `out` (default: stdout)."""
    out = out or sys.stdout
    parts: list[str] = []

    def flush() -> None:
        out.write("".join(parts))
        parts.clear()

    _encode(data, "\n", parts, flush)
    parts.append("\n")
    flush()


_SCALARS = frozenset((str, int, float, bool, type(None)))
_flat_encoders: dict[str, Callable] = {}


def _flat(x: Any, newline: str) -> str | None:
    """`x` encoded by the C encoder if it holds scalars only (else None)."""
    if c_make_encoder is None:
        return None
    values = x.values() if type(x) is dict else x
    for v in values:
        if type(v) not in _SCALARS:
            return None
    inner = newline + INDENT
    enc = _flat_encoders.get(inner)
    if enc is None:
        enc = _flat_encoders[inner] = c_make_encoder(
            None, _unserialisable, encode_basestring, None, ": ", "," + inner, False, False, True)
    body = "".join(enc(x, 0))
    return body[0] + inner + body[1:-1] + newline + body[-1]


def _unserialisable(x: Any) -> None:
    raise TypeError(f"Object of type {type(x).__name__} is not JSON serializable")


def _scalar(x: Any) -> str:
    if x is None:
        return "null"
    if x is True:
        return "true"
    if x is False:
        return "false"
    t = type(x)
    if t is str:
        return encode_basestring(x)
    if t is int:
        return int.__repr__(x)
    return json.dumps(x, ensure_ascii=False)  # floats (NaN, Infinity), subclasses; TypeError otherwise


def _key(k: Any) -> str:
    if isinstance(k, str):
        return encode_basestring(k)
    if k is None or isinstance(k, (bool, int, float)):
        return encode_basestring(_scalar(k))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")


def _encode(x: Any, newline: str, parts: list[str], flush: Callable[[], None]) -> None:
    """Append the pieces of `x`; `newline` is a newline and the indent of x's own line."""
    if isinstance(x, dict):
        if not x:
            parts.append("{}")
            return
        if type(x) is dict and all(type(k) is str for k in x):
            flat = _flat(x, newline)
            if flat is not None:
                parts.append(flat)
                return
        inner = newline + INDENT
        sep = "{" + inner
        for k, v in x.items():
            parts.append(sep)
            parts.append(_key(k))
            parts.append(": ")
            if type(v) is str:
                parts.append(encode_basestring(v))
            else:
                _encode(v, inner, parts, flush)
            sep = "," + inner
        parts.append(newline + "}")
    elif isinstance(x, (list, tuple)):
        if not x:
            parts.append("[]")
            return
        if type(x) is list:
            flat = _flat(x, newline)
            if flat is not None:
                parts.append(flat)
                return
        inner = newline + INDENT
        sep = "[" + inner
        for v in x:
            parts.append(sep)
            if type(v) is str:
                parts.append(encode_basestring(v))
            else:
                _encode(v, inner, parts, flush)
            sep = "," + inner
        parts.append(newline + "]")
        if len(parts) > _CHUNK:
            flush()
    else:
        parts.append(_scalar(x))
