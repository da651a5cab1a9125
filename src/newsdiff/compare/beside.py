"""One step run in a forked copy of the process while the caller does another.

The child shares the caller's memory as it was at the fork (nothing is pickled but
the result it sends back), so a step over large data built in the caller costs no
copying. A child that fails or dies leaves the step to the caller.
"""
from __future__ import annotations

import multiprocessing
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def beside(step: Callable[..., T], *args: Any) -> Callable[[], T]:
    """Start `step(*args)` in a forked child; the returned function waits for its result
    (or runs the step itself if the child failed)."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_run, args=(send, step, args), daemon=True)
    child.start()
    send.close()

    def result() -> T:
        try:
            done, value = receive.recv()
        except (EOFError, OSError):  # the child died (killed, out of memory)
            done, value = False, None
        finally:
            receive.close()
            child.join()
        return value if done else step(*args)

    return result


def _run(send, step: Callable, args: tuple) -> None:
    """The child: send (True, result), or (False, None) if the step raised."""
    try:
        out = (True, step(*args))
    except BaseException:
        out = (False, None)
    send.send(out)
    send.close()

