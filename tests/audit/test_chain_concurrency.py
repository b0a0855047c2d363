"""Writers racing on separate connections never fork the chain or reuse a sequence."""

import threading
import uuid

import pytest
from django.db import connection, transaction

from reunify.audit.history import record_change
from reunify.audit.models import HistoryEntry
from reunify.audit.verification import verify_log

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]
WRITERS = 4
EACH = 25


def write(start: threading.Barrier, errors: list[BaseException]) -> None:
    try:
        start.wait()
        for _ in range(EACH):
            with transaction.atomic():
                record_change(
                    actor=None, action="custody.moved", subject_type="x", subject_id=uuid.uuid4()
                )
    except BaseException as error:
        errors.append(error)
    finally:
        connection.close()


def test_concurrent_appends_form_one_gap_free_chain() -> None:
    # Given: four writers released at once
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []
    writers = [threading.Thread(target=write, args=(start, errors)) for _ in range(WRITERS)]

    # When
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)

    # Then
    assert errors == []
    sequences = list(HistoryEntry.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, WRITERS * EACH + 1))
    verdict = verify_log()
    assert verdict.problem is None
    assert verdict.entries == WRITERS * EACH
