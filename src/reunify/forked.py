"""Work done in a forked process beside this one, while this one does other work.

A national linkage run reads a million staged records and reshapes them on one core
while the other stands idle; `computed_beside` hands part of such work to a forked copy
of this process and takes its answer back, pickled, when asked for it.

The work must need nothing but what it was given, no files it writes for this one, and
no database unless it asks for connections of its own (`own_connections`): a forked
process inherits this one's connections and must never use them. With its own, this
one's are closed before the fork (they open again when next used: there must be no
transaction open), the forked process opens its own and closes them when done; it sees
what this one has committed, nothing more.

The forked process ends with the block: once it has answered, or, if this one stops
first, ended at once. If it fails or dies, the work is done again here when its answer is
asked for, so that a real error is raised here, with its traceback, and a process killed
from outside (by the system, short of memory) costs time, not the run.
"""

import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import TypeVar

from django.db import connections

T = TypeVar("T")

# What a forked process sends when its work failed: "do it yourself".
_FAILED = b""


def can_fork() -> bool:
    """Forking is worth it here: a second core and a system that forks."""
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def computed_beside(
    work: Callable[[], T], *, fork: bool = True, own_connections: bool = False
) -> Iterator[Callable[[], T]]:
    """Start `work` in a forked process now (`fork` and `can_fork()`, else not at all);
    the block is given a function that returns its answer, waiting for it (call it once).
    `own_connections`: the work uses the database (see above)."""
    if not (fork and can_fork()):
        yield work
        return
    if own_connections:
        if any(connection.in_atomic_block for connection in connections.all()):
            raise RuntimeError("a forked process cannot share an open transaction")
        connections.close_all()
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(
        target=_answer,
        args=(work, sending, own_connections),
        name="reunify-beside",
        daemon=True,
    )
    process.start()
    sending.close()  # the forked process holds its own end; EOF when it is gone

    def answer() -> T:
        try:
            sent = receiving.recv_bytes()
        except EOFError:  # it died before answering
            sent = _FAILED
        if sent == _FAILED:
            return work()
        answered: T = pickle.loads(sent)  # noqa: S301 (from our own forked process)
        return answered

    try:
        yield answer
    finally:
        receiving.close()
        if process.is_alive():
            process.terminate()
        process.join()


def _answer(work: Callable[[], T], sending: Connection, own_connections: bool) -> None:
    try:
        sent = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # done again by the process that asked, which raises it there
        sent = _FAILED
    finally:
        if own_connections:
            connections.close_all()
    sending.send_bytes(sent)
    sending.close()
