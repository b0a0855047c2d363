"""Database statements run beside Python work, on the same connection and transaction.

A national family-records refresh spends minutes in PostgreSQL selecting and writing
persons and custody, and most of a minute in Python building family units, which needs
nothing from the database. `statements_beside` runs the one beside the other: the
statements go from a second thread over this thread's connection (so in the same
transaction, seeing the same temporary tables) while this thread computes. The second
thread waits on the server with the interpreter's lock released, so the server and the
Python work use both cores instead of taking turns on one.

`connection_apart` is the other way: a connection of its own, outside this one's
transaction, for reading what is committed while this one is busy.
"""

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections

T = TypeVar("T")


@contextmanager
def statements_beside(work: Callable[[], T]) -> Iterator[Future[T]]:
    """Run `work` in another thread on this thread's database connection while the block
    runs; the block must not use the database meanwhile. Leaving the block waits for
    `work`; its result (or error) is the future's. If the block fails, the statement
    running is cancelled: the transaction fails anyway."""
    shared = connections[DEFAULT_DB_ALIAS]
    shared.ensure_connection()

    def on_the_shared_connection() -> T:
        connections[DEFAULT_DB_ALIAS] = shared
        return work()

    shared.inc_thread_sharing()
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="reunify-beside") as pool:
            future = pool.submit(on_the_shared_connection)
            try:
                yield future
            except BaseException:
                if not future.done():
                    shared.connection.cancel_safe()
                raise
            finally:
                wait([future])
    finally:
        shared.dec_thread_sharing()


@contextmanager
def connection_apart() -> Iterator[Any]:
    """A new connection to the default database (psycopg's, opened as Django opens
    its own), closed when the block ends. It sees only what is committed: not this
    connection's transaction."""
    shared = connections[DEFAULT_DB_ALIAS]
    apart = shared.get_new_connection(shared.get_connection_params())
    try:
        yield apart
    finally:
        apart.close()
