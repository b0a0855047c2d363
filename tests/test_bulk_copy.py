"""Ids drawn for rows about to be written by COPY."""

import uuid

from reunify.bulk_copy import new_ids


def test_new_ids_are_distinct_version_4_uuids_written_as_uuid_writes_them() -> None:
    drawn = new_ids(20_000)

    parsed = [uuid.UUID(text) for text in drawn]
    assert len(set(drawn)) == 20_000
    assert {found.version for found in parsed} == {4}
    assert {found.variant for found in parsed} == {uuid.RFC_4122}
    assert [str(found) for found in parsed] == drawn


def test_no_ids_for_no_rows() -> None:
    assert new_ids(0) == []
