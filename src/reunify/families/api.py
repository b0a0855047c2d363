"""Read endpoints for people and family units; later issues add writes beside them."""

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.db.models import Count, Q
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from reunify.accounts.models import User
from reunify.api.auth import caller
from reunify.api.errors import WRITE_ERRORS, ErrorOut
from reunify.api.inputs import Text
from reunify.api.pagination import PageQuery, page_of
from reunify.audit.history import record_view
from reunify.families.models import CustodyEpisode, Person
from reunify.families.overview import build_family_overview
from reunify.families.selectors import (
    family_unit_for,
    family_units_visible_to,
    members_of,
    persons_matching,
    persons_visible_to,
    separations_of,
    with_search_context,
)

router = Router(tags=["families"])
ERRORS: dict[int, Any] = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class IdentifierOut(Schema):
    scheme: str
    value: str


class CustodyOut(Schema):
    kind: str
    where: str
    country: str
    started_at: datetime
    ended_at: datetime | None


class PersonOut(Schema):
    id: UUID
    given_names: str
    first_surname: str
    second_surname: str
    sex: str
    birth_date: date | None
    birth_date_precision: str
    citizenship: str
    languages: list[str]
    identifiers: list[IdentifierOut]
    family_unit_ids: list[UUID]
    current_custody: CustodyOut | None


class PersonPage(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    items: list[PersonOut]


class MemberOut(Schema):
    person: PersonOut
    role: str
    evidence: str
    verified: bool


class SeparationOut(Schema):
    id: UUID
    parent_id: UUID
    child_id: UUID
    separated_at: datetime
    reason: str
    reason_detail: str
    reunited_at: datetime | None


class FamilyUnitSummaryOut(Schema):
    id: UUID
    reference: str
    apprehended_at: datetime
    station: str | None
    open_separations: int


class FamilyUnitPage(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    items: list[FamilyUnitSummaryOut]


class FamilyUnitOut(Schema):
    id: UUID
    reference: str
    apprehension_event_id: str
    apprehended_at: datetime
    station: str | None
    members: list[MemberOut]
    separations: list[SeparationOut]


class PersonSearchBody(PageQuery):
    q: Text = Field(..., min_length=1, max_length=200, description="Name words or an identifier")


def _custody(episode: CustodyEpisode | None) -> dict[str, Any] | None:
    if episode is None:
        return None
    return {
        "kind": episode.kind,
        "where": episode.where,
        "country": episode.country,
        "started_at": episode.started_at,
        "ended_at": episode.ended_at,
    }


def _person(person: Person, current: CustodyEpisode | None = None, *, user: User) -> dict[str, Any]:
    """A person as the API shows them; `family_unit_ids` lists only units the user may
    see (prefetched by `with_search_context`, or read here for `user`)."""
    open_episodes = getattr(person, "open_episodes", None)
    if current is None and open_episodes:
        current = open_episodes[0]
    memberships = getattr(person, "family_memberships", None)
    return {
        "id": person.id,
        "given_names": person.given_names,
        "first_surname": person.first_surname,
        "second_surname": person.second_surname,
        "sex": person.sex,
        "birth_date": person.birth_date,
        "birth_date_precision": person.birth_date_precision,
        "citizenship": person.citizenship,
        "languages": [language.code for language in person.languages.all()],
        "identifiers": [{"scheme": i.scheme, "value": i.value} for i in person.identifiers.all()],
        "family_unit_ids": [m.family_unit_id for m in memberships]
        if memberships is not None
        else list(
            person.memberships.filter(
                family_unit__in=family_units_visible_to(user=user)
            ).values_list("family_unit_id", flat=True)
        ),
        "current_custody": _custody(current),
    }


def persons_page(request: HttpRequest, search: PageQuery | PersonSearchBody) -> dict[str, Any]:
    user = caller(request)
    query = search.q if isinstance(search, PersonSearchBody) else ""
    matches = (
        persons_matching(user=user, query=query)
        if query.strip()
        else persons_visible_to(user=user).order_by("first_surname", "given_names", "id")
    )
    page = page_of(matches, search)
    page["items"] = [
        _person(p, user=user)
        for p in with_search_context(
            matches.filter(pk__in=[p.pk for p in page["items"]]), user=user
        )
    ]
    return page


@router.get("/persons", response={200: PersonPage, **WRITE_ERRORS}, summary="List people")
def list_persons(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    """All visible people, a page at a time. A search goes to `POST /persons/search`: a
    name in a URL ends up in logs and histories, so a `q` here is refused (it was once
    accepted), never silently ignored."""
    if request.GET.get("q", "").strip():
        raise HttpError(400, "A search does not go in the address: POST it to /persons/search.")
    return persons_page(request, query)


# A body to parse, hence the 400 of WRITE_ERRORS, though nothing is written.
@router.post("/persons/search", response={200: PersonPage, **WRITE_ERRORS}, summary="Search people")
def search_persons(request: HttpRequest, search: PersonSearchBody) -> dict[str, Any]:
    """People matching `q` (name words or an identifier), the query in the body so that no
    name travels in a URL."""
    return persons_page(request, search)


@router.get("/persons/{person_id}", response={200: PersonOut, **ERRORS}, summary="One person")
def get_person(request: HttpRequest, person_id: UUID) -> dict[str, Any]:
    user = caller(request)
    person = with_search_context(
        persons_visible_to(user=user).filter(pk=person_id), user=user
    ).first()
    if person is None:
        raise Http404("No such person.")
    record_view(
        actor=caller(request), what="person", subject_type="person",
        subject_id=person.pk, person_ids=[person.pk],
    )  # fmt: skip
    return _person(person, user=user)


@router.get("/family-units", response={200: FamilyUnitPage, **ERRORS}, summary="Family units")
def list_family_units(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    units = (
        family_units_visible_to(user=caller(request))
        .select_related("station")
        .annotate(
            open_separations=Count("separations", filter=Q(separations__reunion__isnull=True))
        )
        .order_by("-apprehended_at", "id")
    )
    page = page_of(units, query)
    page["items"] = [
        {
            "id": u.id,
            "reference": u.reference,
            "apprehended_at": u.apprehended_at,
            "station": u.station.name if u.station else None,
            "open_separations": u.open_separations,
        }
        for u in page["items"]
    ]
    return page


@router.get(
    "/family-units/{family_unit_id}",
    response={200: FamilyUnitOut, **ERRORS},
    summary="One family unit, with members and separations",
)
def get_family_unit(request: HttpRequest, family_unit_id: UUID) -> dict[str, Any]:
    unit = family_unit_for(user=caller(request), family_unit_id=family_unit_id)
    if unit is None:
        raise Http404("No such family unit.")
    separations = separations_of(unit)
    members = members_of(unit)
    overview = build_family_overview(members, separations, today=timezone.localdate())
    record_view(
        actor=caller(request), what="family_unit", subject_type="family_unit",
        subject_id=unit.pk, family_unit_id=unit.pk,
        person_ids=[member.person_id for member in members],
    )  # fmt: skip
    return {
        "id": unit.id,
        "reference": unit.reference,
        "apprehension_event_id": unit.apprehension_event_id,
        "apprehended_at": unit.apprehended_at,
        "station": unit.station.name if unit.station else None,
        "members": [
            {
                "person": _person(m.person, m.current, user=caller(request)),
                "role": m.membership.role,
                "evidence": m.membership.evidence,
                "verified": m.membership.verified,
            }
            for m in overview.members
        ],
        "separations": [
            {
                "id": s.id,
                "parent_id": s.parent_id,
                "child_id": s.child_id,
                "separated_at": s.separated_at,
                "reason": s.reason,
                "reason_detail": s.reason_detail,
                "reunited_at": s.reunion.reunited_at if s.reunion else None,
            }
            for s in separations
        ],
    }
