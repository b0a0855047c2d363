"""The removal gate's question gathered in one PostgreSQL statement.

The ORM path in `gate_facts` sends eight small queries per check; at a million persons
their planning and the ORM's per-query overhead cost a p99 of 13 ms against a 5 ms target
(docs/benchmarks.md). This module asks for the same facts in one round trip and hands
them to the same pure code (`election_facts`, `deficiencies_of`, `deficiency_words`,
`gate_answer`). `tests/removals/test_gate_question_sql.py` holds both paths to the same
answers. SQLite keeps the ORM path.
"""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import connection

from reunify.elections.models import Election, Notice
from reunify.families.choices import PARENTAL_ROLES
from reunify.families.models import Person
from reunify.removals.models import OPEN_STATUSES, OverrideStatus

ELECTION_COLUMNS = tuple(field.column for field in Election._meta.concrete_fields)
ELECTION_ATTRIBUTES = tuple(field.attname for field in Election._meta.concrete_fields)
NOTICE_ATTRIBUTES = ("id", "delivered_at", "language", "interpreter_language")

# One row. Sets come back as parallel arrays so every value keeps its SQL type.
# `plan` is the plan named by the caller or, when asked, the parent's open plan.
# Only column names from the models' own metadata are formatted in; values are parameters.
GATE_QUESTION_SQL = f"""
WITH plan AS (
    SELECT coalesce(
        %(plan_id)s::uuid,
        CASE WHEN %(find_open_plan)s THEN (
            SELECT id FROM removals_removalplan
            WHERE parent_id = %(parent_id)s AND status = ANY(%(open_statuses)s)
            LIMIT 1
        ) END
    ) AS id
)
SELECT
    stake.ids, stake.given_names, stake.first_surnames, stake.second_surnames, stake.born,
    {", ".join(f"latest.{column}" for column in ELECTION_COLUMNS)},
    {", ".join(f"notice.{attribute}" for attribute in NOTICE_ATTRIBUTES)},
    named.ids,
    apart.ids, apart.given_names, apart.first_surnames, apart.second_surnames,
    spoken.codes,
    EXISTS (
        SELECT 1 FROM elections_notice
        WHERE parent_id = %(parent_id)s AND delivered_at IS NOT NULL
    ),
    (SELECT id FROM plan),
    (SELECT array_agg(person_id) FROM removals_removalplan_children
     WHERE removalplan_id = (SELECT id FROM plan)),
    (SELECT array_agg(covered.person_id)
     FROM removals_gateoverride granted
     JOIN removals_gateoverride_covered_children covered
       ON covered.gateoverride_id = granted.id
     WHERE granted.plan_id = (SELECT id FROM plan) AND granted.status = %(granted)s)
FROM (SELECT 1) AS one
LEFT JOIN LATERAL (
    SELECT array_agg(child.id ORDER BY child.given_names, child.id) AS ids,
           array_agg(child.given_names ORDER BY child.given_names, child.id) AS given_names,
           array_agg(child.first_surname ORDER BY child.given_names, child.id) AS first_surnames,
           array_agg(child.second_surname ORDER BY child.given_names, child.id)
               AS second_surnames,
           array_agg(child.birth_date ORDER BY child.given_names, child.id) AS born
    FROM families_person child
    WHERE child.id IN (
        SELECT separation.child_id FROM families_separation separation
        WHERE separation.parent_id = %(parent_id)s AND separation.reunion_id IS NULL
          AND EXISTS (
              SELECT 1 FROM families_membership membership
              WHERE membership.family_unit_id = separation.family_unit_id
                AND membership.person_id = %(parent_id)s
                AND membership.role = ANY(%(parental_roles)s)
          )
    )
) AS stake ON true
LEFT JOIN LATERAL (
    SELECT * FROM elections_election
    WHERE parent_id = %(parent_id)s
    ORDER BY made_at DESC, created_at DESC
    LIMIT 1
) AS latest ON true
LEFT JOIN elections_notice AS notice ON notice.id = latest.notice_id
LEFT JOIN LATERAL (
    SELECT array_agg(person_id) AS ids FROM elections_election_children
    WHERE election_id = latest.id
) AS named ON true
LEFT JOIN LATERAL (
    SELECT array_agg(child.id) AS ids,
           array_agg(child.given_names) AS given_names,
           array_agg(child.first_surname) AS first_surnames,
           array_agg(child.second_surname) AS second_surnames
    FROM families_person child
    WHERE child.id IN (
        SELECT separation.child_id FROM families_separation separation
        LEFT JOIN families_reunion reunion ON reunion.id = separation.reunion_id
        WHERE separation.parent_id = %(parent_id)s
          AND separation.separated_at <= latest.made_at
          AND (separation.reunion_id IS NULL OR reunion.reunited_at > latest.made_at)
    )
) AS apart ON true
LEFT JOIN LATERAL (
    SELECT array_agg(code) AS codes FROM families_personlanguage
    WHERE person_id = %(parent_id)s
) AS spoken ON true
"""  # noqa: S608


@dataclass(frozen=True)
class GateRow:
    """The statement's one row, as model instances and plain sets."""

    children_at_stake: tuple[Person, ...]
    latest_election: Election | None
    children_named: frozenset[UUID]
    separated_at_election: tuple[Person, ...]
    parent_languages: frozenset[str]
    notice_given: bool
    plan_id: UUID | None
    itinerary: frozenset[UUID]
    overridden_children: frozenset[UUID]


def gate_row(parent_id: UUID, *, plan_id: UUID | None, find_open_plan: bool) -> GateRow:
    with connection.cursor() as cursor:
        cursor.execute(
            GATE_QUESTION_SQL,
            {
                "parent_id": parent_id,
                "plan_id": plan_id,
                "find_open_plan": find_open_plan,
                "open_statuses": list(OPEN_STATUSES),
                "parental_roles": list(PARENTAL_ROLES),
                "granted": OverrideStatus.GRANTED.value,
            },
        )
        row = cursor.fetchone()
    assert row is not None  # the statement always returns its one row
    values = list(row)
    stake = [values.pop(0) or [] for _ in range(5)]
    election_values = [values.pop(0) for _ in ELECTION_COLUMNS]
    notice_values = [values.pop(0) for _ in NOTICE_ATTRIBUTES]
    named = values.pop(0) or []
    apart = [values.pop(0) or [] for _ in range(4)]
    spoken, notice_given, found_plan_id, itinerary, overridden = values
    return GateRow(
        children_at_stake=tuple(
            Person(
                id=id,
                given_names=given,
                first_surname=first,
                second_surname=second,
                birth_date=born,
            )
            for id, given, first, second, born in zip(*stake, strict=True)
        ),
        latest_election=election_from(election_values, notice_values),
        children_named=frozenset(named),
        separated_at_election=tuple(
            Person(id=id, given_names=given, first_surname=first, second_surname=second)
            for id, given, first, second in zip(*apart, strict=True)
        ),
        parent_languages=frozenset(spoken or ()),
        notice_given=notice_given,
        plan_id=found_plan_id,
        itinerary=frozenset(itinerary or ()),
        overridden_children=frozenset(overridden or ()),
    )


def election_from(election_values: list[Any], notice_values: list[Any]) -> Election | None:
    """Model instances as the ORM would load them (`from_db`), so the facts read the same."""
    if election_values[0] is None:
        return None
    election = Election.from_db(connection.alias, list(ELECTION_ATTRIBUTES), election_values)
    if notice_values[0] is not None:
        election.notice = Notice.from_db(connection.alias, list(NOTICE_ATTRIBUTES), notice_values)
    return election
