"""Check that newsdiff.normalize.fold_char equals camel-tools' normalisers on every code point.

    python bench/check_fold.py
"""
from __future__ import annotations

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                         normalize_teh_marbuta_ar, normalize_unicode)

from newsdiff.normalize import _DIGITS, _DROP, _EXTRA, fold_char


def camel_fold_char(ch: str) -> str:
    """fold_char as it was written on top of camel-tools."""
    if ch in _DROP:
        return ""
    if ch in _DIGITS:
        return _DIGITS[ch]
    out = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(ch)))))
    return "".join(_EXTRA.get(c, _DIGITS.get(c, c)) for c in out if c not in _DROP).lower()


def main() -> None:
    bad = [hex(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF
           and fold_char(chr(c)) != camel_fold_char(chr(c))]
    print(f"{len(bad)} code points differ" + (": " + " ".join(bad[:20]) if bad else ""))
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
