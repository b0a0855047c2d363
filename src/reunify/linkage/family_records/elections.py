"""Historical elections from `ice` rows, recorded as the extract states them.

The row gives the option, the form (signed, unsigned, verbal), the day, the notice's
language, an interpreter's language and whether counsel was advised. It says nothing of
acknowledgment, the waiver's wording or the children named (DESIGN.md): those stay
unknown (`origin=EXTRACT`), which the validity rules and the removals report honour. A
row with an option but no day cannot be placed in time and is left out; the import notes
already flag it.
"""

from datetime import timedelta
from uuid import UUID

from reunify.elections.models import Election
from reunify.linkage.family_records.linked_rows import Row
from reunify.linkage.family_records.record_keys import moment, record_uuid
from reunify.linkage.family_records.writing import new
from reunify.vocabulary import (
    CounselChoice,
    ElectionForm,
    ElectionOption,
    ElectionOrigin,
    SignatureKind,
)

RECORDER = "Detention record (extract)"
INTERPRETER = "Not named in the extract"
# The extract has no deadline for MORE_TIME; the model needs one. Thirty days is what
# such requests usually came to, and the removals report does not read it.
MORE_TIME_DAYS = 30


def election_from(row: Row, parent_id: UUID) -> Election | None:
    if not row["election"] or row["election_on"] is None or not row["election_form"]:
        return None
    made_on = row["election_on"]
    option = ElectionOption(row["election"])
    signed = row["election_form"] == ElectionForm.SIGNED
    return new(
        Election,
        id=record_uuid(row["source_record"]),
        parent_id=parent_id,
        option=option,
        form=row["election_form"],
        made_at=moment(made_on),
        more_time_until=(
            made_on + timedelta(days=MORE_TIME_DAYS) if option is ElectionOption.MORE_TIME else None
        ),
        signature=SignatureKind.SIGNATURE if signed else "",
        signed_on=made_on if signed else None,
        notice_language=row["notice_language"],
        interpreter_language=row["interpreter_language"],
        interpreter_name=INTERPRETER if row["interpreter_language"] else "",
        counsel_advised=bool(row["counsel_advised"]),
        counsel=CounselChoice.UNKNOWN if row["counsel_advised"] else CounselChoice.NOT_RECORDED,
        recorder_name=RECORDER,
        origin=ElectionOrigin.EXTRACT,
        source_record=row["source_record"],
    )


def elections_from(ice_rows: list[Row]) -> list[Election]:
    found = (election_from(row, row["person_id"]) for row in ice_rows)
    return [election for election in found if election is not None]
