"""CSV output: one row per mention, with its entity and provenance."""
from __future__ import annotations

import csv
import sys

COLUMNS = ("type", "entity", "surface", "article", "sentence", "start", "end",
           "role", "value", "unit", "kind", "qualifier")


def write_mentions(entities: list) -> None:
    """Write every mention of `entities` to stdout as CSV."""
    out = csv.writer(sys.stdout)
    out.writerow(COLUMNS)
    for e in entities:
        for article, m in e.mentions:
            out.writerow([e.type, e.name, m.surface, article, m.sentence, m.start, m.end,
                          m.role or "", "" if m.value is None else m.value, m.unit or "",
                          m.kind or "", m.qualifier or ""])
