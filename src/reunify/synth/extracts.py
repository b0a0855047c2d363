"""`write_extracts`: the world as three messy agency extracts, plus the answer keys.

Each file's rows are shuffled (so that file order says nothing about families) and
then numbered: cbp record ids look like ``E3-00412345``, ice ``EID-00412345``, orr
``UC-00412345``. Column order differs between files and each file has one column the
contract does not know (`disposition`, `aor`, `program_type`), which importers ignore.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from random import Random

from reunify.synth.cbp_rows import CBP_COLUMNS, cbp_rows
from reunify.synth.extract_rows import ExtractRow, RowSink
from reunify.synth.ice_rows import ICE_COLUMNS, ice_rows
from reunify.synth.malformed import RowSpoiler
from reunify.synth.orr_rows import ORR_COLUMNS, orr_rows
from reunify.synth.truth_files import write_truth
from reunify.synth.truth_removals import removals_truth
from reunify.synth.world import World

COLUMNS: dict[str, tuple[str, ...]] = {"cbp": CBP_COLUMNS, "ice": ICE_COLUMNS, "orr": ORR_COLUMNS}
RECORD_ID_PREFIXES = {"cbp": "E3-", "ice": "EID-", "orr": "UC-"}


@dataclass(frozen=True, slots=True)
class ExtractSummary:
    """What `write_extracts` wrote: row counts per source (malformed rows included)."""

    out_dir: Path
    families: int
    persons: int
    rows: Mapping[str, int]
    malformed: Mapping[str, int]
    removed_parents_with_separated_children: int
    files: tuple[str, ...]


def _number(rows: list[ExtractRow], source: str, rng: Random) -> None:
    rng.shuffle(rows)
    first = rng.randrange(100_000, 10_000_000)
    prefix = RECORD_ID_PREFIXES[source]
    for offset, row in enumerate(rows):
        row.record_id = f"{prefix}{first + offset:08d}"


def _write_extract(path: Path, columns: tuple[str, ...], rows: list[ExtractRow]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(columns) + "\n")
        for row in rows:
            out.write(f"{row.record_id},{row.rest_of_line}\n")


def write_extracts(world: World, out_dir: Path, seed: int) -> ExtractSummary:
    """Write cbp.csv, ice.csv, orr.csv and the truth files into `out_dir`.

    The same world and seed always give byte-identical files.
    """
    out_dir.mkdir(parents=True, exist_ok=True)

    def stream(name: str) -> Random:
        return Random(f"reunify.synth.extracts:{seed}:{name}")

    spoiler = RowSpoiler(world, stream("malformed"))
    sinks = {source: RowSink(source, columns, spoiler) for source, columns in COLUMNS.items()}
    shown_languages = cbp_rows(world, stream("cbp"), sinks["cbp"])
    ice_rows(world, stream("ice"), sinks["ice"], shown_languages)
    orr_rows(world, stream("orr"), sinks["orr"])
    rows_by_source = {source: sink.rows for source, sink in sinks.items()}
    files: list[str] = []
    for source, rows in rows_by_source.items():
        _number(rows, source, stream(f"order:{source}"))
        _write_extract(out_dir / f"{source}.csv", COLUMNS[source], rows)
        files.append(f"{source}.csv")
    removals = removals_truth(world)
    files.extend(write_truth(out_dir, world, rows_by_source, removals))
    return ExtractSummary(
        out_dir=out_dir,
        families=len(world.families),
        persons=len(world.persons),
        rows={source: len(rows) for source, rows in rows_by_source.items()},
        malformed={
            source: sum(row.malformed is not None for row in rows)
            for source, rows in rows_by_source.items()
        },
        removed_parents_with_separated_children=len(removals.parents),
        files=tuple(files),
    )
