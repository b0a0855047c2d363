"""Work done in a forked process beside this one, its answer taken back."""

import multiprocessing
import os

import pytest

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
    with computed_beside(lambda: list(range(10_000_000))):
        assert [child.name for child in multiprocessing.active_children()] == ["reunify-beside"]

    assert multiprocessing.active_children() == []
