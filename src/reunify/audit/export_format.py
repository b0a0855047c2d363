"""The audit log as JSON lines, for auditors who verify it outside Reunify. No database.

An export holds, one JSON object a line, each with a "kind":

    {"kind":"header","format":"reunify-audit-log/1","hash":"sha256",…}
    {"kind":"head","sequence":N,"entry_hash":"…"}            the chain head the database held
    {"kind":"checkpoint","sequence":K,"entry_hash":"…","made_at":"…"}    zero or more
    {"kind":"entry","entry_hash":"…","entry":{canonical content}}        sequence 1..N

The "entry" object is written in canonical form (`reunify.audit.chain`), so its hash is
SHA-256 of exactly those bytes of the line. `reunify audit checkpoint` prints one
checkpoint line; files of such lines (or whole exports) can be given to `verify`.
"""

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from reunify.audit.chain import ChainPoint, ChainVerifier, Tampering, canonical_bytes

FORMAT = "reunify-audit-log/1"


class BadExport(ValueError):
    """A file that is not an audit export or checkpoint list; the message says where."""


def header_line(*, exported_at: str) -> str:
    return json.dumps(
        {
            "kind": "header",
            "format": FORMAT,
            "hash": "sha256",
            "genesis_previous_hash": "0" * 64,
            "exported_at": exported_at,
        }
    )


def point_line(kind: str, point: ChainPoint) -> str:
    line: dict[str, Any] = {
        "kind": kind,
        "sequence": point.sequence,
        "entry_hash": point.entry_hash,
    }
    if point.made_at:
        line["made_at"] = point.made_at
    return json.dumps(line)


def entry_line(content: dict[str, Any], entry_hash: str) -> str:
    canonical = canonical_bytes(content).decode("utf-8")
    return f'{{"kind":"entry","entry_hash":"{entry_hash}","entry":{canonical}}}'


def _objects(lines: Iterable[str], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            raise BadExport(f"{name}, line {number}: not JSON") from None
        if not isinstance(value, dict):
            raise BadExport(f"{name}, line {number}: not a JSON object")
        yield number, value


def _point(value: dict[str, Any], source: str, where: str) -> ChainPoint:
    sequence, entry_hash = value.get("sequence"), value.get("entry_hash")
    if not isinstance(sequence, int) or sequence < 0 or not _is_hash(entry_hash):
        raise BadExport(f"{where}: a checkpoint needs a sequence and a 64-digit hex entry_hash")
    return ChainPoint(sequence, str(entry_hash), str(value.get("made_at", "")), source)


def _is_hash(value: object) -> bool:
    return (
        isinstance(value, str)
        and len(value) == 64
        and all(character in "0123456789abcdef" for character in value)
    )


def read_checkpoints(lines: Iterable[str], name: str) -> list[ChainPoint]:
    """The checkpoints in a list printed by `reunify audit checkpoint`, or in an export."""
    points = []
    for number, value in _objects(lines, name):
        if value.get("kind", "checkpoint") == "checkpoint":
            points.append(_point(value, "external checkpoint", f"{name}, line {number}"))
    if not points:
        raise BadExport(f"{name}: no checkpoint in it")
    return points


@dataclass(frozen=True)
class ExportVerdict:
    entries: int
    head_hash: str
    checkpoints: int
    problem: Tampering | None


def verify_export(
    lines: TextIO | Iterable[str],
    *,
    name: str,
    external: Iterable[ChainPoint] = (),
    progress: Callable[[int], Any] = lambda _: None,
) -> ExportVerdict:
    """Verify an export by the chain's rules alone, streaming: head and checkpoints come
    before the entries in the file."""
    points = list(external)
    head: ChainPoint | None = None
    verifier: ChainVerifier | None = None
    seen_header = False
    for number, value in _objects(lines, name):
        kind = value.get("kind")
        where = f"{name}, line {number}"
        if kind == "header":
            if value.get("format") != FORMAT:
                raise BadExport(f"{where}: format {value.get('format')!r}, expected {FORMAT}")
            seen_header = True
        elif not seen_header:
            raise BadExport(f"{where}: not a Reunify audit export (no header line first)")
        elif kind in ("head", "checkpoint"):
            if verifier is not None:
                raise BadExport(f"{where}: a {kind} line after the entries")
            point = _point(value, "chain head" if kind == "head" else "checkpoint", where)
            if kind == "head":
                head = point
            else:
                points.append(point)
        elif kind == "entry":
            if verifier is None:
                verifier = ChainVerifier(points, head=head)
            entry, entry_hash = value.get("entry"), value.get("entry_hash")
            if not isinstance(entry, dict) or not isinstance(entry.get("sequence"), int):
                raise BadExport(f"{where}: an entry line needs an entry with a sequence")
            if not verifier.check(entry, str(entry_hash)):
                break
            progress(1)
    if not seen_header:
        raise BadExport(f"{name}: empty, not a Reunify audit export")
    verifier = verifier or ChainVerifier(points, head=head)
    return ExportVerdict(
        entries=verifier.entries,
        head_hash=verifier.previous_hash,
        checkpoints=len(points),
        problem=verifier.finish(),
    )
