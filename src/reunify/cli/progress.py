"""Progress bars for long commands: on a terminal's stderr, silent in pipes and files."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tqdm import tqdm


@contextmanager
def progress_bar(
    description: str, total: int | None = None, *, unit: str = " entries"
) -> Iterator["tqdm[Any]"]:
    """A bar on a terminal's stderr; nothing when output goes to a file or a pipe, so
    stdout stays the command's answer alone."""
    with tqdm(
        desc=description,
        total=total,
        unit=unit,
        unit_scale=True,
        disable=not sys.stderr.isatty(),
        file=sys.stderr,
    ) as bar:
        yield bar
