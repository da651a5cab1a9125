"""Building large results, and long runs, with less of the cyclic garbage collector.

Articles, mentions, entities and comparison rows hold no reference cycles, so
reference counting frees them. The cyclic collector would only re-scan the millions
of live objects again and again while they are built (a third of `compare`'s time
at 2,000 articles); it is paused meanwhile, and what was built is then left out of
later collections (`gc.freeze`). An ingest allocates and frees small objects by the
million while its word caches grow: there it runs rarely (`rare_collections`). Groups
merged by union-find join their parts into the larger one (`combined`).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

RARE_THRESHOLD = 20_000  # allocations between collections of young objects (Python's default: 700)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector for the block; freeze what exists at its end."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def rare_collections() -> tuple[int, int, int]:
    """Collect young objects every RARE_THRESHOLD allocations from now on (~7% of an
    ingest's time went to collections otherwise); returns the thresholds before."""
    before = gc.get_threshold()
    gc.set_threshold(RARE_THRESHOLD, *before[1:])
    return before


def combined(x, y):
    """Lists, sets or dicts x and y as one, the smaller added to the larger, which is
    reused (so that merging groups costs the size of the smaller)."""
    if len(x) < len(y):
        x, y = y, x
    if isinstance(x, list):
        x += y
    else:
        x.update(y)
    return x
