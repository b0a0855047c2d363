"""Seconds per stage of a linkage run, kept in `LinkageRun.seconds` (issue 5 asks for
the time of each stage of a national run)."""

import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    """Add the seconds the block takes to `seconds[stage]`."""
    started = time.perf_counter()
    yield
    seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - started
