"""Sentence splitting with exact character offsets.

Splits at . ! ? ؟ … (with any closing quotes or brackets after them) followed by
whitespace; never inside a number ("2.5"), after a one-letter abbreviation ("د.")
or at the Arabic comma or a colon, which join clauses of one sentence in news
prose. camel-tools has no splitter, and pysbd splits at "،" (see FACTS.md).
"""
from __future__ import annotations

import re

# A match starts only where a run of marks starts (or one mark later, after "2.5"): trying
# every position of a long run of dots made splitting quadratic. The pattern opens with the
# mark itself (its conditions looked at from after it), so the regex engine skips straight
# to the marks instead of testing the conditions at every character (ten times faster).
_MARK = "[.!?؟…]"
_END = re.compile(rf"{_MARK}(?:(?<!{_MARK}{_MARK})|(?<=\d\.\d{_MARK}{_MARK}))(?<!\d\.\d{_MARK}){_MARK}*"
                  r"['\"”»’)\]]*(?=\s|$)")
_ABBREV = re.compile(r"(?:^|\s)\S\.$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (s, e) of the sentences of text[start:end], trimmed of whitespace."""
    spans, cur = [], start
    chunk = text[start:end]
    for m in _END.finditer(chunk):
        stop = start + m.end()
        # only the last three characters can make an abbreviation ("د."): looking at
        # more made long lines of "د. د. د." quadratic
        if _ABBREV.search(text[max(cur, start + m.start() - 2):start + m.start() + 1]):
            continue
        _add(text, cur, stop, spans)
        cur = stop
    _add(text, cur, end, spans)
    return spans


def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
