"""`family_records_refresh`: the families and elections tables brought in line with the
latest linkage run, in one transaction with its history entry."""

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from uuid import UUID

from django.db import connection, transaction

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import LINKAGE_RUNNERS
from reunify.audit.history import record_change
from reunify.db_beside import statements_beside
from reunify.elections.models import Election
from reunify.families.models import (
    CustodyEpisode,
    Facility,
    FamilyUnit,
    Membership,
    Person,
    PersonIdentifier,
    PersonLanguage,
    Reunion,
    Separation,
)
from reunify.linkage.family_records.custody import episodes_of, events_by_person
from reunify.linkage.family_records.custody_sql import episodes_selected
from reunify.linkage.family_records.elections import elections_from
from reunify.linkage.family_records.linked_rows import (
    LinkedRows,
    linked_rows,
    linked_rows_of_table,
)
from reunify.linkage.family_records.linked_table import (
    LINKED,
    create_linked_table,
    drop_linked_table,
)
from reunify.linkage.family_records.persons import (
    identifiers_of,
    languages_of,
    person_from,
    rows_by_person,
)
from reunify.linkage.family_records.persons_sql import (
    identifiers_selected,
    languages_selected,
    persons_selected,
)
from reunify.linkage.family_records.reunions import reunions_closing
from reunify.linkage.family_records.units import Links, UnitRecords, units_from
from reunify.linkage.family_records.writing import (
    BATCH,
    Model,
    Rows,
    encoded,
    indexes_built_whole,
    keys_checked_whole,
    remove_stale,
    replace,
    upsert,
)
from reunify.linkage.models import FamilyLink, FamilyLinkStatus, LinkageRun
from reunify.linkage.stage_clock import timed
from reunify.sql_literal import literal
from reunify.tracing.models import TracingCase
from reunify.tracing.services import tracing_cases_refresh_denormalised
from reunify.vocabulary import CustodyKind, ElectionOrigin

# The tables the refresh writes; on a first load the keys between them are checked whole.
KEYED_TOGETHER = (Person, PersonLanguage, PersonIdentifier, CustodyEpisode, Facility, FamilyUnit,
                  Membership, Reunion, Separation, Election)  # fmt: skip
# The tables a first load fills in bulk; their indexes are built once it has (the persons'
# and custody's while Python still builds units). The others are small, or written with
# ON CONFLICT, which needs its unique index there.
PERSONS_BUILT_WHOLE = (Person, PersonLanguage, PersonIdentifier, CustodyEpisode)
UNITS_BUILT_WHOLE = (FamilyUnit, Membership)


@dataclass(frozen=True)
class RefreshCounts:
    persons: int
    family_units: int
    memberships: int
    custody_episodes: int
    separations: int
    reunions: int
    elections: int
    # Rows the extracts no longer support but something recorded here points at.
    kept_for_references: int


def refresh_statistics() -> None:
    """The run has just rewritten linked records and links, often in this transaction:
    without fresh statistics the planner takes the tables for empty."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE linkage_linkedrecord, linkage_familylink, families_person, "
                "families_personlanguage, families_personidentifier"
            )


def accepted_links() -> dict[tuple[UUID, UUID], float]:
    return {
        (parent, child): confidence
        for parent, child, confidence in FamilyLink.objects.filter(
            status=FamilyLinkStatus.ACCEPTED
        ).values_list("parent_person_id", "child_person_id", "confidence")
    }


# Where each source's rows name the facility that held the person.
FACILITY_COLUMNS = {
    "cbp": (CustodyKind.BORDER_STATION, "station"),
    "ice": (CustodyKind.DETENTION_FACILITY, "facility"),
    "orr": (CustodyKind.SHELTER, "shelter"),
}


def facility_names(linked: LinkedRows) -> set[tuple[str, str]]:
    """Each (kind, name) of facility the rows name."""
    rows_of = {"cbp": linked.cbp, "ice": linked.ice, "orr": linked.orr}
    return {
        (kind.value, row[column])
        for source, (kind, column) in FACILITY_COLUMNS.items()
        for row in rows_of[source]
        if row[column]
    }


def facility_names_in(table: str) -> set[tuple[str, str]]:
    """The same, of the linked rows' table (`linked_table`)."""
    named = " UNION ".join(
        f"SELECT DISTINCT {literal(kind)}, {column} FROM {table} "  # noqa: S608
        f"WHERE source = {literal(source)} AND {column} <> ''"
        for source, (kind, column) in FACILITY_COLUMNS.items()
    )
    with connection.cursor() as cursor:
        cursor.execute(named)
        return {(kind, name) for kind, name in cursor.fetchall()}


def facilities_named(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], UUID]:
    """The facilities `wanted` (kind, name), created if new, by (kind, name)."""
    Facility.objects.bulk_create(
        [Facility(kind=kind, name=name) for kind, name in sorted(wanted)],
        ignore_conflicts=True,
        batch_size=BATCH,
    )
    return {
        (kind, name): pk
        for pk, kind, name in Facility.objects.values_list("pk", "kind", "name")
        if (kind, name) in wanted
    }


def _linked_table_made() -> dict[tuple[str, str], UUID]:
    """Fresh statistics, the linked rows' table (`linked_table`), and the facilities
    its rows name, by (kind, name)."""
    refresh_statistics()
    create_linked_table()
    return facilities_named(facility_names_in(LINKED))


def _first_load() -> bool:
    """Nothing written from the extracts yet: every write of the refresh inserts, none
    needs an index to find the row it would overwrite."""
    return not (
        Person.objects.filter(from_extracts=True).exists()
        or CustodyEpisode.objects.exclude(source_record=None).exists()
        or FamilyUnit.objects.exclude(source_record=None).exists()
        or Membership.objects.exclude(source_record=None).exists()
    )


def _write_persons(
    persons: Rows[Person],
    languages: Rows[PersonLanguage],
    identifiers: Rows[PersonIdentifier],
    seconds: dict[str, float] | None = None,
) -> None:
    """Persons, their languages and identifiers; each write timed into `seconds` if
    given ("persons", "languages", "identifiers")."""
    clock: dict[str, float] = {} if seconds is None else seconds
    with timed(clock, "persons"):
        upsert(Person, persons, Person.objects.filter(from_extracts=True))
    # `person_id IN (subquery)`, not `person__from_extracts`: Django writes the latter as a
    # self-join that PostgreSQL ran as a nested loop for minutes on fresh statistics.
    from_extracts = Person.objects.filter(from_extracts=True).values("pk")
    with timed(clock, "languages"):
        replace(
            PersonLanguage, languages, PersonLanguage.objects.filter(person_id__in=from_extracts)
        )
    with timed(clock, "identifiers"):
        replace(
            PersonIdentifier,
            identifiers,
            PersonIdentifier.objects.filter(person_id__in=from_extracts),
        )


def _persons_built(linked: LinkedRows) -> list[UUID]:
    """Persons, languages and identifiers built here, each kind streamed into its table
    as it is built; the persons' ids."""
    grouped = rows_by_person(linked)
    _write_persons(
        (person_from(person_id, rows) for person_id, rows in grouped.items()),
        (code for pid, rows in grouped.items() for code in languages_of(pid, rows)),
        (found for pid, rows in grouped.items() for found in identifiers_of(pid, rows)),
    )
    return list(grouped)


def _persons_selected(seconds: dict[str, float], *, first_load: bool) -> tuple[int, list[UUID]]:
    """The same, selected set-wise in PostgreSQL (`persons_sql`), timed apart; how many
    persons and their ids. On a `first_load`, where every person from the extracts is one
    written now, no ids: reading back a national run's 600,000 took a second and a half,
    and a first load has no stale person to find with them."""
    _write_persons(persons_selected(), languages_selected(), identifiers_selected(), seconds)
    with timed(seconds, "persons"):
        if first_load:
            return Person.objects.filter(from_extracts=True).count(), []
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT DISTINCT person_id FROM {LINKED}")  # noqa: S608
            ids = [person_id for (person_id,) in cursor.fetchall()]
        return len(ids), ids


def _write_custody(episodes: Rows[CustodyEpisode]) -> None:
    """Every person's custody timeline. Nothing points at custody episodes: those no
    longer said or changed go now, so that no change of who-is-who between runs can trip
    over them midway."""
    replace(CustodyEpisode, episodes, CustodyEpisode.objects.exclude(source_record=None))


def _custody_built(linked: LinkedRows, facilities: dict[tuple[str, str], UUID]) -> int:
    """Custody built here, streamed into its table as it is built; how many episodes."""
    written = 0

    def episodes() -> Iterator[CustodyEpisode]:
        nonlocal written
        for person_id, events in events_by_person(linked).items():
            for episode in episodes_of(person_id, events, facilities):
                written += 1
                yield episode

    _write_custody(episodes())
    return written


def _custody_selected() -> int:
    """The same, selected set-wise in PostgreSQL (`custody_sql`)."""
    _write_custody(episodes_selected())
    return CustodyEpisode.objects.filter(source_record__isnull=False).count()


def _persons_and_custody_selected(
    seconds: dict[str, float], indexes: ExitStack, first_load: bool
) -> tuple[int, list[UUID], int]:
    """Persons and custody selected set-wise, then their `indexes` built, timed apart; how
    many persons, their ids (none on a `first_load`) and how many episodes."""
    persons, person_ids = _persons_selected(seconds, first_load=first_load)
    with timed(seconds, "custody"):
        episodes = _custody_selected()
        drop_linked_table()
    with timed(seconds, "person_indexes"):
        indexes.close()
    return persons, person_ids, episodes


def _families_from(
    linked: LinkedRows, facilities: dict[tuple[str, str], UUID], links: Links
) -> tuple[UnitRecords, list[Reunion], list[Election]]:
    """Units with their memberships and separations, the reunions closing separations,
    and historical elections, as the extract rows say. Reads nothing from the database:
    on PostgreSQL it runs while persons and custody are written."""
    stations = {name: pk for (kind, name), pk in facilities.items() if kind == "BORDER_STATION"}
    units = units_from(linked.cbp, links, stations)
    reunions, closes = reunions_closing(units.separations, linked)
    for separation in units.separations:
        separation.reunion_id = closes.get(separation.id)
    return units, reunions, elections_from(linked.ice)


@dataclass(frozen=True)
class UnitWrites:
    """The rows `_write_units` writes, a table at a time: as built, or encoded for COPY
    already (`encoded`, while the server is still busy with persons and custody)."""

    units: Rows[FamilyUnit]
    memberships: Rows[Membership]
    reunions: Rows[Reunion]
    closed_separations: Rows[Separation]  # written first: see the package doc
    open_separations: Rows[Separation]
    elections: Rows[Election]


def _unit_writes(
    units: UnitRecords, reunions: list[Reunion], elections: list[Election], *, encode: bool
) -> UnitWrites:
    def rows(model: type[Model], built: list[Model]) -> Rows[Model]:
        return encoded(model, built) if encode else built

    return UnitWrites(
        units=rows(FamilyUnit, units.units),
        memberships=rows(Membership, units.memberships),
        reunions=rows(Reunion, reunions),
        closed_separations=rows(
            Separation, [s for s in units.separations if s.reunion_id is not None]
        ),
        open_separations=rows(Separation, [s for s in units.separations if s.reunion_id is None]),
        elections=rows(Election, elections),
    )


def _write_units(
    units: UnitRecords,
    reunions: list[Reunion],
    elections: list[Election],
    person_ids: list[UUID],
    *,
    writes: UnitWrites,
    first_load: bool,
) -> int:
    """Write them (as `writes` holds them); remove what the extracts no longer say, stale
    persons too (none on a `first_load`: reading back a national run's 600,000 persons
    to find none took seconds). Returns how many stale rows were spared because
    something recorded here points at them."""
    # The rows earlier runs wrote from the extracts.
    separations = Separation.objects.exclude(source_record=None)
    reunions_written = Reunion.objects.exclude(source_record=None)
    elections_written = Election.objects.filter(origin=ElectionOrigin.EXTRACT)
    units_written = FamilyUnit.objects.exclude(source_record=None)
    # What the extracts no longer say goes first, children before parents.
    spared = remove_stale(Separation, separations, (s.pk for s in units.separations))
    spared += remove_stale(Reunion, reunions_written, (r.pk for r in reunions))
    # Nothing points at memberships (as at custody episodes, above). Their units are
    # written below: the foreign keys are checked when the run commits (or, on a first
    # load, when they are added back).
    replace(Membership, writes.memberships, Membership.objects.exclude(source_record=None))
    spared += remove_stale(Election, elections_written, (e.pk for e in elections))
    spared += remove_stale(FamilyUnit, units_written, (u.pk for u in units.units))
    if not first_load:  # else every person from the extracts is one this run wrote
        spared += remove_stale(Person, Person.objects.filter(from_extracts=True), person_ids)

    upsert(FamilyUnit, writes.units, units_written)
    upsert(Reunion, writes.reunions, reunions_written)
    upsert(Separation, writes.closed_separations, separations)
    upsert(Separation, writes.open_separations)
    upsert(Election, writes.elections, elections_written)
    return spared


@transaction.atomic
def family_records_refresh(
    *,
    actor: User | None,
    run: LinkageRun,
    set_wise: bool | None = None,
    links: Callable[[], Links] = accepted_links,
    rows_apart: Callable[[], LinkedRows] | None = None,
) -> RefreshCounts:
    """Write what the extracts say of each person `run` resolved (see the package doc).

    Persons and custody are selected set-wise in the database when `set_wise` (by
    default on PostgreSQL), else built here; both ways give the same rows. The accepted
    parent-child links come from `links`: by default the table; a linkage run passes the
    work that finds them, which then runs while the server writes persons and custody (it
    must not use the database). `rows_apart` gives the rows the Python rules read
    without this connection (`linked_rows_apart`), read while this connection builds the
    linked rows' table; by default they are read from that table once it is built.

    Adds the seconds of its parts to `run.seconds` ("family_records.persons", …); the
    caller saves them. Each part lets go of what it built once written: a national run
    holds millions of rows, and the parts' rows need not all be held at once."""
    if actor is not None:
        require_role(actor, LINKAGE_RUNNERS, action="write linked records into the family records")
    if set_wise is None:
        set_wise = connection.vendor == "postgresql"
    seconds: dict[str, float] = {}
    keys, person_indexes, unit_indexes = ExitStack(), ExitStack(), ExitStack()
    first_load = _first_load()
    if first_load:
        keys.enter_context(keys_checked_whole(KEYED_TOGETHER))
        person_indexes.enter_context(indexes_built_whole(PERSONS_BUILT_WHOLE))
        unit_indexes.enter_context(indexes_built_whole(UNITS_BUILT_WHOLE))
    with keys, person_indexes, unit_indexes:
        with timed(seconds, "read"):
            if not set_wise:
                refresh_statistics()
                linked = linked_rows()
                facilities = facilities_named(facility_names(linked))
            elif rows_apart is None:
                facilities = _linked_table_made()
                linked = linked_rows_of_table(LINKED)
            else:
                with statements_beside(_linked_table_made) as made:
                    linked = rows_apart()
                facilities = made.result()
        if set_wise:
            # PostgreSQL selects and writes persons and custody while Python finds the
            # links (if asked to), builds units and encodes them for their write.
            with statements_beside(
                lambda: _persons_and_custody_selected(seconds, person_indexes, first_load)
            ) as written:
                accepted = links()
                with timed(seconds, "units_built"):
                    units, reunions, elections = _families_from(linked, facilities, accepted)
                with timed(seconds, "units_encoded"):
                    writes = _unit_writes(units, reunions, elections, encode=True)
            persons, person_ids, episodes = written.result()
        else:
            accepted = links()
            with timed(seconds, "persons"):
                person_ids = _persons_built(linked)
                persons = len(person_ids)
            with timed(seconds, "custody"):
                episodes = _custody_built(linked, facilities)
            with timed(seconds, "person_indexes"):
                person_indexes.close()
            with timed(seconds, "units_built"):
                units, reunions, elections = _families_from(linked, facilities, accepted)
            writes = _unit_writes(units, reunions, elections, encode=False)
        del linked  # a national run's million rows need not be held while writing
        with timed(seconds, "units"):
            spared = _write_units(
                units,
                reunions,
                elections,
                person_ids,
                writes=writes,
                first_load=first_load,
            )
            del writes
        with timed(seconds, "unit_indexes"):
            unit_indexes.close()
        with timed(seconds, "keys"):
            keys.close()
    with timed(seconds, "tracing_facts"):
        # Tracing cases keep facts of the people they concern (custody, citizenship, the
        # apprehension's sector): this transaction may have changed any of them.
        if TracingCase.objects.exists():
            tracing_cases_refresh_denormalised()
    for part, took in seconds.items():
        run.seconds[f"family_records.{part}"] = round(took, 2)

    counts = RefreshCounts(
        persons=persons,
        family_units=len(units.units),
        memberships=len(units.memberships),
        custody_episodes=episodes,
        separations=len(units.separations),
        reunions=len(reunions),
        elections=len(elections),
        kept_for_references=spared,
    )
    record_change(
        actor=actor,
        action="linkage.family_records_refreshed",
        subject_type="linkage_run",
        subject_id=run.pk,
        changes=asdict(counts),
    )
    return counts
