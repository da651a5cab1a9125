"""JSON output: UTF-8, Arabic as written (no \\u escapes), indented by two spaces.

The text is exactly `json.dumps(data, ensure_ascii=False, indent=2)`, but written in
pieces as it is made: the standard library's indenting encoder is pure Python
generators and builds the whole text in memory. Here containers of scalars, and
lists of such dicts (most of the rows), go to the C encoder, with the newline and
indent of their items as its item separator. A raw newline never occurs inside a
JSON string, so the separators it writes can be found and re-indented.
"""
from __future__ import annotations

import json
import sys
from json.encoder import c_make_encoder, encode_basestring  # C encoders (ensure_ascii=False)
from typing import Any, Callable, TextIO

INDENT = "  "
_CHUNK = 1 << 16  # pieces gathered before each write
_SCALARS = frozenset((str, int, float, bool, type(None)))
_STR = frozenset((str,))
_encoders: dict[str, Callable] = {}


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


def _flat_dict(x: Any) -> bool:
    return type(x) is dict and _STR.issuperset(map(type, x)) and _SCALARS.issuperset(map(type, x.values()))


def _c_encoded(x: Any, separator: str) -> str:
    """x by the C encoder, items separated by `separator`."""
    enc = _encoders.get(separator)
    if enc is None:
        enc = _encoders[separator] = c_make_encoder(
            None, _unserialisable, encode_basestring, None, ": ", separator, False, False, True)
    return "".join(enc(x, 0))


def _flat(x: Any, newline: str) -> str:
    """A non-empty dict or list of scalars."""
    inner = newline + INDENT
    body = _c_encoded(x, "," + inner)
    return body[0] + inner + body[1:-1] + newline + body[-1]


def _rows(x: list, newline: str) -> str:
    """A list of non-empty dicts of scalars: their items are one level deeper than the
    dicts, whose separators ("}" + separator + "{") are re-indented."""
    inner, deeper = newline + INDENT, newline + INDENT + INDENT
    body = _c_encoded(x, "," + deeper)[2:-2]  # without "[{" and "}]"
    rows = body.split("}," + deeper + "{")
    return "[" + inner + "{" + deeper + (inner + "}," + inner + "{" + deeper).join(rows) + \
        inner + "}" + newline + "]"


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
        elif c_make_encoder is not None and _flat_dict(x):
            parts.append(_flat(x, newline))
        else:
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
        elif c_make_encoder is not None and type(x) is list and _SCALARS.issuperset(map(type, x)):
            parts.append(_flat(x, newline))
        elif c_make_encoder is not None and type(x) is list and all(d and _flat_dict(d) for d in x):
            parts.append(_rows(x, newline))
        else:
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
