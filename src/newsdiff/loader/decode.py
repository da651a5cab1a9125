"""Bytes -> text: encoding detection with charset-normalizer, refusal of non-text.

Strict UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as such; anything
else goes to charset-normalizer, and among the encodings it finds plausible the one
giving the most Arabic letters wins (short Windows-1256 texts are otherwise
sometimes read as Cyrillic). The decoded text is stored exactly: CRLF and NBSP
survive as characters; only a leading BOM is dropped.
"""
from __future__ import annotations

import re

from ..errors import Refused

_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]+")
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}


def arabic_letters(text: str) -> int:
    """How many Arabic letters `text` holds."""
    return sum(map(len, _ARABIC_LETTERS.findall(text)))


def shown(name: str) -> str:
    """A file name as text that can be printed and stored: bytes that are not UTF-8
    (kept by Python as lone surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Decode `raw` (the bytes of file `name`) and return (text, encoding name).

    Raises `Refused` for binary data and for empty or whitespace-only files.
    """
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            raise Refused(name, f"not a text file ({what})")
    if raw.startswith(b"\xef\xbb\xbf"):
        text, enc = _strict(raw[3:], "utf-8", name), "utf-8-sig"
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16-le" if raw.startswith(b"\xff\xfe") else "utf-16-be"
        text = _strict(raw[2:], enc, name)
    else:
        try:
            text, enc = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = _detect(raw, name)
    if "\x00" in text and text.count("\x00") > len(text) // 100:
        raise Refused(name, "not a text file (binary data)")
    if not text.strip():
        raise Refused(name, "empty file" if not text else "file holds only whitespace")
    return text, enc


def _strict(raw: bytes, encoding: str, name: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Refused(name, f"declares {encoding} by its BOM but is not valid {encoding} "
                            f"(byte {exc.start})") from None


def _detect(raw: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        raise Refused(name, "not a text file (binary data or unknown encoding)")
    best = max(matches, key=lambda m: (arabic_letters(str(m)), -matches.index(m)))
    return str(best), best.encoding
