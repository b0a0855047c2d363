"""Recording a parent's election, a supervisor's acknowledgment, and a withdrawal.

An election is recorded as it happened, flaws included (a spoken "waiver" is documented
as spoken, so the gate and oversight can see it); what is refused is input that cannot be
true: a child not separated from this parent, a future date, a file that is not a form.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied, require_role
from reunify.accounts.roles import ELECTION_ACKNOWLEDGERS, ELECTION_RECORDERS
from reunify.audit.history import record_change
from reunify.elections.choices import (
    LIVE_COUNSEL_CHOICES,
    CounselChoice,
    ElectionForm,
    ElectionOption,
    SignatureKind,
)
from reunify.elections.facts import children_separated_from, latest_election_of
from reunify.elections.models import Election, Notice
from reunify.elections.notice_document import WRITTEN_NOTICE_LANGUAGES
from reunify.elections.signed_forms import MAX_SIGNED_FORM_BYTES, sha256_of, sniff_signed_form
from reunify.families.errors import raise_if_any
from reunify.families.languages import is_language_code, language_name
from reunify.families.locking import lock_people
from reunify.families.models import Person
from reunify.families.rules import (
    Problem,
    event_time_problems,
    length_problems,
    written_problems,
)


@dataclass(frozen=True)
class ElectionDetails:
    """What the officer documents about one election, as entered."""

    option: str
    children: Sequence[Person]
    form: str
    made_at: datetime
    notice: Notice | None = None
    # A notice given on paper before Reunify recorded notices: its language, as stated.
    notice_language: str = ""
    more_time_until: date | None = None
    signature: str = ""
    signed_on: date | None = None
    witness_name: str = ""
    second_witness_name: str = ""
    interpreter_name: str = ""
    interpreter_language: str = ""
    counsel_advised: bool = False
    counsel: str = CounselChoice.NOT_RECORDED
    counsel_name: str = ""
    waiver_explicit: bool = False
    signed_form: UploadedFile | None = None


def _choice_problems(details: ElectionDetails) -> list[Problem]:
    problems = []
    for field, value, allowed in (
        ("option", details.option, ElectionOption.values),
        ("form", details.form, ElectionForm.values),
        ("counsel", details.counsel, [value for value, _ in LIVE_COUNSEL_CHOICES]),
    ):
        if value not in allowed:
            problems.append(Problem(field, f"Unknown {field} {value!r}."))
    if details.signature and details.signature not in SignatureKind.values:
        problems.append(Problem("signature", f"Unknown signature {details.signature!r}."))
    return problems


def _text_problems(details: ElectionDetails) -> list[Problem]:
    problems: list[Problem] = []
    for field in ("witness_name", "second_witness_name", "interpreter_name", "counsel_name"):
        problems += length_problems(field, getattr(details, field), limit=200)
    if details.interpreter_name.strip() and not details.interpreter_language:
        problems.append(Problem("interpreter_language", "Which language did the interpreter use?"))
    for field in ("interpreter_language", "notice_language"):
        code = getattr(details, field)
        if code and not is_language_code(code):
            problems.append(Problem(field, f"Unknown language code {code!r}."))
    if details.notice is not None and details.notice_language:
        problems.append(Problem("notice_language", "The notice's own language is recorded."))
    elif is_language_code(details.notice_language) and (
        details.notice_language not in WRITTEN_NOTICE_LANGUAGES
    ):
        # A paper "in K'iche'" does not exist; accepting one would skip the interpreter.
        *others, last = (language_name(code) for code in WRITTEN_NOTICE_LANGUAGES)
        problems.append(
            Problem(
                "notice_language",
                f"No written notice exists in {language_name(details.notice_language)}; give "
                f"the language of the paper the parent was handed ({', '.join(others)} or "
                f"{last}) and name the interpreter who read it to them.",
            )
        )
    if details.counsel == CounselChoice.CONSULTED and not details.counsel_name.strip():
        problems.append(Problem("counsel_name", "Name the lawyer the parent consulted."))
    return problems


def _form_problems(details: ElectionDetails) -> list[Problem]:
    """A signed election comes with its form, signed and dated, and witnesses for a mark."""
    if details.form != ElectionForm.SIGNED:
        if details.signed_form is not None:
            return [Problem("signed_form", "Only a signed election has a signed form to upload.")]
        return []
    problems = []
    if not details.signature:
        problems.append(Problem("signature", "Was it the parent's signature or a mark?"))
    if details.signed_on is None:
        problems.append(Problem("signed_on", "Give the date written beside the signature."))
    elif details.signed_on > details.made_at.date():
        problems.append(Problem("signed_on", "The form cannot be signed after the election."))
    if details.signature == SignatureKind.MARK_BEFORE_WITNESSES and not (
        details.witness_name.strip() and details.second_witness_name.strip()
    ):
        problems.append(Problem("second_witness_name", "A mark needs two witnesses, named."))
    upload = details.signed_form
    if upload is None:
        problems.append(Problem("signed_form", "Upload the signed form (PDF or image)."))
    elif (upload.size or 0) > MAX_SIGNED_FORM_BYTES:
        problems.append(Problem("signed_form", "The file is larger than 20 MB."))
    else:
        upload.seek(0)
        if sniff_signed_form(upload.read(16)) is None:
            problems.append(Problem("signed_form", "The signed form must be a PDF or an image."))
        upload.seek(0)
    return problems


def _children_problems(details: ElectionDetails, separated: frozenset[object]) -> list[Problem]:
    if not details.children:
        return [Problem("children", "Name each child the election covers.")]
    return [
        Problem("children", f"{child.full_name} is not separated from this parent.")
        for child in details.children
        if child.pk not in separated
    ]


def _notice_problems(details: ElectionDetails, parent: Person) -> list[Problem]:
    notice = details.notice
    if notice is None:
        return []
    if notice.parent_id != parent.pk:
        return [Problem("notice", "This notice was given to someone else.")]
    if not notice.is_delivered:
        return [Problem("notice", "Record the notice's delivery before the election.")]
    assert notice.delivered_at is not None
    if notice.delivered_at > details.made_at:
        return [Problem("made_at", "The election cannot come before the notice was given.")]
    return []


@transaction.atomic
def election_record(*, actor: User, parent: Person, details: ElectionDetails) -> Election:
    """Record a new election; an earlier one is not changed, it is superseded."""
    require_role(actor, ELECTION_RECORDERS, action="record elections")
    lock_people([parent.pk])
    separated = frozenset[object](children_separated_from(parent.pk, at=details.made_at))
    problems = _choice_problems(details)
    problems += event_time_problems("made_at", details.made_at, now=timezone.now())
    problems += _children_problems(details, separated)
    problems += _notice_problems(details, parent)
    problems += _text_problems(details)
    problems += _form_problems(details)
    if details.option == ElectionOption.MORE_TIME and (
        details.more_time_until is None or details.more_time_until <= details.made_at.date()
    ):
        problems.append(Problem("more_time_until", "Until when did the parent ask for time?"))
    if details.option != ElectionOption.MORE_TIME and details.more_time_until is not None:
        problems.append(Problem("more_time_until", "Only a request for more time has an end."))
    raise_if_any(problems)

    election = Election(
        parent=parent,
        notice=details.notice,
        option=details.option,
        form=details.form,
        made_at=details.made_at,
        more_time_until=details.more_time_until,
        signature=details.signature,
        signed_on=details.signed_on,
        witness_name=details.witness_name.strip(),
        second_witness_name=details.second_witness_name.strip(),
        notice_language=details.notice.language if details.notice else details.notice_language,
        interpreter_name=details.interpreter_name.strip(),
        interpreter_language=details.interpreter_language,
        counsel_advised=details.counsel_advised,
        counsel=details.counsel,
        counsel_name=details.counsel_name.strip(),
        waiver_explicit=details.waiver_explicit,
        recorded_by=actor,
    )
    if details.signed_form is not None:
        _keep_signed_form(election, details.signed_form)
    election.save()
    election.children.set(details.children)
    record_change(
        actor=actor,
        action="election.recorded",
        subject_type="election",
        subject_id=election.id,
        person_ids=[parent.id, *(child.id for child in details.children)],
        changes={
            "option": election.option,
            "form": election.form,
            "made_at": election.made_at,
            "children": [child.id for child in details.children],
            "more_time_until": election.more_time_until,
            "counsel": election.counsel,
            "interpreter_language": election.interpreter_language,
            "signed_form_sha256": election.signed_form_sha256,
        },
    )
    return election


def _keep_signed_form(election: Election, upload: UploadedFile) -> None:
    upload.seek(0)
    media_type, extension = sniff_signed_form(upload.read(16)) or ("", "bin")
    election.signed_form_sha256 = sha256_of(upload)
    election.signed_form_type = media_type
    # The stored name carries no personal data: the election's key and the file's hash.
    election.signed_form.save(
        f"{election.id}-{election.signed_form_sha256[:12]}.{extension}", upload, save=False
    )


@transaction.atomic
def election_acknowledge(*, actor: User, election: Election) -> Election:
    """A supervisor, not the recorder, acknowledges the election as documented."""
    require_role(actor, ELECTION_ACKNOWLEDGERS, action="acknowledge elections")
    lock_people([election.parent_id])
    election.refresh_from_db()
    if election.recorded_by_id == actor.pk:
        raise PermissionDenied("The officer who recorded an election cannot acknowledge it.")
    problems = []
    if election.is_acknowledged:
        problems.append(Problem("election", "This election is already acknowledged."))
    if election.is_withdrawn:
        problems.append(Problem("election", "A withdrawn election cannot be acknowledged."))
    raise_if_any(problems)
    election.acknowledged_by = actor
    election.acknowledged_at = timezone.now()
    election.save(update_fields=["acknowledged_by", "acknowledged_at", "updated_at"])
    record_change(
        actor=actor,
        action="election.acknowledged",
        subject_type="election",
        subject_id=election.id,
        person_ids=[election.parent_id],
        changes={"acknowledged_at": election.acknowledged_at},
    )
    return election


@transaction.atomic
def election_withdraw(*, actor: User, election: Election, note: str) -> Election:
    """The parent withdraws their election; without a new one, no election governs."""
    require_role(actor, ELECTION_RECORDERS, action="record withdrawals of elections")
    lock_people([election.parent_id])
    election.refresh_from_db()
    problems = written_problems(
        "note", note, limit=2000, missing="Say how the parent withdrew it (words, form, witness)."
    )
    if election.is_withdrawn:
        problems.append(Problem("election", "This election is already withdrawn."))
    latest = latest_election_of(election.parent_id)
    if latest is not None and latest.pk != election.pk:
        problems.append(Problem("election", "A later election already replaced this one."))
    raise_if_any(problems)
    election.withdrawn_at = timezone.now()
    election.withdrawn_by = actor
    election.withdrawal_note = note.strip()
    election.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_note", "updated_at"])
    record_change(
        actor=actor,
        action="election.withdrawn",
        subject_type="election",
        subject_id=election.id,
        person_ids=[election.parent_id],
        changes={"withdrawn_at": election.withdrawn_at, "note": election.withdrawal_note},
    )
    return election
