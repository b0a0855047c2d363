"""An extract's rows read and standardised in chunks, in this process or in others.

Reading a row (parsing, standardising names, dates, countries…) is most of an import's
work and needs no database; staging it is the rest. On a machine with more than one core,
one forked process per core reads ahead, taking turns by chunk, while this one stages, a
few chunks at most each, so memory stays flat whatever the file's size. Chunks arrive in
the file's order either way, so an import's result does not depend on which way it was
read.
"""

import gc
import multiprocessing
import os
from collections.abc import Generator
from itertools import count
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from queue import Empty, Full
from typing import Any

from reunify.imports.errors import ExtractRefused
from reunify.imports.extract_file import ExtractScan, chunked_fields, extract_row
from reunify.imports.row_reading import ReadChunk, read_chunk

# Chunks each reader reads ahead of the one being staged: enough to keep them busy.
CHUNKS_AHEAD = 4
# Below this many rows starting a process costs more than it saves.
ROWS_WORTH_A_PROCESS = 20_000
# How often a waiting import checks that the reading process is still alive.
WAIT_SECONDS = 1.0


def read_chunks(
    scan: ExtractScan, size: int, *, turn: int = 0, turns: int = 1
) -> Generator[ReadChunk, None, None]:
    """The file's rows, read, `size` at a time, in this process; with `turns`, only every
    `turns`-th chunk from the `turn`-th (counted from 0), the others skipped unread."""
    for index, (first, fields_of_rows) in enumerate(chunked_fields(scan, size)):
        if index % turns == turn:
            rows = [
                extract_row(scan, number, fields)
                for number, fields in enumerate(fields_of_rows, start=first)
            ]
            yield read_chunk(scan.source, rows, scan)


def readers_that_help(scan: ExtractScan) -> int:
    """How many processes should read the file beside the importing one: none for a small
    file, else one per core (the importing process mostly waits on them and the server)."""
    if scan.rows < ROWS_WORTH_A_PROCESS or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


class _Finished:
    """Sent by a reading process after its last chunk."""


class _Failed:
    """Sent by a reading process when a row could not be read: why, as text (an exception
    object may not survive the trip between processes)."""

    def __init__(self, error: Exception) -> None:
        self.reason = f"{type(error).__name__}: {error}"


def _read_into(
    scan: ExtractScan, size: int, queue: "Queue[Any]", importer: int, turn: int, turns: int
) -> None:
    # Every object inherited from the importing process lives as long as this one: frozen,
    # the collector stops walking them again and again while the chunks churn.
    gc.freeze()
    try:
        for chunk in read_chunks(scan, size, turn=turn, turns=turns):
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


def read_chunks_beside(
    scan: ExtractScan, size: int, *, readers: int = 1
) -> Generator[ReadChunk, None, None]:
    """The same chunks as `read_chunks`, read by `readers` other processes taking turns
    (the first reads chunks 0, n, 2n…, the second 1, n + 1…), handed back in order.

    The processes are forked: they inherit the loaded code and touch nothing but the file
    (never the database connection they inherit), and they end with this generator, also
    when the import stops half-way. If one fails or dies, the import stops with
    `ExtractRefused`; what was staged before stays, and running the import again resumes."""
    context = multiprocessing.get_context("fork")
    queues: list[Queue[Any]] = [context.Queue(maxsize=CHUNKS_AHEAD) for _ in range(readers)]
    processes = [
        context.Process(
            target=_read_into,
            args=(scan, size, queue, os.getpid(), turn, readers),
            name=f"reunify-read-ahead-{turn + 1}",
            daemon=True,
        )
        for turn, queue in enumerate(queues)
    ]
    for process in processes:
        process.start()
    try:
        for index in count():
            item = _next_from(queues[index % readers], processes[index % readers])
            if isinstance(item, _Finished):
                break
            if isinstance(item, _Failed):
                raise ExtractRefused(f"reading {scan.path.name} stopped: {item.reason}")
            yield item
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for queue in queues:
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
