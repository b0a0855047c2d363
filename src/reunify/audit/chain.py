"""The audit log's hash chain: canonical content, hashing and verification, without a database.

This module is the specification an outside verifier reimplements, so it stays pure and
small. An entry's **canonical content** is a JSON object with exactly these keys:

    sequence        1, 2, 3 … with no gaps, in the order entries were appended
    id              the entry's UUID, lower-case with hyphens
    at              when, in UTC: "YYYY-MM-DDTHH:MM:SS.ffffffZ" (always 6 digits)
    actor_id        the acting user's UUID, or null for the system
    actor_label     who acted, as text
    action          e.g. "separation.recorded"
    subject_type    e.g. "separation"
    subject_id      UUID
    family_unit_id  UUID or null
    person_ids      list of UUIDs, in the order recorded
    changes         object: field -> value (before/after as the service recorded them)
    previous_hash   the previous entry's entry_hash; 64 zeros for sequence 1

serialised with keys sorted at every level, separators "," and ":" (no spaces), non-ASCII
characters written as themselves, encoded as UTF-8 — Python's
`json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`, which
for these values is RFC 8785 (JCS) except that floats print as Python prints them.
Services store no floats that are whole numbers (they are stored as integers), so a
database's JSON type gives back exactly what was hashed.

    entry_hash = lower-case hex SHA-256 of the canonical content's UTF-8 bytes

The log is intact when the entries, read in sequence order, number 1..N with no gap, each
previous_hash equals the entry_hash before it, each recomputed hash equals the stored
one, every checkpoint (sequence, entry_hash) matches the entry at its sequence and no
checkpoint lies beyond N, and the chain head (if known) is entry N.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

GENESIS_HASH = "0" * 64
CONTENT_KEYS = (
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

# One encoder, built once: its C implementation is what makes verify fast.
_CANONICAL = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, sort_keys=True, separators=(",", ":")
)


def canonical_moment(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("an audit moment must carry its time zone")
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _uuid_text(value: UUID | str | None) -> str | None:
    return None if value is None else str(value) if isinstance(value, UUID) else str(UUID(value))


def _whole_floats_as_integers(text: str) -> int | float:
    number = float(text)
    return int(number) if number.is_integer() else number


def stored_json(value: Any) -> Any:
    """`value` as a JSON column gives it back: tuples become lists, keys text, and floats
    that are whole numbers integers (PostgreSQL's jsonb returns 1e16 as an integer and
    -0.0 as 0, which would otherwise change the hash)."""
    return json.loads(json.dumps(value, allow_nan=False), parse_float=_whole_floats_as_integers)


def entry_content(
    *,
    sequence: int,
    id: UUID | str,
    at: datetime | str,
    actor_id: UUID | str | None,
    actor_label: str,
    action: str,
    subject_type: str,
    subject_id: UUID | str,
    family_unit_id: UUID | str | None,
    person_ids: list[str],
    changes: dict[str, Any],
    previous_hash: str,
) -> dict[str, Any]:
    """The canonical content of an entry, from the values a model or a database row holds."""
    return {
        "sequence": sequence,
        "id": _uuid_text(id),
        "at": at if isinstance(at, str) else canonical_moment(at),
        "actor_id": _uuid_text(actor_id),
        "actor_label": actor_label,
        "action": action,
        "subject_type": subject_type,
        "subject_id": _uuid_text(subject_id),
        "family_unit_id": _uuid_text(family_unit_id),
        "person_ids": person_ids,
        "changes": changes,
        "previous_hash": previous_hash,
    }


def canonical_bytes(content: Mapping[str, Any]) -> bytes:
    return _CANONICAL.encode(content).encode("utf-8")


def hash_of(content: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


_text = json.encoder.encode_basestring  # what the encoder writes for a str (non-ASCII kept)


def hash_of_columns(
    sequence: int,
    id: str,
    at: str,
    actor_id: str | None,
    actor_label: str,
    action: str,
    subject_type: str,
    subject_id: str,
    family_unit_id: str | None,
    person_ids: object,
    changes: object,
    previous_hash: str,
) -> str:
    """`hash_of(content)` for content whose keys are exactly `CONTENT_KEYS` and whose
    text values are already canonical: the same bytes, written in key order by hand
    because verify spends most of its time here (tests hold the two equal)."""
    text = (
        f'{{"action":{_text(action)},'
        f'"actor_id":{"null" if actor_id is None else _text(actor_id)},'
        f'"actor_label":{_text(actor_label)},"at":{_text(at)},'
        f'"changes":{_CANONICAL.encode(changes)},'
        f'"family_unit_id":{"null" if family_unit_id is None else _text(family_unit_id)},'
        f'"id":{_text(id)},"person_ids":{_CANONICAL.encode(person_ids)},'
        f'"previous_hash":{_text(previous_hash)},"sequence":{int(sequence)},'
        f'"subject_id":{_text(subject_id)},"subject_type":{_text(subject_type)}}}'
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


LINK_JOINT = '","sequence":'


def canonical_around_link(content: Mapping[str, Any]) -> tuple[str, str]:
    """The canonical text split around the link (previous hash and sequence), which only
    the transaction holding the chain head knows: for any link,

        before + previous_hash + LINK_JOINT + str(sequence) + after

    is the canonical text of `content` with that link. Sorted, "previous_hash" and
    "sequence" sit between "person_ids" and "subject_id", so the split is exact."""
    unlinked = [key for key in content if key not in ("previous_hash", "sequence")]
    first = _CANONICAL.encode({key: content[key] for key in unlinked if key < "previous_hash"})
    rest = _CANONICAL.encode({key: content[key] for key in unlinked if key > "sequence"})
    return first[:-1] + ',"previous_hash":"', "," + rest[1:]


@dataclass(frozen=True)
class ChainPoint:
    """A place in the chain: a checkpoint, or the head the database records."""

    sequence: int
    entry_hash: str
    made_at: str = ""
    source: str = "checkpoint"

    def describe(self) -> str:
        when = f" made {self.made_at}" if self.made_at else ""
        return f"{self.source}{when} (#{self.sequence}, {self.entry_hash[:12]}…)"


@dataclass(frozen=True)
class Tampering:
    """The first bad entry: its sequence (and id, when it exists) and what is wrong."""

    sequence: int
    entry_id: str | None
    reason: str

    def __str__(self) -> str:
        name = f"entry #{self.sequence}" + (f" ({self.entry_id})" if self.entry_id else "")
        return f"{name}: {self.reason}"


class ChainVerifier:
    """Feed entries in sequence order with `check`; `finish` then gives the first problem.

    Stops at the first problem: every later entry's trust rests on the ones before it.
    """

    def __init__(
        self,
        points: Iterable[ChainPoint] = (),
        head: ChainPoint | None = None,
        start: ChainPoint | None = None,
    ) -> None:
        # `start`: a trusted point to go on from (a checkpoint), instead of the beginning.
        self.entries = start.sequence if start else 0
        self.previous_hash = start.entry_hash if start else GENESIS_HASH
        self.problem: Tampering | None = None
        self.head = head
        self._points: dict[int, list[ChainPoint]] = {}
        for point in points:
            self._points.setdefault(point.sequence, []).append(point)
        self._past_head_id: str | None = None

    def check(self, content: Mapping[str, Any], stored_hash: str) -> bool:
        """Check one entry; False once a problem is found (stop feeding then)."""
        return self.check_link(
            content.get("sequence"),
            content.get("id"),
            content.get("previous_hash"),
            hash_of(content),
            stored_hash,
        )

    def check_link(
        self,
        sequence: Any,
        entry_id: Any,
        previous_hash: Any,
        computed_hash: str,
        stored_hash: str,
    ) -> bool:
        """`check`, given the hash recomputed from the entry's content."""
        if self.problem is not None:
            return False
        expected = self.entries + 1
        reason = None
        if not isinstance(sequence, int) or sequence < expected:
            reason = f"is out of order after #{expected - 1} (reordered, forged or duplicated?)"
        elif sequence != expected:
            reason = f"comes after #{expected - 1}: entries from #{expected} are missing (deleted?)"
        elif computed_hash != stored_hash:
            reason = "its content does not match its hash (changed after it was written)"
        elif previous_hash != self.previous_hash:
            reason = (
                f"its previous_hash does not match entry #{expected - 1}'s hash "
                "(entries deleted, inserted or reordered before it)"
            )
        else:
            for point in self._points.get(sequence, ()):
                if point.entry_hash != stored_hash:
                    reason = f"its hash differs from the {point.describe()}"
                    break
        if reason is not None:
            number = sequence if isinstance(sequence, int) else expected
            self.problem = Tampering(number, None if entry_id is None else str(entry_id), reason)
            return False
        if self.head is not None and sequence == self.head.sequence + 1:
            self._past_head_id = entry_id
        self.entries = sequence
        self.previous_hash = stored_hash
        return True

    def finish(self) -> Tampering | None:
        """The first problem, including checkpoints and the head the entries fall short of."""
        if self.problem is not None:
            return self.problem
        last = self.entries
        beyond = [point for points in self._points.values() for point in points]
        beyond = [point for point in beyond if point.sequence > last]
        if beyond:
            point = max(beyond, key=lambda point: point.sequence)
            return Tampering(
                last + 1,
                None,
                f"is missing: the log ends at #{last} but the {point.describe()} "
                "records more (newest entries deleted?)",
            )
        for point in self._points.get(0, ()):
            if point.entry_hash != GENESIS_HASH:
                return Tampering(1, None, f"the {point.describe()} is not the empty log's")
        if self.head is not None:
            if self.head.sequence > last:
                return Tampering(
                    last + 1,
                    None,
                    f"is missing: the log ends at #{last} but the chain head records "
                    f"#{self.head.sequence}",
                )
            if self.head.sequence < last:
                return Tampering(
                    self.head.sequence + 1,
                    self._past_head_id,
                    f"lies beyond the chain head #{self.head.sequence} (appended outside Reunify?)",
                )
            if self.head.entry_hash != self.previous_hash:
                return Tampering(last, None, "its hash differs from the one the chain head records")
        return None
