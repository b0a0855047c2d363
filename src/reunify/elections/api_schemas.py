"""What the elections API reads and writes: the shapes of its requests and answers.

Elections arrive as multipart forms (with the signed form as a file), so their optional
fields accept an empty value as absent and publish no null, which multipart cannot send.
"""

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from ninja import Field, Schema
from pydantic import BeforeValidator, WithJsonSchema

from reunify.api.inputs import Moment, Text
from reunify.api.references import ActorRef, PersonRef
from reunify.elections.choices import NoticeDelivery
from reunify.vocabulary import CounselChoice, ElectionForm, ElectionOption, SignatureKind

MAX_CHILDREN = 50  # far more than any family; bounds what one request may name


class NoticeIn(Schema):
    language: Text = Field(..., max_length=3, description="ISO 639-3 of the written notice")
    children: list[UUID] | None = Field(
        None, max_length=MAX_CHILDREN, description="Default: every child separated now"
    )


class DeliveryIn(Schema):
    delivered_at: Moment
    method: NoticeDelivery
    interpreter_name: Text = Field("", max_length=400)
    interpreter_language: Text = Field("", max_length=3, description="ISO 639-3")


class NoticeOut(Schema):
    id: UUID
    parent: PersonRef
    short_code: str
    language: str
    form_version: str
    children: list[PersonRef]
    prepared_at: datetime
    prepared_by: ActorRef | None
    delivered_at: datetime | None
    delivered_by: ActorRef | None
    delivery_method: str
    interpreter_name: str
    interpreter_language: str


class DeficiencyOut(Schema):
    code: str
    words: str


class SignedFormOut(Schema):
    media_type: str
    sha256: str


class ElectionOut(Schema):
    id: UUID
    parent: PersonRef
    notice_id: UUID | None
    option: str
    form: str
    made_at: datetime
    more_time_until: date | None
    children: list[PersonRef]
    signature: str
    signed_on: date | None
    witness_name: str
    second_witness_name: str
    notice_language: str
    interpreter_name: str
    interpreter_language: str
    counsel_advised: bool
    counsel: str
    counsel_name: str
    waiver_explicit: bool
    signed_form: SignedFormOut | None
    recorded_by: ActorRef | None
    is_latest: bool
    is_valid: bool
    deficiencies: list[DeficiencyOut]
    acknowledged_at: datetime | None
    acknowledged_by: ActorRef | None
    withdrawn_at: datetime | None
    withdrawn_by: ActorRef | None
    withdrawal_note: str


def _blank_is_absent(value: object) -> object:
    # An HTML form sends an empty field as ""; a multipart client cannot send null at all.
    return None if value in ("", None) else value


# Optional multipart fields: present with a value, or left out (or empty). Their schema
# has no null, since multipart has none to send.
FormDate = Annotated[
    date | None,
    BeforeValidator(_blank_is_absent),
    WithJsonSchema({"type": "string", "format": "date"}),
]
FormId = Annotated[
    UUID | None,
    BeforeValidator(_blank_is_absent),
    WithJsonSchema({"type": "string", "format": "uuid"}),
]
FormSignature = Annotated[
    SignatureKind | None,
    BeforeValidator(_blank_is_absent),
    WithJsonSchema({"type": "string", "enum": [kind.value for kind in SignatureKind]}),
]


class ElectionIn(Schema):
    """An election as it was made and documented, flaws included: the answer says which
    rules it breaks. A signed election comes with its signed form (PDF or image)."""

    option: ElectionOption
    form: ElectionForm
    made_at: Moment
    # Required in fact (the service names the fault); multipart cannot send an empty list.
    children: list[UUID] = Field([], max_length=MAX_CHILDREN, description="Each child named")
    notice_id: FormId = Field(None, description="The delivered notice it answers")
    notice_language: Text = Field(
        "", max_length=3, description="Without a recorded notice: the paper notice's language"
    )
    more_time_until: FormDate = Field(None, description="For MORE_TIME: until when")
    signature: FormSignature = None
    signed_on: FormDate = None
    witness_name: Text = Field("", max_length=400)
    second_witness_name: Text = Field("", max_length=400)
    interpreter_name: Text = Field("", max_length=400)
    interpreter_language: Text = Field("", max_length=3)
    counsel_advised: bool = False
    counsel: CounselChoice = CounselChoice.NOT_RECORDED
    counsel_name: Text = Field("", max_length=400)
    waiver_explicit: bool = False


class WithdrawalIn(Schema):
    note: Text = Field(..., max_length=4000, description="How the parent withdrew it")
