"""An extract's rows read and standardised in chunks, in this process or in a second one.

Reading a row (parsing, standardising names, dates, countries…) is two thirds of an
import's work and needs no database; staging it is the rest. On a machine with a spare
core a second process reads ahead while this one stages, a few chunks at most, so memory
stays flat whatever the file's size. Chunks arrive in the file's order either way, so an
import's result does not depend on which way it was read.
"""

import multiprocessing
import os
from collections.abc import Generator
from itertools import islice
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from queue import Empty, Full
from typing import Any

from reunify.imports.errors import ExtractRefused
from reunify.imports.extract_file import ExtractScan, extract_rows
from reunify.imports.row_reading import ReadChunk, read_chunk

# Chunks read ahead of the one being staged: enough to keep both processes busy.
CHUNKS_AHEAD = 4
# Below this many rows starting a process costs more than it saves.
ROWS_WORTH_A_PROCESS = 20_000
# How often a waiting import checks that the reading process is still alive.
WAIT_SECONDS = 1.0


def read_chunks(scan: ExtractScan, size: int) -> Generator[ReadChunk, None, None]:
    """The file's rows, read, `size` at a time, in this process."""
    rows = extract_rows(scan)
    while chunk := list(islice(rows, size)):
        yield read_chunk(scan.source, chunk, scan)


def second_process_helps(scan: ExtractScan) -> bool:
    return (
        scan.rows >= ROWS_WORTH_A_PROCESS
        and (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


class _Finished:
    """Sent by the reading process after its last chunk."""


class _Failed:
    """Sent by the reading process when a row could not be read: why, as text (an
    exception object may not survive the trip between processes)."""

    def __init__(self, error: Exception) -> None:
        self.reason = f"{type(error).__name__}: {error}"


def _read_into(scan: ExtractScan, size: int, queue: "Queue[Any]", importer: int) -> None:
    try:
        for chunk in read_chunks(scan, size):
            _hand_over(chunk, queue, importer)
    except Exception as error:  # handed to the importing process, which reports it
        _hand_over(_Failed(error), queue, importer)
    else:
        _hand_over(_Finished(), queue, importer)


def _hand_over(item: Any, queue: "Queue[Any]", importer: int) -> None:
    """Put `item` on the queue, waiting while it is full; if the importing process is
    gone (killed), end this one at once rather than wait forever."""
    while True:
        try:
            queue.put(item, timeout=WAIT_SECONDS)
            return
        except Full:
            if os.getppid() != importer:
                os._exit(0)


def read_chunks_beside(scan: ExtractScan, size: int) -> Generator[ReadChunk, None, None]:
    """The same chunks as `read_chunks`, read by a second process.

    The process is forked: it inherits the loaded code and touches nothing but the file
    (never the database connection it inherits), and it ends with this generator, also
    when the import stops half-way. If it fails or dies, the import stops with
    `ExtractRefused`; what was staged before stays, and running the import again resumes."""
    context = multiprocessing.get_context("fork")
    queue: Queue[Any] = context.Queue(maxsize=CHUNKS_AHEAD)
    reader = context.Process(
        target=_read_into,
        args=(scan, size, queue, os.getpid()),
        name="reunify-read-ahead",
        daemon=True,
    )
    reader.start()
    try:
        while True:
            item = _next_from(queue, reader)
            if isinstance(item, _Finished):
                break
            if isinstance(item, _Failed):
                raise ExtractRefused(f"reading {scan.path.name} stopped: {item.reason}")
            yield item
    finally:
        if reader.is_alive():
            reader.terminate()
        reader.join()
        queue.close()


def _next_from(queue: "Queue[Any]", reader: BaseProcess) -> Any:
    while True:
        try:
            return queue.get(timeout=WAIT_SECONDS)
        except Empty:
            if not reader.is_alive() and queue.empty():
                raise ExtractRefused(
                    f"the process reading the file stopped (exit code {reader.exitcode})"
                ) from None
