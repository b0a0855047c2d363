"""Ways to reach a parent, and each attempt to reach them.

A telephone number is kept in E.164, so "+502 5123-4567" and "5123 4567" for a parent in
Guatemala are one number; a number that failed is marked dead on the person, for every
case that seeks them, and is retried only knowingly.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import TRACERS
from reunify.audit.history import record_change
from reunify.families.errors import raise_if_any
from reunify.families.models import CustodyEpisode, Person
from reunify.families.rules import Problem, length_problems
from reunify.tracing.choices import (
    DEAD_OUTCOMES,
    PHONE_CHANNELS,
    Channel,
    DetailKind,
    Outcome,
)
from reunify.tracing.models import ContactAttempt, ContactDetail, TracingCase
from reunify.tracing.rules import attempt_problems, phone_in_e164
from reunify.tracing.services.cases import case_move, has_live_detail, locked
from reunify.tracing.transitions import TracingState, forward_path


def likely_country(person: Person) -> str:
    """Where a number without a calling code most likely is: the country the person was
    removed to, else their citizenship."""
    removal = (
        CustodyEpisode.objects.filter(person=person, ended_at__isnull=True, kind="REMOVED")
        .values_list("country", flat=True)
        .first()
    )
    return removal or person.citizenship


def _standard_value(kind: str, text: str, country: str) -> tuple[str, list[Problem]]:
    if kind not in DetailKind.values:
        return "", [Problem("kind", f"Unknown kind of detail {kind!r}.")]
    if kind == DetailKind.PHONE:
        answer = phone_in_e164(text, country=country)
        return answer.e164 or "", [answer.problem] if answer.problem else []
    value = " ".join(text.split())
    if not value:
        return "", [Problem("detail", "Write the detail.")]
    return value, length_problems("detail", value, limit=300)


def _detail_for(
    *, actor: User, person: Person, kind: str, text: str, country: str, source: str = ""
) -> ContactDetail:
    value, problems = _standard_value(kind, text, country or likely_country(person))
    problems += length_problems("source", source, limit=200)
    raise_if_any(problems)
    detail, created = ContactDetail.objects.get_or_create(
        person=person,
        kind=kind,
        value=value,
        defaults={"as_written": text.strip()[:300], "source": source.strip(), "added_by": actor},
    )
    if created:
        record_change(
            actor=actor,
            action="tracing.contact_detail_added",
            subject_type="contact_detail",
            subject_id=detail.pk,
            person_ids=[person.pk],
            changes={"kind": kind, "value": value, "as_written": detail.as_written},
        )
        # Something new to try: the parent's cases are no longer without contact details.
        TracingCase.objects.filter(parent=person, closed_at__isnull=True).update(
            no_contact_info=False, updated_at=timezone.now()
        )
    return detail


@transaction.atomic
def contact_detail_add(
    *, actor: User, person: Person, kind: str, text: str, country: str = "", source: str = ""
) -> ContactDetail:
    """A telephone number, address or other way to reach `person` (the same detail
    twice is one detail)."""
    require_role(actor, TRACERS, action="record contact details")
    return _detail_for(
        actor=actor, person=person, kind=kind, text=text, country=country, source=source
    )


@transaction.atomic
def contact_attempt_record(
    *,
    actor: User,
    case: TracingCase,
    channel: str,
    attempted_at: datetime,
    outcome: str,
    detail_text: str = "",
    detail_kind: str = DetailKind.PHONE,
    country: str = "",
    made_by: str = "",
    partner_organisation: str = "",
    notes: str = "",
    retry_dead: bool = False,
) -> ContactAttempt:
    """Record one attempt to reach the case's parent and what it changed.

    The first attempt starts the search; reaching the parent puts the case in contact
    (through "located"); a detail that failed is marked dead, and when no live detail is
    left the case is flagged NO_CONTACT_INFO."""
    require_role(actor, TRACERS, action="record contact attempts")
    case = locked(case)
    problems = attempt_problems(
        channel=channel,
        outcome=outcome,
        attempted_at=attempted_at,
        now=timezone.now(),
        has_detail=bool(detail_text.strip()),
    )
    for field, text, limit in (
        ("made_by", made_by, 200),
        ("partner_organisation", partner_organisation, 200),
        ("notes", notes, 8000),
    ):
        problems += length_problems(field, text, limit=limit)
    if case.is_closed:
        problems.append(Problem("case", "The case is closed; attempts are no longer recorded."))
    raise_if_any(problems)
    kind = DetailKind.PHONE if channel in PHONE_CHANNELS else detail_kind
    if channel == Channel.MESSAGE and "@" in detail_text:
        kind = DetailKind.OTHER  # an e-mail or messaging account, not a number
    detail = None
    if detail_text.strip():
        detail = _detail_for(
            actor=actor, person=case.parent, kind=kind, text=detail_text, country=country
        )
        if detail.dead and not retry_dead:
            raise_if_any(
                [
                    Problem(
                        "detail",
                        f"{detail.value} was marked dead on {detail.dead_at:%Y-%m-%d} "
                        f"({detail.dead_reason}). Retry it only knowingly.",
                    )
                ]
            )
    attempt = ContactAttempt.objects.create(
        case=case,
        channel=channel,
        attempted_at=attempted_at,
        recorded_by=actor,
        made_by=made_by.strip(),
        partner_organisation=partner_organisation.strip(),
        outcome=outcome,
        detail=detail,
        notes=notes.strip(),
    )
    record_change(
        actor=actor,
        action="tracing.attempt_recorded",
        subject_type="tracing_case",
        subject_id=case.pk,
        family_unit_id=case.family_unit_id,
        person_ids=[case.child_id, case.parent_id],
        changes={
            "attempt": attempt.pk,
            "channel": channel,
            "attempted_at": attempted_at,
            "outcome": outcome,
            "detail": detail.value if detail else "",
            "partner_organisation": attempt.partner_organisation,
        },
    )
    if detail is not None and outcome in DEAD_OUTCOMES and not detail.dead:
        detail.dead, detail.dead_at = True, attempted_at
        detail.dead_reason = Outcome(outcome).label
        detail.save()
    elif detail is not None and outcome in (Outcome.REACHED, Outcome.LOCATED) and detail.dead:
        # It worked after all: whoever retried it knowingly brought it back.
        detail.dead, detail.dead_at, detail.dead_reason = False, None, ""
        detail.save()
    if case.last_attempt_at is None or attempted_at > case.last_attempt_at:
        case.last_attempt_at = attempted_at
    case.no_contact_info = not has_live_detail(case.parent_id)
    case.save()
    target = {
        Outcome.REACHED: TracingState.IN_CONTACT,
        Outcome.LOCATED: TracingState.LOCATED,
    }.get(Outcome(outcome), TracingState.SEARCHING)
    for step in forward_path(case.state, target) or []:
        case_move(actor=actor, case=case, to=step, why=f"attempt {attempt.pk}")
    return attempt
