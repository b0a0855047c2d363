"""Separated parents, notices and elections, built through the real services.

Times are relative to now, because the gate judges "more time" deadlines against today
and services refuse events in the future.
"""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from reunify.accounts.models import User
from reunify.elections.choices import CounselChoice, ElectionForm, ElectionOption, SignatureKind
from reunify.elections.models import Election, Notice
from reunify.elections.services import (
    ElectionDetails,
    election_acknowledge,
    election_record,
    notice_delivery_record,
    notice_prepare,
)
from reunify.families.choices import MemberRole
from reunify.families.models import Facility, FamilyUnit, Person
from reunify.families.services import NewMember, family_unit_create_at_apprehension
from tests.families.factories import child_details, mother_details, separate

# A minimal PDF: enough bytes for the upload check, which reads the signature.
SIGNED_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def days_ago(days: float) -> datetime:
    return timezone.now() - timedelta(days=days)


def signed_form(content: bytes = SIGNED_PDF, name: str = "election.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def kiche_mother_with_children(
    *,
    actor: User,
    station: Facility,
    children: Sequence[str] = ("Tomás",),
    mother_languages: tuple[str, ...] = ("quc",),
) -> tuple[FamilyUnit, Person, list[Person]]:
    """A mother who speaks only K'iche', apprehended 20 days ago with her children and
    separated from each of them 19 days ago."""
    births = {"Tomás": date(2019, 4, 2), "Ana": date(2017, 2, 1), "Luis": date(2021, 6, 9)}
    unit = family_unit_create_at_apprehension(
        actor=actor,
        apprehended_at=days_ago(20),
        station=station,
        members=[
            NewMember(mother_details(languages=mother_languages), role=MemberRole.PARENT),
            *(
                NewMember(
                    child_details(given_names=name, birth_date=births.get(name, date(2018, 1, 1))),
                    role=MemberRole.CHILD,
                )
                for name in children
            ),
        ],
    )
    mother = unit.memberships.get(role=MemberRole.PARENT).person
    kids = [unit.memberships.get(person__given_names=name).person for name in children]
    for child in kids:
        separate(actor=actor, unit=unit, parent=mother, child=child, at=days_ago(19))
    return unit, mother, kids


def delivered_notice(
    *,
    actor: User,
    parent: Person,
    language: str = "spa",
    interpreter: tuple[str, str] | None = ("Juana Tzoc Us", "quc"),
    delivered_at: datetime | None = None,
) -> Notice:
    notice = notice_prepare(actor=actor, parent=parent, language=language)
    name, code = interpreter or ("", "")
    return notice_delivery_record(
        actor=actor,
        notice=notice,
        delivered_at=delivered_at or timezone.now(),
        method="READ_ALOUD",
        interpreter_name=name,
        interpreter_language=code,
    )


def documented(
    *,
    option: str = ElectionOption.CHILDREN_REMAIN,
    children: Sequence[Person],
    notice: Notice | None,
    **changes: Any,
) -> ElectionDetails:
    """Every rule satisfied: written, signed and dated, counsel declined in writing,
    waiver explicit, every named child given; change any field to break one rule."""
    details = ElectionDetails(
        option=option,
        children=children,
        form=ElectionForm.SIGNED,
        made_at=timezone.now(),
        notice=notice,
        more_time_until=(timezone.localdate() + timedelta(days=14))
        if option == ElectionOption.MORE_TIME
        else None,
        signature=SignatureKind.SIGNATURE,
        signed_on=timezone.localdate(),
        interpreter_name="Juana Tzoc Us",
        interpreter_language="quc",
        counsel_advised=True,
        counsel=CounselChoice.DECLINED_IN_WRITING,
        waiver_explicit=option == ElectionOption.CHILDREN_REMAIN,
        signed_form=signed_form(),
    )
    return replace(details, **changes)


def elect(
    *,
    actor: User,
    parent: Person,
    children: Sequence[Person],
    notice: Notice | None,
    option: str = ElectionOption.CHILDREN_REMAIN,
    acknowledged_by: User | None = None,
    **changes: Any,
) -> Election:
    election = election_record(
        actor=actor,
        parent=parent,
        details=documented(option=option, children=children, notice=notice, **changes),
    )
    if acknowledged_by is not None:
        election = election_acknowledge(actor=acknowledged_by, election=election)
    return election


def elect_after_notice(
    *,
    actor: User,
    parent: Person,
    children: Sequence[Person],
    option: str = ElectionOption.CHILDREN_REMAIN,
    acknowledged_by: User | None = None,
    **changes: Any,
) -> Election:
    """`elect` on a notice `actor` has just delivered to `parent` (`delivered_notice`: in
    Spanish, read aloud by a K'iche' interpreter)."""
    return elect(
        actor=actor,
        parent=parent,
        children=children,
        notice=delivered_notice(actor=actor, parent=parent),
        option=option,
        acknowledged_by=acknowledged_by,
        **changes,
    )
