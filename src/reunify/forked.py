"""Work done in a forked process beside this one, while this one does other work.

A national linkage run reads a million staged records and reshapes them on one core
while the other stands idle; `computed_beside` hands part of such work to a forked copy
of this process and takes its answer back, pickled, when asked for it.

The work must need nothing but what it was given: no database (the forked process
inherits this one's connection and must never use it), no files it writes for this one.
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

T = TypeVar("T")

# What a forked process sends when its work failed: "do it yourself".
_FAILED = b""


def can_fork() -> bool:
    """Forking is worth it here: a second core and a system that forks."""
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def computed_beside(work: Callable[[], T], *, fork: bool = True) -> Iterator[Callable[[], T]]:
    """Start `work` in a forked process now (`fork` and `can_fork()`, else not at all);
    the block is given a function that returns its answer, waiting for it."""
    if not (fork and can_fork()):
        yield work
        return
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(
        target=_answer, args=(work, sending), name="reunify-beside", daemon=True
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


def _answer(work: Callable[[], T], sending: Connection) -> None:
    try:
        sent = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # done again by the process that asked, which raises it there
        sent = _FAILED
    sending.send_bytes(sent)
    sending.close()
