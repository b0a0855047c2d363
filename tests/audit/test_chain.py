"""The canonical form and hash, as an outside verifier would reimplement them."""

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.audit.chain import (
    GENESIS_HASH,
    LINK_JOINT,
    ChainVerifier,
    canonical_around_link,
    canonical_bytes,
    canonical_moment,
    entry_content,
    hash_of,
    hash_of_columns,
    stored_json,
)

UUIDS = st.uuids().map(str)
TEXT = st.text(max_size=20)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
CONTENTS = st.builds(
    lambda sequence, ids, label, action, changes, previous, no_actor: entry_content(
        sequence=sequence,
        id=ids[0],
        at=datetime(2018, 5, 1, tzinfo=UTC) + timedelta(microseconds=sequence % 10**12),
        actor_id=None if no_actor else ids[1],
        actor_label=label,
        action=action,
        subject_type="separation",
        subject_id=ids[2],
        family_unit_id=None if no_actor else ids[3],
        person_ids=ids[:2],
        changes=stored_json(changes),
        previous_hash=previous,
    ),
    st.integers(min_value=1, max_value=2**62),
    st.lists(UUIDS, min_size=4, max_size=4),
    TEXT,
    TEXT,
    st.dictionaries(TEXT, JSON, max_size=4),
    st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
    st.booleans(),
)


def test_the_canonical_form_is_sorted_compact_utf8_json() -> None:
    # Given
    content = entry_content(
        sequence=1,
        id="12345678-1234-5678-1234-567812345678",
        at=datetime(2018, 5, 1, 7, 30, tzinfo=timezone(timedelta(hours=-5))),
        actor_id=None,
        actor_label="Tomás",
        action="family.created",
        subject_type="family_unit",
        subject_id="12345678-1234-5678-1234-567812345679",
        family_unit_id=None,
        person_ids=[],
        changes={"b": 1, "a": [True, None]},
        previous_hash=GENESIS_HASH,
    )

    # When
    text = canonical_bytes(content)

    # Then: what the module's documentation promises, byte for byte
    assert (
        text
        == (
            '{"action":"family.created","actor_id":null,"actor_label":"Tomás",'
            '"at":"2018-05-01T12:30:00.000000Z","changes":{"a":[true,null],"b":1},'
            '"family_unit_id":null,"id":"12345678-1234-5678-1234-567812345678","person_ids":[],'
            f'"previous_hash":"{GENESIS_HASH}","sequence":1,'
            '"subject_id":"12345678-1234-5678-1234-567812345679","subject_type":"family_unit"}'
        ).encode()
    )
    assert hash_of(content) == hashlib.sha256(text).hexdigest()


def test_a_moment_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        canonical_moment(datetime(2018, 5, 1))


@pytest.mark.parametrize(
    ("value", "stored"),
    [(1e16, 10**16), (-0.0, 0), (2.0, 2), (0.5, 0.5), ((1, "a"), [1, "a"]), ({1: "x"}, {"1": "x"})],
)
def test_values_are_hashed_as_a_json_column_gives_them_back(value: Any, stored: Any) -> None:
    assert stored_json(value) == stored
    assert json.dumps(stored_json(value)) == json.dumps(stored)


@given(CONTENTS)
def test_the_fast_hash_is_the_same_hash(content: dict[str, Any]) -> None:
    assert hash_of_columns(
        *(
            content[key]
            for key in (
                "sequence",
                "id",
                "at",
                "actor_id",
                "actor_label",
                "action",
                "subject_type",
                "subject_id",
                "family_unit_id",
                "person_ids",
                "changes",
                "previous_hash",
            )
        )
    ) == hash_of(content)


@given(CONTENTS)
def test_the_text_around_the_link_is_the_canonical_text(content: dict[str, Any]) -> None:
    before, after = canonical_around_link(content)
    linked = f"{before}{content['previous_hash']}{LINK_JOINT}{content['sequence']}{after}"
    assert linked.encode() == canonical_bytes(content)


def test_a_verifier_checks_entries_one_after_another() -> None:
    # Given: two chained entries
    first = entry_content(
        sequence=1,
        id="12345678-1234-5678-1234-567812345678",
        at="2018-05-01T00:00:00.000000Z",
        actor_id=None,
        actor_label="a",
        action="x",
        subject_type="y",
        subject_id="12345678-1234-5678-1234-567812345678",
        family_unit_id=None,
        person_ids=[],
        changes={},
        previous_hash=GENESIS_HASH,
    )
    second = {**first, "sequence": 2, "previous_hash": hash_of(first)}
    verifier = ChainVerifier()

    # When
    checked = [verifier.check(first, hash_of(first)), verifier.check(second, hash_of(second))]

    # Then
    assert checked == [True, True]
    assert verifier.finish() is None
    assert (verifier.entries, verifier.previous_hash) == (2, hash_of(second))
