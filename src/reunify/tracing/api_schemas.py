"""What the tracing API reads and answers. Every name starts with "Tracing": OpenAPI
components are named after their classes, and two apps' `PlanIn` would be one schema."""

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from reunify.api.inputs import Moment, Text, WholeNumber
from reunify.api.pagination import PageQuery
from reunify.api.references import ActorRef, PersonRef


class TracingCaseOut(Schema):
    id: UUID
    child: PersonRef
    parent: PersonRef = Field(..., description="The parent sought")
    family_unit_id: UUID
    state: str = Field(..., description="NOT_STARTED, SEARCHING, LOCATED, IN_CONTACT, …")
    no_contact_info: bool
    parent_whereabouts: str = Field(..., description="removed, in_country or unknown")
    parent_country: str = Field(..., description="Where the parent was removed to, if removed")
    assigned_to: ActorRef | None
    assigned_organisation: str
    next_action: str
    next_action_due: date | None
    opened_at: datetime
    search_started_at: datetime | None
    last_attempt_at: datetime | None
    closed_at: datetime | None
    reunion_id: UUID | None


class TracingDetailOut(Schema):
    kind: str
    value: str = Field(..., description="Telephone numbers in E.164")
    dead: bool
    dead_at: datetime | None
    dead_reason: str


class TracingAttemptOut(Schema):
    id: UUID
    channel: str
    attempted_at: datetime
    outcome: str
    detail: str
    made_by: str
    partner_organisation: str
    notes: str
    recorded_by: ActorRef | None


class TracingContactOut(Schema):
    id: UUID
    kind: str
    happened_at: datetime
    minutes: int | None
    notes: str


class TracingParoleStepOut(Schema):
    milestone: str
    reached_on: date
    notes: str


class TracingReferralOut(Schema):
    service: str
    provider: str
    referred_on: date
    notes: str


class TracingPlanOut(Schema):
    setting: str
    method: str
    place: str
    planned_for: date | None
    notes: str
    parole_steps: list[TracingParoleStepOut]
    referrals: list[TracingReferralOut]


class TracingCaseDetailOut(TracingCaseOut):
    contact_details: list[TracingDetailOut]
    attempts: list[TracingAttemptOut]
    contacts: list[TracingContactOut]
    plan: TracingPlanOut | None


class TracingCasePage(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    items: list[TracingCaseOut]


class TracingCaseQuery(PageQuery):
    state: Text = Field("", max_length=24, description="A state; blank for every open case")
    nationality: Text = Field("", max_length=2, description="The child's citizenship")
    parent_country: Text = Field("", max_length=2, description="Where the parent was removed to")
    whereabouts: Text = Field("", max_length=12, description="removed, in_country or unknown")
    last_attempt: Text = Field("", max_length=8, description="never, 7 or 30 (days without)")
    due: Text = Field("", max_length=8, description="overdue, week or none")
    assigned: Text = Field("", max_length=200, description="me, nobody or an organisation")
    no_contact_info: bool = False


class TracingCaseOpenIn(Schema):
    child_id: UUID
    parent_id: UUID = Field(..., description="The parent sought")
    family_unit_id: UUID = Field(..., description="A family unit the child is a child of")


class TracingAttemptIn(Schema):
    channel: str = Field(..., max_length=16, description="PHONE, MESSAGE, PARTNER_VISIT, …")
    attempted_at: Moment
    outcome: str = Field(..., max_length=16, description="REACHED, NO_ANSWER, DETAIL_DEAD, …")
    detail: Text = Field("", max_length=300, description="The number, address or account tried")
    detail_kind: str = Field("PHONE", max_length=8, description="PHONE, ADDRESS or OTHER")
    country: str = Field("", max_length=2, description="Country of a number without its code")
    made_by: Text = Field("", max_length=200)
    partner_organisation: Text = Field("", max_length=200)
    notes: Text = Field("", max_length=8000)
    retry_dead: bool = Field(False, description="Retry a detail known to have failed")


class TracingContactIn(Schema):
    """`kind` and `happened_at` are required; they are checked after the case is found,
    so that a case manager asking about a case outside their scope gets the 404 an
    unknown case gets, whatever the body."""

    kind: str = Field("", max_length=12, description="Required: CALL, VIDEO_CALL or VISIT")
    happened_at: Moment | None = Field(None, description="Required")
    minutes: WholeNumber | None = Field(None, ge=1, le=1440)
    notes: Text = Field("", max_length=8000)


class TracingPlanIn(Schema):
    setting: str = Field(..., max_length=12, description="IN_COUNTRY or ABROAD")
    method: str = Field(..., max_length=32, description="RELEASE_TO_PARENT, PAROLE_OF_…, …")
    place: Text = Field("", max_length=200)
    planned_for: date | None = None
    notes: Text = Field("", max_length=8000)


class TracingParoleIn(Schema):
    milestone: str = Field(..., max_length=24, description="APPLICATION_FILED, GRANTED, …")
    reached_on: date
    notes: Text = Field("", max_length=8000)


class TracingReferralIn(Schema):
    service: str = Field(..., max_length=20, description="BEHAVIOURAL_HEALTH, HOUSING, …")
    provider: Text = Field(..., max_length=200)
    referred_on: date
    notes: Text = Field("", max_length=8000)


class TracingReunificationIn(Schema):
    reunited_at: Moment
    place: Text = Field("", max_length=200)


class TracingFigureOut(Schema):
    key: str
    label: str
    definition: str
    count: int


class TracingBreakdownRowOut(Schema):
    value: str
    counts: dict[str, int]


class TracingBreakdownOut(Schema):
    by: str
    rows: list[TracingBreakdownRowOut]


class TracingFiguresOut(Schema):
    as_of: datetime
    unit: str
    figures: list[TracingFigureOut]
    breakdowns: dict[str, TracingBreakdownOut]
