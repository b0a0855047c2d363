"""Statements run beside Python work share this thread's connection and transaction."""

import threading
import time

import pytest
from django.db import connection, transaction

from reunify.db_beside import statements_beside

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def _scalar(sql: str) -> object:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def test_the_statements_run_in_this_transaction_and_in_another_thread() -> None:
    ran_in: list[str] = []

    def work() -> object:
        ran_in.append(threading.current_thread().name)
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO beside_probe VALUES (1)")
        return _scalar("SELECT txid_current()")

    with transaction.atomic():
        # A temporary table: only this session sees it.
        with connection.cursor() as cursor:
            cursor.execute("CREATE TEMP TABLE beside_probe (n int) ON COMMIT DROP")
        this_transaction = _scalar("SELECT txid_current()")
        with statements_beside(work) as written:
            pass
        assert written.result() == this_transaction
        assert _scalar("SELECT count(*) FROM beside_probe") == 1
    assert ran_in != [threading.current_thread().name]


def test_python_work_in_the_block_runs_while_the_server_works() -> None:
    started = time.perf_counter()
    with transaction.atomic(), statements_beside(lambda: _scalar("SELECT pg_sleep(1), 1")):
        busy_until = time.perf_counter() + 1
        while time.perf_counter() < busy_until:  # computing, holding the interpreter
            pass

    assert time.perf_counter() - started < 1.8  # side by side, not one after the other


def test_an_error_in_the_statements_is_raised_by_the_result() -> None:
    with transaction.atomic():
        with statements_beside(lambda: _scalar("SELECT 1 / 0")) as written:
            pass
        with pytest.raises(Exception, match="division by zero"):
            written.result()
        transaction.set_rollback(True)


def test_a_failing_block_cancels_the_statement_and_raises_its_own_error() -> None:
    started = time.perf_counter()
    with (
        pytest.raises(RuntimeError, match="the block failed"),
        transaction.atomic(),
        statements_beside(lambda: _scalar("SELECT pg_sleep(30)")),
    ):
        raise RuntimeError("the block failed")
    assert time.perf_counter() - started < 10
