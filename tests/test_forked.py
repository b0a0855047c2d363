"""Work done in a forked process beside this one, its answer taken back."""

import multiprocessing
import os

import pytest
from django.db import connection, transaction

from reunify.accounts.models import User
from reunify.forked import can_fork, computed_beside

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs a second core and fork")


def test_the_work_is_done_in_another_process_and_its_answer_comes_back() -> None:
    here = os.getpid()

    with computed_beside(lambda: (os.getpid(), list(range(100_000)))) as answer:
        pid, numbers = answer()

    assert pid != here
    assert numbers == list(range(100_000))


def test_without_fork_the_work_is_done_here_when_its_answer_is_asked_for() -> None:
    done: list[int] = []

    with computed_beside(lambda: done.append(os.getpid()) or "done", fork=False) as answer:
        assert done == []
        assert answer() == "done"

    assert done == [os.getpid()]


def test_work_that_fails_beside_is_done_again_here_and_raises_its_own_error() -> None:
    def work() -> int:
        raise LookupError("no such source")

    with computed_beside(work) as answer, pytest.raises(LookupError, match="no such source"):
        answer()


def test_work_whose_process_dies_is_done_here() -> None:
    here = os.getpid()

    def work() -> str:
        if os.getpid() != here:
            os._exit(9)  # as if the system had killed it
        return "done here"

    with computed_beside(work) as answer:
        assert answer() == "done here"


def test_a_block_left_before_the_answer_ends_the_process() -> None:
    def beside() -> list[str]:
        return [c.name for c in multiprocessing.active_children() if c.name == "reunify-beside"]

    with computed_beside(lambda: list(range(10_000_000))):
        assert beside() == ["reunify-beside"]

    assert beside() == []


def _users_and_backend() -> tuple[list[str], int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (backend,) = cursor.fetchone()
    return sorted(User.objects.values_list("username", flat=True)), backend


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres_only
def test_work_with_connections_of_its_own_reads_what_was_committed(ada: User) -> None:
    here = _users_and_backend()[1]

    with computed_beside(_users_and_backend, own_connections=True) as answer:
        assert _users_and_backend()[0] == ["ada"]  # this one's connection opens again
        users, backend = answer()

    assert users == ["ada"]
    assert backend != here


@pytest.mark.django_db(transaction=True)
def test_no_connections_of_its_own_inside_a_transaction() -> None:
    with (
        transaction.atomic(),
        pytest.raises(RuntimeError, match="open transaction"),
        computed_beside(_users_and_backend, own_connections=True),
    ):
        pass
