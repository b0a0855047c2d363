"""Notices of options and parents' elections: prepare, deliver, print, record, acknowledge,
withdraw. Each write calls one service in `elections.services`; each election comes back
judged by the same rules the removal gate applies."""

from typing import Annotated, Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import File, Form, Router, Status, UploadedFile
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import WithJsonSchema

from reunify.accounts.models import User
from reunify.accounts.roles import ELECTION_ACKNOWLEDGERS, ELECTION_RECORDERS
from reunify.api.auth import caller, only
from reunify.api.errors import READ_ERRORS, WRITE_ERRORS
from reunify.api.references import actor_ref, person_or_404, person_ref, persons_named
from reunify.audit.history import record_view
from reunify.elections.api_schemas import (
    DeliveryIn,
    ElectionIn,
    ElectionOut,
    NoticeIn,
    NoticeOut,
    WithdrawalIn,
)
from reunify.elections.facts import judge_election, latest_election_of, spoken_languages
from reunify.elections.models import Election, Notice
from reunify.elections.notice_content import notice_content_for, notice_lookup_url
from reunify.elections.notice_document import render_notice_pdf
from reunify.elections.selectors import (
    election_for,
    elections_visible_to,
    notice_by_short_code,
    notice_for,
    notices_visible_to,
)
from reunify.elections.services import (
    ElectionDetails,
    election_acknowledge,
    election_record,
    election_withdraw,
    notice_delivery_record,
    notice_prepare,
)
from reunify.elections.short_codes import TYPED_SHORT_CODE_PATTERN, short_code_from

router = Router(tags=["elections"])

# The pattern is published, not enforced by the schema: `short_code_from` refuses what
# does not fit, in words that say what a code looks like.
TypedShortCode = Annotated[
    str,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": TYPED_SHORT_CODE_PATTERN,
            "description": "As printed (N7K3-D9XM) or typed: any case, spaces and dashes.",
        }
    ),
]


def _notice_or_404(user: User, notice_id: UUID) -> Notice:
    notice = notice_for(user=user, notice_id=notice_id)
    if notice is None:
        raise Http404("No such notice.")
    return notice


def _election_or_404(user: User, election_id: UUID) -> Election:
    election = election_for(user=user, election_id=election_id)
    if election is None:
        raise Http404("No such election.")
    return election


def _notice(notice: Notice) -> dict[str, Any]:
    return {
        "id": notice.pk,
        "parent": person_ref(notice.parent),
        "short_code": notice.short_code,
        "language": notice.language,
        "form_version": notice.form_version,
        "children": [person_ref(child) for child in notice.children.order_by("given_names")],
        "prepared_at": notice.created_at,
        "prepared_by": actor_ref(notice.prepared_by),
        "delivered_at": notice.delivered_at,
        "delivered_by": actor_ref(notice.delivered_by),
        "delivery_method": notice.delivery_method,
        "interpreter_name": notice.interpreter_name,
        "interpreter_language": notice.interpreter_language,
    }


def _election(
    election: Election, *, latest: Election | None, languages: frozenset[str] | None = None
) -> dict[str, Any]:
    is_latest = latest is not None and latest.pk == election.pk
    judged = judge_election(election, is_latest=is_latest, parent_languages=languages)
    return {
        "id": election.pk,
        "parent": person_ref(election.parent),
        "notice_id": election.notice_id,
        "option": election.option,
        "form": election.form,
        "made_at": election.made_at,
        "more_time_until": election.more_time_until,
        "children": [person_ref(child) for child in judged.children],
        "signature": election.signature,
        "signed_on": election.signed_on,
        "witness_name": election.witness_name,
        "second_witness_name": election.second_witness_name,
        "notice_language": election.notice_language,
        "interpreter_name": election.interpreter_name,
        "interpreter_language": election.interpreter_language,
        "counsel_advised": election.counsel_advised,
        "counsel": election.counsel,
        "counsel_name": election.counsel_name,
        "waiver_explicit": election.waiver_explicit,
        "signed_form": {
            "media_type": election.signed_form_type,
            "sha256": election.signed_form_sha256,
        }
        if election.signed_form
        else None,
        "recorded_by": actor_ref(election.recorded_by, election.recorder_name),
        "is_latest": is_latest,
        "is_valid": judged.is_valid,
        "deficiencies": [
            {"code": code.value, "words": words}
            for code, words in zip(judged.deficiencies, judged.words, strict=True)
        ],
        "acknowledged_at": election.acknowledged_at,
        "acknowledged_by": actor_ref(election.acknowledged_by, election.acknowledger_name),
        "withdrawn_at": election.withdrawn_at,
        "withdrawn_by": actor_ref(election.withdrawn_by),
        "withdrawal_note": election.withdrawal_note,
    }


def _judged(election: Election) -> dict[str, Any]:
    return _election(election, latest=latest_election_of(election.parent_id))


@router.get(
    "/persons/{person_id}/notices",
    response={200: list[NoticeOut], **READ_ERRORS},
    summary="A parent's notices of options",
)
def list_notices(request: HttpRequest, person_id: UUID) -> list[dict[str, Any]]:
    user = caller(request)
    parent = person_or_404(user=user, person_id=person_id)
    return [_notice(n) for n in notices_visible_to(user=user).filter(parent=parent)]


@router.post(
    "/persons/{person_id}/notices",
    auth=only(ELECTION_RECORDERS, action="prepare notices of options"),
    response={201: NoticeOut, **WRITE_ERRORS},
    summary="Prepare a notice of options for a separated parent",
)
def prepare_notice(
    request: HttpRequest, person_id: UUID, payload: NoticeIn
) -> Status[dict[str, Any]]:
    user = caller(request)
    parent = person_or_404(user=user, person_id=person_id)
    children = (
        None
        if payload.children is None
        else persons_named(user=user, ids=payload.children, field="children")
    )
    notice = notice_prepare(actor=user, parent=parent, language=payload.language, children=children)
    return Status(201, _notice(notice))


@router.get(
    "/notices/by-code/{code}",
    response={200: NoticeOut, **READ_ERRORS},
    summary="The notice printed with this short code (case, spaces and dashes do not matter)",
)
def get_notice_by_code(request: HttpRequest, code: TypedShortCode) -> dict[str, Any]:
    user = caller(request)
    try:
        short_code = short_code_from(code)
    except ValueError as error:
        raise NinjaValidationError([{"loc": ("path", "code"), "msg": str(error)}]) from error
    notice = notice_by_short_code(user=user, short_code=short_code)
    if notice is None:
        raise Http404(f"No such notice: {short_code}.")
    _seen(user, notice)
    return _notice(notice)


@router.get("/notices/{notice_id}", response={200: NoticeOut, **READ_ERRORS}, summary="One notice")
def get_notice(request: HttpRequest, notice_id: UUID) -> dict[str, Any]:
    user = caller(request)
    notice = _notice_or_404(user, notice_id)
    _seen(user, notice)
    return _notice(notice)


def _seen(user: User, notice: Notice) -> None:
    """A notice names the parent and the children: who read one is kept, as for a person."""
    record_view(
        actor=user, what="notice", subject_type="notice",
        subject_id=notice.pk, person_ids=[notice.parent_id],
    )  # fmt: skip


@router.post(
    "/notices/{notice_id}/delivery",
    auth=only(ELECTION_RECORDERS, action="record the delivery of notices"),
    response={200: NoticeOut, **WRITE_ERRORS},
    summary="Record that the notice was given to the parent",
)
def record_delivery(request: HttpRequest, notice_id: UUID, payload: DeliveryIn) -> dict[str, Any]:
    user = caller(request)
    notice = notice_delivery_record(
        actor=user,
        notice=_notice_or_404(user, notice_id),
        delivered_at=payload.delivered_at,
        method=payload.method.value,
        interpreter_name=payload.interpreter_name,
        interpreter_language=payload.interpreter_language,
    )
    return _notice(notice)


@router.get(
    "/notices/{notice_id}/pdf",
    response=READ_ERRORS,
    summary="The notice as a print-ready PDF in its language",
    openapi_extra={
        "responses": {
            200: {
                "description": "The notice, US Letter",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def notice_pdf(request: HttpRequest, notice_id: UUID) -> HttpResponse:
    user = caller(request)
    notice = _notice_or_404(user, notice_id)
    _seen(user, notice)
    content = notice_content_for(notice, verify_url=notice_lookup_url(request, notice))
    response = HttpResponse(render_notice_pdf(content), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="notice-{notice.short_code}.pdf"'
    return response


@router.get(
    "/persons/{person_id}/elections",
    response={200: list[ElectionOut], **READ_ERRORS},
    summary="A parent's elections, oldest first, each judged by the validity rules",
)
def list_elections(request: HttpRequest, person_id: UUID) -> list[dict[str, Any]]:
    user = caller(request)
    parent = person_or_404(user=user, person_id=person_id)
    latest = latest_election_of(parent.pk)
    languages = spoken_languages(parent.pk)
    return [
        _election(election, latest=latest, languages=languages)
        for election in elections_visible_to(user=user).filter(parent=parent)
    ]


@router.post(
    "/persons/{person_id}/elections",
    auth=only(ELECTION_RECORDERS, action="record elections"),
    response={201: ElectionOut, **WRITE_ERRORS},
    summary="Record a parent's election (multipart, with the signed form if signed)",
)
def record_election(
    request: HttpRequest,
    person_id: UUID,
    payload: Form[ElectionIn],
    signed_form: File[UploadedFile | None] = None,
) -> Status[dict[str, Any]]:
    user = caller(request)
    parent = person_or_404(user=user, person_id=person_id)
    notice = None
    if payload.notice_id is not None:
        notice = notices_visible_to(user=user).filter(pk=payload.notice_id).first()
        if notice is None:
            raise ValidationError({"notice_id": ["No such notice."]})
    details = ElectionDetails(
        option=payload.option.value,
        children=persons_named(user=user, ids=payload.children, field="children"),
        form=payload.form.value,
        made_at=payload.made_at,
        notice=notice,
        notice_language=payload.notice_language,
        more_time_until=payload.more_time_until,
        signature=payload.signature.value if payload.signature else "",
        signed_on=payload.signed_on,
        witness_name=payload.witness_name,
        second_witness_name=payload.second_witness_name,
        interpreter_name=payload.interpreter_name,
        interpreter_language=payload.interpreter_language,
        counsel_advised=payload.counsel_advised,
        counsel=payload.counsel.value,
        counsel_name=payload.counsel_name,
        waiver_explicit=payload.waiver_explicit,
        signed_form=signed_form,
    )
    election = election_record(actor=user, parent=parent, details=details)
    return Status(201, _judged(election))


@router.post(
    "/elections/{election_id}/acknowledgment",
    auth=only(ELECTION_ACKNOWLEDGERS, action="acknowledge elections"),
    response={200: ElectionOut, **WRITE_ERRORS},
    summary="A supervisor, not the recorder, acknowledges the election as documented",
)
def acknowledge_election(request: HttpRequest, election_id: UUID) -> dict[str, Any]:
    user = caller(request)
    election = election_acknowledge(actor=user, election=_election_or_404(user, election_id))
    return _judged(election)


@router.post(
    "/elections/{election_id}/withdrawal",
    auth=only(ELECTION_RECORDERS, action="record withdrawals of elections"),
    response={200: ElectionOut, **WRITE_ERRORS},
    summary="Record that the parent withdrew their election",
)
def withdraw_election(
    request: HttpRequest, election_id: UUID, payload: WithdrawalIn
) -> dict[str, Any]:
    user = caller(request)
    election = election_withdraw(
        actor=user, election=_election_or_404(user, election_id), note=payload.note
    )
    return _judged(election)
