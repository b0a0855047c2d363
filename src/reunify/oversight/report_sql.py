"""The removals report's facts gathered in one PostgreSQL statement.

The ORM path (`read_model.gathered_by_orm`) sends a query per table and assembles the
parents in Python; at 200,000 removals its row loading alone outran the 10 s target. This
statement does the same steps in the database — which removal counts, which children it
left behind, the governing election, what the rules need of it — and returns one row per
counted parent to the same pure code (`gathered.report_from`). Every condition mirrors
a function of the ORM path, named beside it; `tests/oversight/test_report_sql.py` holds
both paths to the same report. Only column and table names from the models are formatted
in; values are parameters. The removals and separations are inlined where used (NOT
MATERIALIZED): read through their indexes per parent, where a materialised CTE would be
scanned whole for each (measured: 95 s at 250,000 people, against seconds).
"""

from datetime import datetime

from django.db import connection

from reunify.oversight.counted_removals import Removal
from reunify.oversight.gathered import ELECTION_FIELDS, NOTICE_FIELDS, GatheredParent
from reunify.removals.models import OverrideStatus, RemovalStatus


def _known(alias: str, *event_columns: str, as_of: bool) -> str:
    """`read_model._known_by`: recorded, and happened, before the cut."""
    if not as_of:
        return ""
    return "".join(f" AND {alias}.{column} < %(cut)s" for column in ("created_at", *event_columns))


def statement(*, as_of: bool) -> str:
    reunion_known = (
        "reunion.reunited_at < %(cut)s AND reunion.created_at < %(cut)s" if as_of else "true"
    )
    return f"""
WITH removal AS NOT MATERIALIZED (  -- read_model.removal_episodes
    SELECT person_id, started_at, country FROM families_custodyepisode episode
    WHERE kind = 'REMOVED'{_known("episode", "started_at", as_of=as_of)}
),
span AS NOT MATERIALIZED (  -- read_model._separations_of: reunions as known
    SELECT separation.parent_id, separation.child_id, separation.separated_at,
           CASE WHEN {reunion_known} THEN reunion.reunited_at END AS reunited_at
    FROM families_separation separation
    LEFT JOIN families_reunion reunion ON reunion.id = separation.reunion_id
    WHERE separation.parent_id IN (SELECT person_id FROM removal)
      {_known("separation", "separated_at", as_of=as_of)}
),
left_behind AS (  -- counted_removals.children_left_by, for every removal of a parent
    SELECT removal.person_id, removal.started_at, removal.country,
           array_agg(DISTINCT span.child_id) AS children
    FROM removal JOIN span ON span.parent_id = removal.person_id
    WHERE span.separated_at <= removal.started_at
      AND (span.reunited_at IS NULL OR span.reunited_at >= removal.started_at)
      AND NOT EXISTS (
          SELECT 1 FROM removal together
          WHERE together.person_id = span.child_id
            AND together.started_at = removal.started_at
            AND together.country = removal.country
      )
    GROUP BY removal.person_id, removal.started_at, removal.country
),
counted AS (  -- counted_removals.counted_removal: the first that left a child behind
    SELECT DISTINCT ON (person_id) person_id, started_at, country, children
    FROM left_behind ORDER BY person_id, started_at
)
SELECT
    counted.person_id, counted.started_at, counted.country, counted.children,
    person.citizenship,
    facility.name,
    {", ".join(f"latest.{column}" for column in ELECTION_FIELDS)},
    {", ".join(f"notice.{column}" for column in NOTICE_FIELDS)},
    (  -- read_model._children_named
        SELECT array_agg(person_id) FROM elections_election_children
        WHERE election_id = latest.id
    ),
    (  -- read_model._languages
        SELECT array_agg(code) FROM families_personlanguage spoken
        WHERE spoken.person_id = counted.person_id {_known("spoken", as_of=as_of)}
    ),
    (  -- counted_removals.SeparationSpan.apart_when_made, reunions as known
        SELECT array_agg(DISTINCT apart.child_id) FROM families_separation apart
        LEFT JOIN families_reunion reunion ON reunion.id = apart.reunion_id
        WHERE apart.parent_id = counted.person_id AND apart.separated_at <= latest.made_at
          {_known("apart", "separated_at", as_of=as_of)}
          AND (reunion.id IS NULL OR NOT ({reunion_known})
               OR reunion.reunited_at > latest.made_at)
    ),
    plan.id,
    (  -- read_model._overrides
        SELECT array_agg(granted.justification ORDER BY granted.decided_at)
        FROM removals_gateoverride granted
        WHERE granted.plan_id = plan.id AND granted.status = %(granted)s
    )
FROM counted
JOIN families_person person ON person.id = counted.person_id
LEFT JOIN LATERAL (  -- read_model._latest_elections
    SELECT * FROM elections_election election
    WHERE election.parent_id = counted.person_id {_known("election", "made_at", as_of=as_of)}
    ORDER BY election.made_at DESC, election.created_at DESC LIMIT 1
) AS latest ON true
LEFT JOIN elections_notice notice ON notice.id = latest.notice_id
LEFT JOIN LATERAL (  -- read_model._held_before
    SELECT held.facility_id FROM families_custodyepisode held
    WHERE held.person_id = counted.person_id AND held.started_at < counted.started_at
      AND held.facility_id IS NOT NULL {_known("held", "started_at", as_of=as_of)}
    ORDER BY held.started_at DESC LIMIT 1
) AS held ON true
LEFT JOIN families_facility facility ON facility.id = held.facility_id
LEFT JOIN LATERAL (
    SELECT plan.id FROM removals_removalplan plan
    WHERE plan.parent_id = counted.person_id AND plan.status = %(executed)s
      AND plan.passed_by_override AND plan.executed_at = counted.started_at
      {_known("plan", "executed_at", as_of=as_of)}
    LIMIT 1
) AS plan ON true
"""  # noqa: S608


def gathered_by_sql(cut: datetime | None) -> list[GatheredParent]:
    with connection.cursor() as cursor:
        cursor.execute(
            statement(as_of=cut is not None),
            {
                "cut": cut,
                "granted": OverrideStatus.GRANTED.value,
                "executed": RemovalStatus.EXECUTED.value,
            },
        )
        rows = cursor.fetchall()
    gathered = []
    for row in rows:
        values = list(row)
        person_id, started_at, country, children, citizenship, facility = values[:6]
        del values[:6]
        election = dict(zip(ELECTION_FIELDS, values[: len(ELECTION_FIELDS)], strict=True))
        del values[: len(ELECTION_FIELDS)]
        notice = dict(zip(NOTICE_FIELDS, values[: len(NOTICE_FIELDS)], strict=True))
        del values[: len(NOTICE_FIELDS)]
        named, spoken, apart, plan_id, justifications = values
        has_election = election["id"] is not None
        gathered.append(
            GatheredParent(
                person_id=person_id,
                removal=Removal(person_id, started_at, country, facility or ""),
                children_left=tuple(children),
                nationality=citizenship,
                election=election if has_election else None,
                notice=notice if notice["id"] is not None else None,
                children_named=frozenset(named or ()),
                spoken=frozenset(spoken or ()),
                apart_when_elected=frozenset(apart or ()),
                override_justifications=(None if plan_id is None else tuple(justifications or ())),
            )
        )
    return gathered
