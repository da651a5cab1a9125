"""JSON output: UTF-8, Arabic as written (no \\u escapes), indented by two spaces.

orjson writes it (an order of magnitude faster than the standard library's
indenting encoder, which is pure Python); the text is that of
`json.dumps(data, ensure_ascii=False, indent=2)`. Dataclasses are written as the
dicts of their fields. What orjson refuses (integers beyond 64 bits, lone
surrogates) goes to the standard library instead.
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict, is_dataclass
from typing import Any, TextIO

import orjson

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS | orjson.OPT_APPEND_NEWLINE


def dump(data: Any, out: TextIO | None = None) -> None:
    """Write `data` as indented JSON, then a newline, to `out` (default: stdout)."""
    out = out or sys.stdout
    try:
        encoded = orjson.dumps(data, option=_OPTIONS)
    except orjson.JSONEncodeError:
        out.write(json.dumps(data, ensure_ascii=False, indent=2, default=_plain) + "\n")
        return
    out.flush()
    buffer = getattr(out, "buffer", None)
    if buffer is not None and (getattr(out, "encoding", "") or "").lower().replace("-", "") == "utf8":
        buffer.write(encoded)
        buffer.flush()
    else:
        out.write(encoded.decode("utf-8"))


def _plain(x: Any) -> Any:
    if is_dataclass(x) and not isinstance(x, type):
        return asdict(x)
    raise TypeError(f"Object of type {type(x).__name__} is not JSON serializable")
