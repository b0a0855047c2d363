"""The removals report's facts gathered in one PostgreSQL statement.

The ORM path (`read_model.gathered_by_orm`) sends a query per table and assembles the
parents in Python; at 200,000 removals its row loading alone outran the 10 s target. This
statement does the same steps in the database — which removal counts, which children it
left behind, the governing election, what the rules need of it — and returns one row per
counted parent to the same pure code (`gathered.report_from`). Every condition mirrors
a function of the ORM path, named beside it; `tests/oversight/test_report_sql.py` holds
both paths to the same report. Only column and table names from the models are formatted
in; values are parameters. Each step is one set-wise join over all counted parents, not a
sub-select per parent (those cost 0.2 ms a parent, seconds at national scale); the
removals and separations are inlined where used (NOT MATERIALIZED), since a materialised
CTE probed once per row is scanned whole each time (measured: 95 s at 250,000 people).
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
span AS NOT MATERIALIZED (  -- read_model._separations_of: reunions as known (each use
    -- joins it to the parents it wants)
    SELECT separation.parent_id, separation.child_id, separation.separated_at,
           CASE WHEN {reunion_known} THEN reunion.reunited_at END AS reunited_at
    FROM families_separation separation
    LEFT JOIN families_reunion reunion ON reunion.id = separation.reunion_id
    WHERE true {_known("separation", "separated_at", as_of=as_of)}
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
counted AS MATERIALIZED (  -- counted_removals.counted_removal: the first that left one
    SELECT DISTINCT ON (person_id) person_id, started_at, country, children
    FROM left_behind ORDER BY person_id, started_at
),
latest AS MATERIALIZED (  -- read_model._latest_elections
    SELECT DISTINCT ON (election.parent_id) election.*
    FROM elections_election election JOIN counted ON counted.person_id = election.parent_id
    WHERE true {_known("election", "made_at", as_of=as_of)}
    ORDER BY election.parent_id, election.made_at DESC, election.created_at DESC
),
named AS (  -- read_model._children_named
    SELECT covering.election_id, array_agg(covering.person_id) AS children
    FROM elections_election_children covering JOIN latest ON latest.id = covering.election_id
    GROUP BY covering.election_id
),
spoken AS (  -- read_model._languages
    SELECT spoken.person_id, array_agg(spoken.code) AS codes
    FROM families_personlanguage spoken JOIN counted ON counted.person_id = spoken.person_id
    WHERE true {_known("spoken", as_of=as_of)}
    GROUP BY spoken.person_id
),
apart AS (  -- counted_removals.SeparationSpan.apart_when_made
    SELECT latest.parent_id, array_agg(DISTINCT span.child_id) AS children
    FROM latest JOIN span ON span.parent_id = latest.parent_id
    WHERE span.separated_at <= latest.made_at
      AND (span.reunited_at IS NULL OR span.reunited_at > latest.made_at)
    GROUP BY latest.parent_id
),
held AS (  -- read_model._held_before
    SELECT DISTINCT ON (held.person_id) held.person_id, held.facility_id
    FROM families_custodyepisode held JOIN counted ON counted.person_id = held.person_id
    WHERE held.facility_id IS NOT NULL AND held.started_at < counted.started_at
      {_known("held", "started_at", as_of=as_of)}
    ORDER BY held.person_id, held.started_at DESC
)
SELECT
    counted.person_id, counted.started_at, counted.country, counted.children,
    person.citizenship,
    facility.name,
    {", ".join(f"latest.{column}" for column in ELECTION_FIELDS)},
    {", ".join(f"notice.{column}" for column in NOTICE_FIELDS)},
    named.children,
    spoken.codes,
    apart.children,
    plan.id,
    (  -- read_model._overrides
        SELECT array_agg(granted.justification ORDER BY granted.decided_at)
        FROM removals_gateoverride granted
        WHERE granted.plan_id = plan.id AND granted.status = %(granted)s
    )
FROM counted
JOIN families_person person ON person.id = counted.person_id
LEFT JOIN latest ON latest.parent_id = counted.person_id
LEFT JOIN elections_notice notice ON notice.id = latest.notice_id
LEFT JOIN named ON named.election_id = latest.id
LEFT JOIN spoken ON spoken.person_id = counted.person_id
LEFT JOIN apart ON apart.parent_id = counted.person_id
LEFT JOIN held ON held.person_id = counted.person_id
LEFT JOIN families_facility facility ON facility.id = held.facility_id
LEFT JOIN LATERAL (  -- read_model._overrides: the executed plan of this removal
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
