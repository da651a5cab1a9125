"""Building large results without the cyclic garbage collector.

Articles, mentions, entities and comparison rows hold no reference cycles, so
reference counting frees them. The cyclic collector would only re-scan the millions
of live objects again and again while they are built (a third of `compare`'s time
at 2,000 articles); it is paused meanwhile, and what was built is then left out of
later collections (`gc.freeze`).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


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
