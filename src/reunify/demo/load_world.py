"""Load a generated world (`reunify.synth`) into the database in bulk.

The services record one event at a time, with checks a person's input needs; a generated
world of thousands of families is already consistent, so it goes in with bulk inserts in
one transaction. Each family still gets a history entry saying where it came from.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from django.db import transaction
from django.utils import timezone

from reunify.audit.append import append_entries
from reunify.audit.models import HistoryEntry
from reunify.demo.bulk_insert import insert_in_batches, moment
from reunify.demo.load_elections import load_elections
from reunify.families.choices import (
    FACILITY_KINDS,
    BirthDatePrecision,
    CustodyKind,
    IdentifierScheme,
    MemberRole,
    RelationshipEvidence,
)
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
from reunify.families.names import name_search_key
from reunify.families.services.family_units import new_family_reference
from reunify.synth import World


@dataclass(frozen=True)
class LoadedCounts:
    families: int
    persons: int
    custody_episodes: int
    separations: int
    reunions: int
    elections: int


def _facilities(world: World) -> dict[tuple[str, str], Facility]:
    wanted: dict[tuple[str, str], str] = {}
    for family in world.families:
        wanted[(CustodyKind.BORDER_STATION, family.station)] = family.sector
    for episode in world.episodes:
        if CustodyKind(episode.kind) in FACILITY_KINDS and episode.place:
            wanted.setdefault((str(episode.kind), episode.place), "")
    existing = {(f.kind, f.name): f for f in Facility.objects.all()}
    Facility.objects.bulk_create(
        [
            Facility(kind=kind, name=name, sector=sector)
            for (kind, name), sector in sorted(wanted.items())
            if (kind, name) not in existing
        ]
    )
    return {(f.kind, f.name): f for f in Facility.objects.all()}


@transaction.atomic
def load_world(
    world: World,
    *,
    progress: Callable[[int], Any] = lambda _: None,
    elections_as_extract: bool = False,
) -> LoadedCounts:
    """Insert every family, person, custody episode, separation, reunion and election of
    `world`. With `elections_as_extract`, the elections go in as historical extract rows
    (`load_elections`), as the removals report meets them after an import."""
    chooser = random.Random(world.seed)
    facilities = _facilities(world)
    person_ids: dict[str, UUID] = {key: uuid4() for key in world.persons}

    persons = insert_in_batches(
        Person,
        (
            Person(
                id=person_ids[p.key],
                given_names=p.given_names,
                first_surname=p.first_surname,
                second_surname=p.second_surname,
                name_search=name_search_key(p.given_names, p.first_surname, p.second_surname),
                sex=p.sex,
                birth_date=p.birth_date,
                birth_date_precision=BirthDatePrecision.DAY,
                citizenship=p.citizenship,
            )
            for p in world.persons.values()
        ),
        progress,
    )
    insert_in_batches(
        PersonLanguage,
        (
            PersonLanguage(
                person_id=person_ids[p.key], code=code, is_primary=index == 0, reads=p.literate
            )
            for p in world.persons.values()
            for index, code in enumerate(p.languages)
        ),
        progress,
    )
    insert_in_batches(
        PersonIdentifier,
        (
            PersonIdentifier(
                person_id=person_ids[p.key],
                scheme=IdentifierScheme.A_NUMBER,
                value=f"A{p.a_number[:3]}-{p.a_number[3:6]}-{p.a_number[6:]}",
                normalized=p.a_number,
            )
            for p in world.persons.values()
            if p.a_number
        ),
        progress,
    )

    references: set[str] = set(FamilyUnit.objects.values_list("reference", flat=True))
    family_ids: dict[str, UUID] = {}
    units: list[FamilyUnit] = []
    for family in world.families:
        reference = new_family_reference()
        while reference in references:
            reference = new_family_reference()
        references.add(reference)
        family_ids[family.key] = uuid4()
        units.append(
            FamilyUnit(
                id=family_ids[family.key],
                reference=reference,
                apprehension_event_id=family.event_id,
                apprehended_at=moment(family.apprehended_on),
                station=facilities[(CustodyKind.BORDER_STATION, family.station)],
            )
        )
    families = insert_in_batches(FamilyUnit, units, progress)

    def evidence_for(role: str) -> tuple[str, bool]:
        # Most relationships were observed by the apprehending officer; some were later
        # proven by documents or DNA, as happened after the 2018 court order.
        if role == MemberRole.OTHER_RELATIVE:
            return RelationshipEvidence.SWORN_ATTESTATION, False
        roll = chooser.random()
        if roll < 0.15:
            return RelationshipEvidence.BIRTH_CERTIFICATE, True
        if roll < 0.22:
            return RelationshipEvidence.DNA_TEST, True
        return RelationshipEvidence.OFFICER_OBSERVATION, False

    now = timezone.now()
    memberships: list[Membership] = []
    for family in world.families:
        for person_key, role in family.members:
            evidence, verified = evidence_for(role)
            memberships.append(
                Membership(
                    family_unit_id=family_ids[family.key],
                    person_id=person_ids[person_key],
                    role=role,
                    evidence=evidence,
                    verified=verified,
                    verified_at=now if verified else None,
                )
            )
    insert_in_batches(Membership, memberships, progress)

    episodes = insert_in_batches(
        CustodyEpisode,
        (
            CustodyEpisode(
                person_id=person_ids[e.person_key],
                kind=e.kind,
                facility=facilities.get((str(e.kind), e.place or ""))
                if CustodyKind(e.kind) in FACILITY_KINDS
                else None,
                # The generator writes "sponsor: aunt in Houston, TX"; the page already
                # says "With a sponsor".
                detail=""
                if CustodyKind(e.kind) in FACILITY_KINDS
                else (e.place or "").removeprefix("sponsor: "),
                country=e.country or "",
                started_at=moment(e.started_on),
                ended_at=moment(e.ended_on) if e.ended_on else None,
            )
            for e in world.episodes
        ),
        progress,
    )

    reunion_ids: dict[tuple[str, date, str, str], UUID] = {}
    reunions: list[Reunion] = []
    for s in world.separations:
        if s.reunited_on is None or s.reunion_setting is None or s.reunion_method is None:
            continue
        key = (s.family_key, s.reunited_on, str(s.reunion_setting), str(s.reunion_method))
        if key not in reunion_ids:
            reunion_ids[key] = uuid4()
            reunions.append(
                Reunion(
                    id=reunion_ids[key],
                    family_unit_id=family_ids[s.family_key],
                    reunited_at=moment(s.reunited_on),
                    setting=s.reunion_setting,
                    method=s.reunion_method,
                )
            )
    reunion_count = insert_in_batches(Reunion, reunions, progress)
    station_of = {family.key: family.station for family in world.families}
    separations = insert_in_batches(
        Separation,
        (
            Separation(
                family_unit_id=family_ids[s.family_key],
                parent_id=person_ids[s.parent_key],
                child_id=person_ids[s.child_key],
                separated_at=moment(s.separated_on),
                reason=s.reason,
                reason_detail=s.reason_detail or "",
                authoriser_name=f"Watch commander, {station_of[s.family_key]}",
                reunion_id=(
                    reunion_ids[
                        (s.family_key, s.reunited_on, str(s.reunion_setting), str(s.reunion_method))
                    ]
                    if s.reunited_on and s.reunion_setting and s.reunion_method
                    else None
                ),
            )
            for s in world.separations
        ),
        progress,
    )
    elections = load_elections(world, person_ids, progress, as_extract=elections_as_extract)

    # Through the audit chain, so the loaded entries are linked like any other.
    append_entries(
        (
            HistoryEntry(
                at=now,
                actor=None,
                actor_label="reunify demo (generated data)",
                action="family.loaded",
                subject_type="family_unit",
                subject_id=family_ids[family.key],
                family_unit_id=family_ids[family.key],
                person_ids=[str(person_ids[key]) for key, _ in family.members],
                changes={"source": "reunify.synth", "seed": world.seed, "family": family.key},
            )
            for family in world.families
        ),
        progress,
    )
    return LoadedCounts(
        families=families,
        persons=persons,
        custody_episodes=episodes,
        separations=separations,
        reunions=reunion_count,
        elections=elections,
    )
