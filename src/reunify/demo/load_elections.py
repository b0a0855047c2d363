"""Load a generated world's elections as the historical records they would be.

An election made years ago reaches Reunify without the accounts of the people who
recorded and acknowledged it, without its notice row and without a scanned form: the
rows name a recorder and a supervisor instead, and the validity rules judge them by
what was written down.

Loaded `as_extract`, they are the rows an `ice` extract would give instead (origin
EXTRACT): no acknowledgment, no stated waiver and no children named, since an extract
shows none of them (DESIGN.md, the `ice` extract). Oversight tests compare the removals
report on such rows with the generator's ground truth.
"""

from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any
from uuid import UUID

from reunify.demo.bulk_insert import insert_in_batches, moment
from reunify.elections.models import Election
from reunify.synth import SynthElection, World
from reunify.vocabulary import (
    CounselChoice,
    ElectionForm,
    ElectionOption,
    ElectionOrigin,
    SignatureKind,
)

# The generator does not say until when a parent asked for more time; a month is what
# such requests usually came to.
MORE_TIME_DAYS = 30
RECORDER_NAME = "Historical record"
ACKNOWLEDGER_NAME = "Supervisor named in the record"
INTERPRETER_NAME = "Interpreter named in the record"


def historical_election(
    election: SynthElection, *, parent_id: UUID, extract_row: str | None = None
) -> Election:
    """The election as a historical record; with `extract_row` ("synth:<n>"), as the
    extract row it would be imported from, showing only what an extract shows."""
    made_at = moment(election.made_on)
    signed = election.form is ElectionForm.SIGNED
    acknowledged = election.acknowledged and extract_row is None
    return Election(
        parent_id=parent_id,
        notice=None,
        option=election.option,
        form=election.form,
        made_at=made_at,
        more_time_until=(
            election.made_on + timedelta(days=MORE_TIME_DAYS)
            if election.option is ElectionOption.MORE_TIME
            else None
        ),
        signature=SignatureKind.SIGNATURE if signed else "",
        signed_on=election.made_on if signed else None,
        notice_language=election.notice_language,
        interpreter_language=election.interpreter_language or "",
        interpreter_name=INTERPRETER_NAME if election.interpreter_language else "",
        # The generator knows only whether the parent was told of counsel; a parent who
        # was told and went ahead is recorded as having declined in writing.
        counsel_advised=bool(election.counsel_advised),
        # An extract row shows only the advisal, never what the parent did next.
        counsel=(
            CounselChoice.UNKNOWN
            if extract_row is not None
            else CounselChoice.DECLINED_IN_WRITING
            if election.counsel_advised
            else CounselChoice.NOT_RECORDED
        ),
        waiver_explicit=bool(election.waiver_explicit) and extract_row is None,
        recorded_by=None,
        recorder_name=RECORDER_NAME,
        acknowledged_at=made_at + timedelta(days=1) if acknowledged else None,
        acknowledger_name=ACKNOWLEDGER_NAME if acknowledged else "",
        origin=ElectionOrigin.RECORDED if extract_row is None else ElectionOrigin.EXTRACT,
        source_record=extract_row or "",
    )


def load_elections(
    world: World,
    person_ids: Mapping[str, UUID],
    progress: Callable[[int], Any],
    *,
    as_extract: bool = False,
) -> int:
    """Insert every election of `world`, and the children each names, in bulk; with
    `as_extract`, as extract rows naming no children."""
    elections = [
        (
            historical_election(
                election,
                parent_id=person_ids[election.parent_key],
                extract_row=f"synth:{number}" if as_extract else None,
            ),
            election,
        )
        for number, election in enumerate(world.elections, start=1)
    ]
    count = insert_in_batches(Election, (row for row, _ in elections), progress)
    covering = Election.children.through
    insert_in_batches(
        covering,
        (
            covering(election_id=row.pk, person_id=person_ids[child_key])
            for row, election in elections
            if not as_extract
            for child_key in election.children
        ),
        progress,
    )
    return count
